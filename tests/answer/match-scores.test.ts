import { beforeEach, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/answer/index.js";
import { DEFAULT_MATCH_TUNING, matchFacts, queryWords, wordCoverage } from "../../src/answer/match.js";
import { createNormalizer } from "../../src/answer/normalize.js";
import type { Knowledge } from "../../src/knowledge/types.js";
import { blankFact } from "./builders.js";

// How a question is read against the index and how each fact is scored, on three small facts.

const fact = (id: string, en: string[], answer: string) =>
  blankFact(id, { questions: { en, ru: [], uk: [] }, answer: { en: answer, ru: "", uk: "" } });
const knowledge = {
  sources: new Map(),
  facts: [
    fact("pilot", ["pilot helicopter border"], "The pilot flew across."),
    fact("hotline", ["hotline soldiers", "hotline"], "The hotline answers soldiers and their mothers."),
    fact("reward", ["reward pilot"], "The helicopter earned a reward."),
  ],
} as unknown as Knowledge;
// Built before each test, not once for the file: a mutation run then checks the building with these tests.
let index: ReturnType<typeof buildIndex>;
beforeEach(() => {
  index = buildIndex(knowledge, createNormalizer());
});
const words = (q: string) => queryWords(index, q, "en");

describe("reading a question against the index", () => {
  it("keeps each term once, with its idf, and an unknown word with the unknown idf", () => {
    const read = words("pilot pilot pilots zzqxv");
    expect(read.map((w) => w.token)).toEqual(["pilot", "zzqxv"]);
    expect(read[0]?.terms).toHaveLength(1);
    expect(read[0]?.terms[0]?.sure).toBe(1);
    expect(read[0]?.idf).toBe(read[0]?.terms[0]?.idf);
    expect(read[1]).toEqual({ token: "zzqxv", idf: index.unknownIdf, terms: [] });
  });

  it("finds a misspelt word one edit away in five letters or more, not less sure than that", () => {
    expect(words("helicoptr")[0]?.terms.map((t) => t.sure)).toEqual([1 - 1 / 10]);
    expect(words("pilto")[0]?.terms.map((t) => t.sure)).toEqual([0.8]);
    // Two edits in seven letters is too unsure.
    expect(words("hotlnei")[0]?.terms).toEqual([]);
  });

  it("reads at most 30 words", () => {
    const many = Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(
      " ",
    );
    expect(words(many)).toHaveLength(30);
  });
});

describe("scoring facts", () => {
  it("covers each word fully from a fact's questions, partly from its answer only, not at all otherwise", () => {
    const read = words("pilot mothers zzqxv");
    expect(wordCoverage(index, read, 0)).toEqual([1, 0, 0]);
    expect(wordCoverage(index, read, 1)).toEqual([0, DEFAULT_MATCH_TUNING.answerOnly, 0]);
    expect(wordCoverage(index, read, 1, 0.5)).toEqual([0, 0.5, 0]);
    // A typo counts as sure as it is.
    expect(wordCoverage(index, words("pilto"), 0)).toEqual([0.8]);
  });

  it("blends coverage and the best question's F-measure, best first", () => {
    const matches = matchFacts(index, words("pilot helicopter border"));
    expect(matches[0]).toEqual({ fact: 0, score: 1, coverage: 1, question: 1 });
    const reward = matches.find((m) => m.fact === 2);
    const idf = (w: string) => words(w)[0]?.idf ?? 0;
    const total = idf("pilot") + idf("helicopter") + idf("border");
    // "pilot" in its question, "helicopter" only in its answer.
    expect(reward?.coverage).toBeCloseTo((idf("pilot") + 0.7 * idf("helicopter")) / total, 12);
    const precision = idf("pilot") / total;
    const recall = idf("pilot") / (idf("reward") + idf("pilot"));
    expect(reward?.question).toBeCloseTo((2 * precision * recall) / (precision + recall), 12);
    expect(reward?.score).toBeCloseTo(0.5 * (reward?.coverage ?? 0) + 0.5 * (reward?.question ?? 0), 12);
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
  });

  it("takes a fact's best question, and weighs coverage and similarity as tuned", () => {
    const [best] = matchFacts(index, words("hotline"));
    expect(best).toMatchObject({ fact: 1, question: 1, coverage: 1, score: 1 });
    const tuned = matchFacts(index, words("pilot reward zzqxv"), {
      answerOnly: 0.7,
      coverageWeight: 1,
    });
    for (const m of tuned) expect(m.score).toBeCloseTo(m.coverage, 12);
    const recallOnly = matchFacts(index, words("pilot reward zzqxv"), {
      answerOnly: 0.7,
      coverageWeight: 0,
    });
    for (const m of recallOnly) expect(m.score).toBeCloseTo(m.question, 12);
  });

  it("gives no matches for a question of no known or unknown words, and none for unknown words only", () => {
    expect(matchFacts(index, [])).toEqual([]);
    expect(matchFacts(index, words("zzqxv"))).toEqual([]);
  });

  it("scores only the shortlist's questions in full", () => {
    const all = matchFacts(index, words("pilot helicopter"));
    const one = matchFacts(index, words("pilot helicopter"), DEFAULT_MATCH_TUNING, 1);
    expect(all.length).toBeGreaterThan(1);
    expect(one.filter((m) => m.question > 0)).toHaveLength(1);
    expect(one[0]?.fact).toBe(0);
  });
});
