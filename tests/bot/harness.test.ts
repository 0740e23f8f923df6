import { describe, expect, it } from "vitest";
import { editedText, privateText } from "../../src/testing/fake-bot-api.js";
import { createFakeEngine } from "./fake-engine.js";
import { createTestBot } from "./harness.js";

const alice = { id: 1, first_name: "Alice" };

// The harness is what every bot test stands on: a handler that throws must fail the test that sent the update,
// even though in production bot.catch only logs it.
describe("test harness", () => {
  const throwing = () => {
    const engine = createFakeEngine();
    return {
      ...engine,
      ask: () => {
        throw new Error("engine exploded");
      },
    };
  };

  it("fails send() when a handler throws, although bot.catch only logs it", async () => {
    const t = createTestBot({ engine: throwing() });
    await expect(t.send(privateText(alice, "calls?"))).rejects.toThrow(/a handler threw.*engine exploded/);
    expect(t.errors).toHaveLength(1);
    expect(t.logs.some((l) => l.includes("error while handling an update"))).toBe(true);
  });

  it("keeps the error for tests that expect one", async () => {
    const t = createTestBot({ engine: throwing(), expectErrors: true });
    await t.send(privateText(alice, "calls?"));
    expect(t.errors.map((e) => String(e.error))).toEqual(["Error: engine exploded"]);
  });

  it("lets a silent update through without errors", async () => {
    const t = createTestBot();
    await t.send(editedText(alice, "calls?"));
    expect(t.errors).toHaveLength(0);
  });
});
