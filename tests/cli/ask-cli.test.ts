import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// `npm run ask` is what ../shared/eval/grade.mjs drives: one JSON line per question, in order.
const root = join(import.meta.dirname, "../..");
const run = promisify(execFile);
const ask = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "src/cli/ask.ts", ...args], { cwd: root, encoding: "utf8" });
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe("npm run ask", () => {
  it("answers a batch as JSON lines in the grader's shape, one per line, blank lines kept", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ask-"));
    dirs.push(dir);
    const file = join(dir, "questions.txt");
    await writeFile(
      file,
      "How many calls had the hotline received by January 2024?\n\nthanks!\nWhat is the capital of France?\n",
    );
    const { stdout } = await ask("--json", "--batch", file);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      answered: true,
      language: "en",
      facts: [{ id: "calls-count-january-2024" }],
      sources: [{ publisher: "The Kyiv Independent", url: expect.stringMatching(/^https:/) }],
    });
    expect(lines[0].answer).toMatch(/26,000/);
    expect(lines[1]).toMatchObject({ question: "", answered: false });
    expect(lines[2]).toMatchObject({ answered: false, small_talk: "thanks", sources: [] });
    expect(lines[3]).toMatchObject({ answered: false, sources: [] });
    expect(lines[3].answer).toContain("I have no sourced answer");
  }, 30_000);

  it("answers in the language --lang names, with a plain-text citation", async () => {
    const { stdout } = await ask("--lang", "uk", "How many calls had the hotline received by January 2024?");
    expect(stdout).toMatch(/26 ?000/);
    expect(stdout).toContain("Джерело: ");
    expect(stdout).toMatch(/https:\/\/kyivindependent\.com/);
  }, 30_000);

  it("says how to use it when no question is given", async () => {
    const failure = await ask().catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain("usage: npm run ask");
  }, 30_000);
});
