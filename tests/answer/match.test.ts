import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/answer/index.js";
import { closestQuestion, DEFAULT_MATCH_TUNING, matchFacts, queryWords } from "../../src/answer/match.js";
import { createNormalizer } from "../../src/answer/normalize.js";
import type { Fact } from "../../src/knowledge/types.js";

const fact = (i: number, question: string): Fact => ({
  id: `fact-${i}`,
  source: "s",
  quote: "",
  asOf: "2024",
  attributedTo: "",
  tags: [],
  related: [],
  agreesWith: [],
  conflictsWith: [],
  timeline: [],
  questions: { en: [question], ru: [], uk: [] },
  answer: { en: "", ru: "", uk: "" },
  file: "",
  line: i,
});

// Two words equally rare, each in two facts: four equal first-pass sums for a shortlist of two.
const build = () =>
  buildIndex(
    { sources: new Map(), facts: ["gamma", "beta", "gamma", "beta", "delta"].map((q, i) => fact(i, q)) },
    createNormalizer(),
  );

describe("the candidate shortlist", () => {
  const index = build();
  const shortlisted = (question: string) =>
    matchFacts(index, queryWords(index, question, "en"), DEFAULT_MATCH_TUNING, 2)
      .map((m) => m.fact)
      .sort();

  it("breaks ties by position, whatever the order of the question's words", () => {
    expect(shortlisted("gamma beta")).toEqual([0, 1]);
    expect(shortlisted("beta gamma")).toEqual([0, 1]);
  });

  it("starts every query clean: the sums of the last one are not carried over", () => {
    const index = build();
    const first = matchFacts(index, queryWords(index, "gamma beta", "en"));
    matchFacts(index, queryWords(index, "delta gamma", "en"));
    expect(matchFacts(index, queryWords(index, "gamma beta", "en"))).toEqual(first);
  });
});

describe("the closest listed question", () => {
  const index = buildIndex(
    {
      sources: new Map(),
      facts: ["hotline phone number", "hotline website address", "pilot reward"].map((q, i) => fact(i, q)),
    },
    createNormalizer(),
  );
  const closest = (question: string) => closestQuestion(index, queryWords(index, question, "en"));

  it("is the best F-measure over the questions, as matchFacts scores them", () => {
    for (const q of ["hotline phone number", "the hotline's phone", "pilot", "weather"]) {
      const words = queryWords(index, q, "en");
      expect(closest(q), q).toBe(Math.max(0, ...matchFacts(index, words).map((m) => m.question)));
    }
    expect(closest("hotline phone number")).toBe(1);
    expect(closest("weather")).toBe(0);
  });
});
