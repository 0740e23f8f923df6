import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { read } from "../../src/knowledge/answer-checks.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { normalizeForQuote } from "../../src/knowledge/normalize-quote.js";
import { formatProblem } from "../../src/knowledge/problems.js";

const fixtures = join(import.meta.dirname, "../fixtures");
const messages = async (dir: string) => (await loadKnowledge(dir)).problems.map(formatProblem);

describe("validator: one failing fixture per rule", () => {
  // [fixture (= rule), file the message names, line]
  const cases: [string, string, number | undefined][] = [
    ["empty-dir", "empty-dir/facts", undefined],
    ["encoding", "encoding/facts/calls.yaml", 14],
    ["yaml-syntax", "yaml-syntax/facts/calls.yaml", 15],
    ["not-a-list", "not-a-list/facts/calls.yaml", 1],
    ["front-matter", "front-matter/sources/other-2024.md", 1],
    ["missing-field", "missing-field/facts/calls.yaml", 1],
    ["missing-language", "missing-language/facts/calls.yaml", 10],
    ["unknown-field", "unknown-field/facts/calls.yaml", 5],
    ["invalid-field", "invalid-field/facts/calls.yaml", 1],
    ["invalid-date", "invalid-date/facts/calls.yaml", 4],
    ["duplicate-id", "duplicate-id/facts/b.yaml", 1],
    ["unknown-source", "unknown-source/facts/calls.yaml", 2],
    ["quote-not-found", "quote-not-found/facts/calls.yaml", 3],
    ["unknown-reference", "unknown-reference/facts/calls.yaml", 14],
    ["self-reference", "self-reference/facts/calls.yaml", 14],
    ["source-id-mismatch", "source-id-mismatch/sources/demo.md", 2],
    ["empty-text", "empty-text/sources/demo-2024-01-01.md", 9],
    ["yes-no-answer", "yes-no-answer/facts/calls.yaml", 12],
    ["figure-not-in-source", "figure-not-in-source/facts/calls.yaml", 11],
    ["figures-differ", "figures-differ/facts/calls.yaml", 13],
    ["date-not-in-source", "date-not-in-source/facts/calls.yaml", 11],
    ["timeline-same-date", "timeline-same-date/facts/calls.yaml", 14],
    ["agreement-same-source", "agreement-same-source/facts/calls.yaml", 14],
    ["agrees-and-conflicts", "agrees-and-conflicts/facts/calls.yaml", 14],
    ["invalid-pattern", "invalid-pattern/lexicon.yaml", 3],
    ["empty-group", "empty-group/lexicon.yaml", 4],
    ["duplicate-synonym", "duplicate-synonym/lexicon.yaml", 4],
    ["not-a-word", "not-a-word/lexicon.yaml", 3],
    ["wrong-script", "wrong-script/lexicon.yaml", 3],
  ];
  it.each(cases)("%s", async (rule, file, line) => {
    const result = await loadKnowledge(join(fixtures, rule));
    expect(result.knowledge).toBeUndefined();
    const where = line === undefined ? file : `${file}:${line}`;
    expect(result.problems.map(formatProblem)).toContainEqual(expect.stringContaining(`${where}: ${rule}: `));
  });

  it("accepts a year-month publication date only with a published_note saying why", async () => {
    expect(await messages(join(fixtures, "month-only-date"))).toContainEqual(
      expect.stringContaining(
        'month-only-date/sources/demo-2024-01-01.md:5: invalid-date: "published" gives no day: add published_note',
      ),
    );
  });

  it("reads figures the way sources and translations write them", () => {
    const text = "26,000 calls, 14 млн, 18,48 million, two million dollars on 4 January 2024 by Mi-8 24-hour";
    const { figures, years, named } = read(text, "en");
    expect([...figures].sort((a, b) => a - b)).toEqual([26_000, 2_000_000, 14_000_000, 18_480_000]);
    expect([...years]).toEqual([2024]);
    expect([...named].sort((a, b) => a - b)).toEqual([8, 24]);
    // a month in a date only: "may" is also a verb
    expect([...read("they may call in May 2023", "en").months]).toEqual(["2023-05"]);
  });

  it("checks knowledge/unanswerable.yaml line by line, and loads without it", async () => {
    expect(await messages(join(fixtures, "unanswerable"))).toEqual([
      expect.stringContaining(
        'unanswerable/unanswerable.yaml:3: invalid-field: "ru" Invalid input: expected array',
      ),
      expect.stringContaining('unanswerable/unanswerable.yaml:7: invalid-field: "uk.0" must not be empty'),
      expect.stringContaining('unanswerable/unanswerable.yaml:4: unknown-field: unknown field "fr"'),
    ]);
    const without = await loadKnowledge(join(fixtures, "valid"));
    expect(without.knowledge?.unanswerable).toBeUndefined();
  });

  it("checks knowledge/learned-words.json line by line, and loads without it", async () => {
    expect(await messages(join(fixtures, "learned-words"))).toEqual([
      expect.stringContaining(
        'learned-words/learned-words.json:3: invalid-field: "questions" must have one count per class',
      ),
      expect.stringContaining(
        'learned-words/learned-words.json:6: invalid-field: "terms.hotlin" must be pairs of a class',
      ),
      expect.stringContaining(
        'learned-words/learned-words.json:7: invalid-field: "terms.phone" must be pairs of a class',
      ),
    ]);
    expect(await messages(join(fixtures, "learned-words-syntax"))).toEqual([
      expect.stringContaining(
        "learned-words-syntax/learned-words.json:6: json-syntax: Expected ',' or '}' after property value",
      ),
    ]);
    expect((await loadKnowledge(join(fixtures, "valid"))).knowledge?.learnedWords).toBeUndefined();
  });

  it("checks knowledge/about.yaml line by line, and loads it", async () => {
    expect(await messages(join(fixtures, "about"))).toEqual([
      expect.stringContaining('about/about.yaml:6: invalid-field: "ru.topic" must be at most 120 characters'),
      expect.stringContaining(
        'about/about.yaml:8: invalid-field: "ru.examples" needs at least one example question',
      ),
      expect.stringContaining('about/about.yaml:13: unknown-field: unknown field "uk.extra"'),
    ]);
    const { knowledge } = await loadKnowledge(join(import.meta.dirname, "../../knowledge"));
    expect(knowledge?.about?.uk.examples.length).toBeGreaterThan(0);
  });

  it("checks knowledge/lexicon.yaml line by line, and loads without it", async () => {
    expect(await messages(join(fixtures, "lexicon"))).toEqual([
      expect.stringContaining(
        'lexicon/lexicon.yaml:6: invalid-field: "en.phrases.0.replacement" must be lower-case words',
      ),
      expect.stringContaining('lexicon/lexicon.yaml:8: unknown-field: unknown field "en.language_words"'),
      expect.stringContaining(
        'lexicon/lexicon.yaml:13: missing-field: "ru.out_of_scope.0.reason" is required',
      ),
      expect.stringContaining('lexicon/lexicon.yaml:9: unknown-field: unknown field "fr"'),
    ]);
    expect(await messages(join(fixtures, "invalid-pattern"))).toContainEqual(
      expect.stringContaining(
        "invalid-pattern/lexicon.yaml:6: invalid-pattern: en.out_of_scope.0.pattern matches empty text",
      ),
    );
    expect(await messages(join(fixtures, "duplicate-synonym"))).toContainEqual(
      expect.stringContaining('"Ring" is already in the group at line 3'),
    );
    const without = await loadKnowledge(join(fixtures, "valid"));
    expect(without.knowledge).toBeDefined();
    expect(without.knowledge?.lexicon).toBeUndefined();
  });

  it("loads the lexicon of the real knowledge, every language's part", async () => {
    const { knowledge } = await loadKnowledge(join(import.meta.dirname, "../../knowledge"));
    const lexicon = knowledge?.lexicon;
    expect(lexicon?.en.synonyms).toContainEqual(expect.arrayContaining(["helicopter", "chopper"]));
    expect(lexicon?.ru.phrases.length).toBeGreaterThan(0);
    expect(lexicon?.uk.outOfScope[0]?.reason).toMatch(/\w/);
    expect(lexicon?.en.organisationWords).toContain("hotline");
    expect(lexicon?.uk.languageWords.length).toBeGreaterThan(0);
  });

  it("warns about a source no fact cites, and still loads", async () => {
    const result = await loadKnowledge(join(fixtures, "unused-source"));
    expect(result.knowledge?.facts).toHaveLength(1);
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringContaining("unused-source/sources/spare-2024-01-01.md:2: warning unused-source: "),
    ]);
  });

  it("names a missing directory instead of throwing", async () => {
    expect(await messages(join(fixtures, "no-such-dir"))).toEqual([
      expect.stringMatching(/no-such-dir\/sources: read-error: does not exist/),
      expect.stringMatching(/no-such-dir\/facts: read-error: does not exist/),
    ]);
  });

  it("reports every problem at once, not only the first", async () => {
    const result = await loadKnowledge(join(fixtures, "unknown-field"));
    expect(result.problems.filter((p) => p.severity === "error").length).toBe(2);
  });

  it("loads a valid fixture with camel-cased fields and the fact's line", async () => {
    const { knowledge, problems } = await loadKnowledge(join(fixtures, "valid"));
    expect(problems).toEqual([]);
    const [fact] = knowledge?.facts ?? [];
    expect(fact).toMatchObject({
      id: "demo-calls",
      asOf: "2024-01",
      line: 1,
      related: [],
      agreesWith: [],
      conflictsWith: [],
    });
    expect(knowledge?.sources.get("demo-2024-01-01")?.text).toMatch(/^The demo hotline/);
  });
});

describe("the real knowledge", () => {
  it("validates with no errors", async () => {
    const { knowledge, problems } = await loadKnowledge(join(import.meta.dirname, "../../knowledge"));
    expect(problems.filter((p) => p.severity === "error").map(formatProblem)).toEqual([]);
    expect(knowledge?.sources.size).toBe(5);
    expect(knowledge?.facts.length).toBeGreaterThanOrEqual(50);
  });
});

describe("quote normalisation", () => {
  it("treats typography as equal and words as different", () => {
    expect(normalizeForQuote("the “I Want to Live”  hotline — 24\nhours")).toBe(
      normalizeForQuote('the "I Want to Live" hotline - 24 hours'),
    );
    expect(normalizeForQuote("Kuzminov’s")).toBe("Kuzminov's");
    expect(normalizeForQuote("200 calls")).not.toBe(normalizeForQuote("100 calls"));
  });
});

describe("npm run validate", () => {
  const run = promisify(execFile);
  const cli = (dir: string) =>
    run(process.execPath, ["--import", "tsx", "src/cli/validate.ts", dir], {
      cwd: join(import.meta.dirname, "../.."),
    });

  it("exits 0 with a one-line summary on valid knowledge", async () => {
    const { stdout } = await cli("tests/fixtures/valid");
    expect(stdout.trim()).toBe("1 fact, 1 source, 0 errors, 0 warnings in tests/fixtures/valid");
  });

  it("exits 1 and names the file on an error", async () => {
    const failure = await cli("tests/fixtures/yaml-syntax").catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("yaml-syntax/facts/calls.yaml:15"),
    });
  });
});
