import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// `npm run ask` is what ../shared/eval/grade.mjs drives: one JSON line per question, in order.
const root = join(import.meta.dirname, "../..");
const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
// A DATA_DIR of the tests' own: ask keeps the bot's index cache there, not in the project.
const dataDir = mkdtempSync(join(tmpdir(), "ask-data-"));
dirs.push(dataDir);
const askWith = (data: string, ...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "src/cli/ask.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: data },
  });
const ask = (...args: string[]) => askWith(dataDir, ...args);

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
      // Every fact the answer shows, each with its source: the figure, then the same figure at other dates.
      facts: [
        { id: "calls-count-january-2024" },
        { id: "appeals-count-october-2022" },
        { id: "contacts-count-march-2023" },
      ],
      sources: [
        { publisher: "The Kyiv Independent", url: expect.stringMatching(/^https:/) },
        { id: "uscinews-2022-10" },
        { id: "dnipro-today-2023-09-13" },
      ],
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

  it("answers from DATA_DIR's index cache while the knowledge is unchanged, and from the edited files after", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ask-cache-"));
    dirs.push(dir);
    const knowledge = join(dir, "knowledge");
    await cp(join(root, "tests/fixtures/valid"), knowledge, { recursive: true });
    const data = join(dir, "data");
    const question = "How many calls did the demo hotline get?";
    const first = await askWith(data, "--json", "--dir", knowledge, question);
    const cache = join(data, "index-cache");
    expect(await readdir(cache)).toHaveLength(1);
    expect((await askWith(data, "--json", "--dir", knowledge, question)).stdout).toBe(first.stdout);
    expect(await readdir(cache)).toHaveLength(1);

    const facts = join(knowledge, "facts/calls.yaml");
    await writeFile(
      facts,
      (await readFile(facts, "utf8")).replace("in its first week", "during its first week"),
    );
    const edited = JSON.parse((await askWith(data, "--json", "--dir", knowledge, question)).stdout);
    expect(edited.answer).toMatch(/during its first week/);
    expect(JSON.parse(first.stdout).answer).toMatch(/ in its first week/);
    expect(await readdir(cache)).toHaveLength(2);
  }, 60_000);
});
