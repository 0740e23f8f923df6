import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { expect, it } from "vitest";
import { createEngine } from "../../src/answer/engine.js";
import { runConsoleChat } from "../../src/cli/console-chat.js";
import { loadKnowledge } from "../../src/knowledge/load.js";

it("answers typed questions with a citation and leaves on /quit", async () => {
  const { knowledge } = await loadKnowledge(join(import.meta.dirname, "../../knowledge"));
  if (!knowledge) throw new Error("knowledge does not validate");
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  const input = Readable.from([
    "Which agency launched the I Want to Live hotline?\n",
    "\n",
    "what time is it\n",
    "thanks!\n",
    "/quit\n",
    "Which agency launched the I Want to Live hotline?\n", // after /quit: never read
  ]);
  await runConsoleChat(createEngine(knowledge), { input, output });
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  expect(text).toMatch(/factline console chat: \d+ sourced facts from \d+ reports/);
  expect(text).toMatch(/Source: .+\nhttps:\/\//);
  expect(count(/^Source: /gm)).toBe(1);
  expect(count(/I have no sourced answer to that/g)).toBe(1);
  expect(text).toContain(
    "I answer questions from published reports, with the source of each answer. For example:",
  );
  // one prompt at the start and one after each of the four lines before /quit
  expect(count(/> /g)).toBe(5);
});
