import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/answer/engine.js";
import type { Engine } from "../../src/answer/types.js";
import { runConsoleChat } from "../../src/cli/console-chat.js";
import { loadKnowledge } from "../../src/knowledge/load.js";

const REPO = join(import.meta.dirname, "../..");
let engine: Engine;

beforeAll(async () => {
  const { knowledge } = await loadKnowledge(join(REPO, "knowledge"));
  if (!knowledge) throw new Error("knowledge does not validate");
  engine = createEngine(knowledge);
});

function capture() {
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { output, text: () => text };
}

describe("console chat", () => {
  it("answers typed questions with a citation and leaves on /quit", async () => {
    const { output, text } = capture();
    const input = Readable.from([
      "Which agency launched the I Want to Live hotline?\n",
      "\n",
      "what time is it\n",
      "thanks!\n",
      "/quit\n",
      "Which agency launched the I Want to Live hotline?\n", // after /quit: never read
    ]);
    await runConsoleChat(engine, { input, output });
    const count = (pattern: RegExp) => text().match(pattern)?.length ?? 0;
    expect(text()).toMatch(/factline console chat: \d+ sourced facts from \d+ reports/);
    expect(text()).toMatch(/Source: .+\nhttps:\/\//);
    expect(count(/^Source: /gm)).toBe(1);
    expect(count(/I have no sourced answer to that/g)).toBe(1);
    // Small talk gets Telegram's reply: what the bot knows, then example questions.
    expect(text()).toMatch(
      /You're welcome!\nI know \d+ facts from \d+ published reports .*\(see \/sources\)\.\nFor example:\n• /,
    );
    // one prompt at the start and one after each of the four lines before /quit
    expect(count(/> /g)).toBe(5);
    expect(text().endsWith("\nGoodbye.\n")).toBe(true);
  });

  it("lists the reports on /sources, which its 'no sourced answer' points to, as Telegram does", async () => {
    const { output, text } = capture();
    await runConsoleChat(engine, { input: Readable.from(["/sources\n"]), output });
    const sources = [...engine.knowledge.sources.values()];
    expect(text()).toContain(`Sources (${sources.length})\n\n• `);
    for (const source of sources) expect(text()).toContain(`• ${source.title}\n${source.publisher}, `);
    expect(text()).toMatch(/, October 2022 \(date unverified\)\nhttps:\/\//);
  });

  it("refuses a question over 1,000 characters, in Telegram's words", async () => {
    const { output, text } = capture();
    const question = `Which agency launched the I Want to Live hotline? ${"really ".repeat(140)}`;
    expect(question.trim().length).toBeGreaterThan(1000);
    await runConsoleChat(engine, { input: Readable.from([`${question}\n`]), output });
    expect(text()).toContain(
      "That is too long for a question (over 1000 characters). Please ask in a sentence or two.",
    );
    expect(text()).not.toContain("Source: ");
  });

  it("ends with a goodbye when its signal is aborted (Ctrl-C), with the input still open", async () => {
    const { output, text } = capture();
    const input = new PassThrough();
    const stop = new AbortController();
    const chat = runConsoleChat(engine, { input, output, signal: stop.signal });
    input.write("thanks!\n");
    await new Promise<void>((resolve) =>
      output.on("data", () => text().includes("For example") && resolve()),
    );
    stop.abort();
    await chat;
    expect(text().endsWith("> \nGoodbye.\n")).toBe(true);
  });
});

// A real terminal: Ctrl-C there signals npm and node alike. `script` gives the process a pseudo-terminal.
const hasScript = spawnSync("script", ["--version"]).status === 0;

describe.skipIf(!hasScript)("npm start in a terminal without BOT_TOKEN", () => {
  it("Ctrl-C prints nothing but a goodbye", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "factline-console-"));
    try {
      const child = spawn("script", ["-qfec", "npm start --silent", "/dev/null"], {
        cwd: REPO,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          BOT_TOKEN: "",
          KNOWLEDGE_DIR: join(REPO, "knowledge"),
          DATA_DIR: dataDir,
          LOG_LEVEL: "info",
          TERM: "dumb",
        },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let text = "";
      const seen = (what: string) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no "${what}" in:\n${text}`)), 20_000);
          const check = () => {
            if (!text.includes(what)) return;
            clearTimeout(timer);
            resolve();
          };
          child.stdout.on("data", (chunk: Buffer) => {
            text += chunk.toString();
            check();
          });
          check();
        });
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      await seen("> ");
      child.stdin.write("thanks\n");
      await seen("For example");
      child.stdin.write("\x03");
      await seen("Goodbye.");
      child.stdin.end();
      await exited;
      const after = text.slice(text.lastIndexOf("For example"));
      expect(after).not.toContain("{"); // no JSON log line
      expect(after).not.toMatch(/stopping|stopped|npm (ERR|error)/);
      expect(after.trim().split(/\r?\n/).at(-1)).toBe("Goodbye.");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 40_000);
});
