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
    "/quit\n",
    "never read\n",
  ]);
  await runConsoleChat(createEngine(knowledge), { input, output });
  expect(text).toContain("factline console chat: 80 sourced facts from 5 reports");
  expect(text).toMatch(/Source: .+\nhttps:\/\//);
  expect(text).toContain("I have no sourced answer to that");
  expect(text).not.toContain("500,000"); // asked after /quit: never answered
});
