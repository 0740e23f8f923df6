import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { knowledgeCoverage, sourceCoverage } from "../../src/knowledge/coverage.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { countProblems, formatProblem } from "../../src/knowledge/problems.js";
import { readText } from "../../src/knowledge/read-text.js";
import type { Source } from "../../src/knowledge/types.js";

const fixtures = join(import.meta.dirname, "../fixtures");

/** The validator's report as `npm run validate` prints it, with paths from the fixtures folder. */
async function report(dir: string): Promise<string[]> {
  const { problems } = await loadKnowledge(dir);
  return problems.map((p) =>
    formatProblem(p).replaceAll(`${fixtures}/`, "").replaceAll("tests/fixtures/", ""),
  );
}

describe("the validator's report, word for word", () => {
  // validate.test.ts checks that each rule fires at its file:line; this pins every line of every report:
  // the message and the hint are what a maintainer reads to fix the knowledge (knowledge/README.md).
  it("for every fixture", async () => {
    const names = (await readdir(fixtures)).sort();
    const reports: Record<string, string[]> = {};
    for (const name of names) reports[name] = await report(join(fixtures, name));
    expect(reports).toMatchSnapshot();
  });

  it("for a knowledge directory that is a file, and one that does not exist", async () => {
    const dir = await mkdtemp(join(tmpdir(), "factline-validate-"));
    try {
      await writeFile(join(dir, "sources"), "");
      expect(await report(dir)).toEqual([
        `${join(dir, "sources")}: read-error: is not a directory (a knowledge directory holds sources/ and facts/)`,
        `${join(dir, "facts")}: read-error: does not exist (set KNOWLEDGE_DIR or pass the directory that holds sources/ and facts/)`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("counts errors and warnings apart", async () => {
    const { problems } = await loadKnowledge(join(fixtures, "unused-source"));
    expect(countProblems(problems)).toEqual({ errors: 0, warnings: 1 });
    const broken = await loadKnowledge(join(fixtures, "unknown-field"));
    expect(countProblems(broken.problems)).toEqual({ errors: 2, warnings: 0 });
    expect(countProblems([])).toEqual({ errors: 0, warnings: 0 });
  });
});

describe("readText", () => {
  it("drops a byte order mark and reads Windows and old Mac line ends as newlines", async () => {
    const dir = await mkdtemp(join(tmpdir(), "factline-read-"));
    try {
      await writeFile(join(dir, "a.md"), "\uFEFFone\r\ntwo\rthree\n\uFEFFfour");
      expect(await readText(join(dir, "a.md"))).toEqual({ ok: true, text: "one\ntwo\nthree\n\uFEFFfour" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("names the line of the first bad byte, also on the last line without a newline", async () => {
    const dir = await mkdtemp(join(tmpdir(), "factline-read-"));
    try {
      const bad = Buffer.from([0xff, 0xfe]);
      await writeFile(
        join(dir, "a.md"),
        Buffer.concat([Buffer.from("one\ntwo\n"), bad, Buffer.from("\nfour")]),
      );
      expect(await readText(join(dir, "a.md"))).toEqual({
        ok: false,
        line: 3,
        reason: "the file is not valid UTF-8",
      });
      await writeFile(join(dir, "b.md"), Buffer.concat([Buffer.from("one\ntwo\nthree "), bad]));
      expect(await readText(join(dir, "b.md"))).toEqual({
        ok: false,
        line: 3,
        reason: "the file is not valid UTF-8",
      });
      // A character cut in two by a line end is bad on the line where it starts.
      const euro = Buffer.from("€");
      await writeFile(
        join(dir, "c.md"),
        Buffer.concat([Buffer.from("ok\n"), euro.subarray(0, 1), Buffer.from("\n")]),
      );
      expect(await readText(join(dir, "c.md"))).toMatchObject({ ok: false, line: 2 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("says why a file cannot be read, and whether it is missing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "factline-read-"));
    try {
      expect(await readText(join(dir, "none.md"))).toEqual({
        ok: false,
        reason: "cannot read the file (ENOENT)",
        missing: true,
      });
      expect(await readText(dir)).toEqual({
        ok: false,
        reason: "cannot read the file (EISDIR)",
        missing: false,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("knowledgeCoverage", () => {
  it("reports each source with the quotes of its own facts, from the line its text starts on", async () => {
    const { knowledge } = await loadKnowledge(join(fixtures, "valid"));
    if (!knowledge) throw new Error("the valid fixture does not load");
    expect(knowledgeCoverage(knowledge)).toEqual([
      {
        sourceId: "demo-2024-01-01",
        file: expect.stringMatching(/demo-2024-01-01\.md$/),
        sentences: [
          {
            line: 10,
            text: "The demo hotline received more than 100 calls in its first week, officials said.",
            covered: true,
          },
          { line: 12, text: "It is open around the clock.", covered: false },
        ],
        share: 0.5,
        unusedNotCovered: [],
      },
    ]);
    const other = { ...knowledge, facts: knowledge.facts.map((f) => ({ ...f, source: "another" })) };
    expect(knowledgeCoverage(other)[0]?.share).toBe(0);
  });

  it("counts a sentence covered when a quote that runs past it spans 30% of it, in runs of 20 characters", () => {
    const text = "Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike.";
    const source = { id: "s", text, file: "s.md" } as Source;
    const covered = (quote: string) => sourceCoverage(source, [quote], 1).sentences[0]?.covered;
    expect(covered(`${text.slice(0, 30)} and then the next sentence`)).toBe(true); // 30 of 78 characters
    expect(covered(`${text.slice(0, 20)} and then the next sentence`)).toBe(false); // one run of 20: under 30%
    expect(covered(`The sentence before. ${text.slice(40)}`)).toBe(true); // its end counts too
    expect(covered(text.slice(5, 15))).toBe(true); // a whole quote inside it
    expect(covered("nothing like it at all, not a single run")).toBe(false);
    expect(sourceCoverage({ ...source, text: "" }, [], 1).share).toBe(1);
  });
});
