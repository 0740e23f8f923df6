import { expect, it } from "vitest";
import { setUpProfile } from "../../src/bot/profile.js";
import { fakeKnowledge } from "./fake-engine.js";
import { captureLogger, createTestBot } from "./harness.js";

it("describes the bot with what its knowledge is about (knowledge/about.yaml), in every language", async () => {
  const t = createTestBot();
  const { logger } = captureLogger();
  await setUpProfile(t.bot.api, logger, fakeKnowledge().about);
  const descriptions = t
    .sent("setMyDescription")
    .map((c) => [c.payload.language_code, c.payload.description]);
  expect(descriptions).toContainEqual([
    undefined,
    expect.stringMatching(/^Three test reports about a hotline/),
  ]);
  expect(descriptions).toContainEqual(["ru", expect.stringMatching(/^Три тестовых материала о линии\./)]);
  for (const [, text] of descriptions) expect(String(text).length).toBeLessThanOrEqual(512);
  // Without about.yaml the generic description stays.
  const plain = createTestBot();
  await setUpProfile(plain.bot.api, logger);
  expect(plain.sent("setMyDescription")[0]?.payload.description).toMatch(/^I answer questions about facts/);
});
