import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { sentences, sourceCoverage } from "../../src/knowledge/coverage.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { Source } from "../../src/knowledge/types.js";

const fixtures = join(import.meta.dirname, "../fixtures");

describe("coverage", () => {
  it("splits an article into sentences with the line each starts on", () => {
    expect(sentences("First one. Second one!\n\n“Quoted,” he said. Mi-8 No. 5 flew.", 10)).toEqual([
      { line: 10, text: "First one." },
      { line: 10, text: "Second one!" },
      { line: 12, text: "“Quoted,” he said." },
      { line: 12, text: "Mi-8 No. 5 flew." },
    ]);
    // not after an initial or an abbreviation
    expect(sentences("Mark F. Cancian said so. At 5:55 p.m. ET it changed. Mr. Yusov agreed.", 1)).toEqual([
      { line: 1, text: "Mark F. Cancian said so." },
      { line: 1, text: "At 5:55 p.m. ET it changed." },
      { line: 1, text: "Mr. Yusov agreed." },
    ]);
  });

  it("marks the sentences a fact quotes, in part or whole, and explains the ones the source says need none", () => {
    const source = {
      id: "s",
      text: "The hotline received more than 100 calls in its first week, officials said.\nIt is open around the clock.\nSubscribe to our newsletter.",
      notCovered: [
        { starts: "Subscribe", why: "site chrome" },
        { starts: "Read more", why: "no such sentence any more" },
      ],
    } as Source;
    const report = sourceCoverage(source, ["received more than 100 calls"], 5);
    expect(report.sentences.map((s) => [s.line, s.covered, s.why])).toEqual([
      [5, true, undefined],
      [6, false, undefined],
      [7, false, "site chrome"],
    ]);
    expect(report.share).toBeCloseTo(2 / 3);
    expect(report.unusedNotCovered).toEqual(["Read more"]);
  });

  it("npm run coverage lists the uncovered sentences with file:line", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "src/cli/coverage.ts", join(fixtures, "valid")],
      { cwd: join(import.meta.dirname, "../.."), encoding: "utf8" },
    );
    expect(stdout).toContain("demo-2024-01-01.md: 50% of 2 sentences quoted or explained");
    expect(stdout).toMatch(/demo-2024-01-01\.md:12: It is open around the clock\./);
  }, 30_000);

  it("knows the file line where each source's article text starts", async () => {
    const { knowledge } = await loadKnowledge(join(fixtures, "valid"));
    expect([...(knowledge?.sources.values() ?? [])][0]?.textLine).toBe(10);
  });

  it("counts the blank lines between the front matter and the text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "coverage-"));
    cpSync(join(fixtures, "valid"), dir, { recursive: true });
    const file = join(dir, "sources", "demo-2024-01-01.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("---\nThe demo", "---\n\n\nThe demo"));
    const { knowledge } = await loadKnowledge(dir);
    expect([...(knowledge?.sources.values() ?? [])][0]?.textLine).toBe(12);
    rmSync(dir, { recursive: true, force: true });
  });
});
