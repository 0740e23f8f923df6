import { beforeEach, describe, expect, it } from "vitest";
import { indexData } from "../../src/answer/index.js";
import { listAt } from "../../src/answer/int-lists.js";
import { createNormalizer, QUANTITY } from "../../src/answer/normalize.js";
import { findString, stringAt, tableSize } from "../../src/answer/string-table.js";
import { blankFact } from "./builders.js";

// The search index as data, built from three small facts: which terms each question and fact holds, and how
// informative each term is.

const fact = blankFact;

const facts = [
  fact("calls", {
    questions: { en: ["How many calls?", "the", "hotline calls"], ru: [], uk: [] },
    answer: { en: "It received 26,000 calls.", ru: "", uk: "" },
    tags: ["telephone"],
  }),
  fact("pilot", {
    questions: { en: ["Which pilot flew?"], ru: [], uk: ["Який пілот?"] },
    answer: { en: "The pilot flew the helicopter.", ru: "", uk: "" },
  }),
  fact("start", {
    asOf: "2022-09",
    questions: { en: ["How many hotline?"], ru: [], uk: [] },
    answer: { en: "The hotline started.", ru: "", uk: "" },
  }),
];
const normalizer = createNormalizer();
// Built before each test, not once for the file: a mutation run then checks the building with these tests.
let data: ReturnType<typeof indexData>;
beforeEach(() => {
  data = indexData(facts, normalizer);
});
const term = (word: string) => {
  const t = findString(data.terms, normalizer.tokenize(word, "en")[0] ?? word);
  if (t < 0) throw new Error(`no term for ${word}`);
  return t;
};
const terms = (ids: number[]) => ids.map((t) => stringAt(data.terms, t)).sort();
const tokens = (text: string) => normalizer.tokenize(text, "en").sort();

describe("the search index", () => {
  it("has one entry per question with words, each with its fact", () => {
    expect(data.factCount).toBe(3);
    // "the" is only a stop word: no entry.
    expect([...data.docs.fact]).toEqual([0, 0, 1, 1, 2]);
    expect(terms(listAt(data.docs.terms, 1))).toEqual(tokens("hotline calls"));
  });

  it("keeps a fact's question terms apart from those only in its answer, its date words or its tags", () => {
    expect(terms(listAt(data.factTerms, 0))).toEqual([QUANTITY, ...tokens("hotline calls")].sort());
    const answerOnly = terms(listAt(data.answerTerms, 0));
    expect(answerOnly).toEqual(expect.arrayContaining([...tokens("received telephone may 2023")]));
    expect(answerOnly).not.toContain(normalizer.tokenize("calls", "en")[0]);
    expect(terms(listAt(data.answerTerms, 2))).toEqual(
      expect.arrayContaining([...tokens("started september 2022 autumn")]),
    );
  });

  it("gives every fact the words for a news outlet, as every answer names its report", () => {
    const [newspaper, gazeta] = [
      term("newspaper"),
      findString(data.terms, normalizer.tokenize("газета", "uk")[0] ?? ""),
    ];
    for (const f of [0, 1, 2])
      expect(listAt(data.answerTerms, f)).toEqual(expect.arrayContaining([newspaper, gazeta]));
    // In every fact, so it tells none of them apart.
    expect(data.idf[newspaper]).toBeCloseTo(Math.log(2));
  });

  it("gives the 'how many' marker only to a fact that gives a figure, whatever its questions say", () => {
    const quantity = findString(data.terms, QUANTITY);
    expect(listAt(data.factTerms, 0)).toContain(quantity);
    expect(listAt(data.factTerms, 2)).not.toContain(quantity);
    expect(listAt(data.answerTerms, 2)).not.toContain(quantity);
    // The question "How many hotline?" still holds it: the question is matched as written.
    expect(listAt(data.docs.terms, 4)).toContain(quantity);
  });

  it("weighs a term by the facts that have it: rarer is more informative", () => {
    const n = facts.length;
    const idf = (t: number) => data.idf[t] as number;
    // "hotline": in two facts' questions; "pilot": in one fact (question and answer count once).
    expect(idf(term("hotline"))).toBeCloseTo(Math.log(1 + n / 2), 12);
    expect(idf(term("pilot"))).toBeCloseTo(Math.log(1 + n / 1), 12);
    expect(idf(term("helicopter"))).toBeCloseTo(Math.log(1 + n / 1), 12);
    expect(data.unknownIdf).toBeCloseTo(Math.log(1 + n), 12);
    // A question weighs the sum of its terms' idf.
    const doc = 1;
    const sum = listAt(data.docs.terms, doc).reduce((s, t) => s + idf(t), 0);
    expect(data.docs.weight[doc]).toBeCloseTo(sum, 12);
  });

  it("lists for each term the questions and the answer-only facts that hold it", () => {
    const hotline = term("hotline");
    expect(listAt(data.postings, hotline)).toEqual([1, 4]);
    expect(listAt(data.answerPostings, term("helicopter"))).toEqual([1]);
    expect(listAt(data.postings, term("helicopter"))).toEqual([]);
  });

  it("keeps each question word as written, with the term it stands for, for typos", () => {
    const surfaces = Array.from({ length: tableSize(data.surfaces) }, (_, i) => stringAt(data.surfaces, i));
    expect(surfaces).toEqual(expect.arrayContaining(["calls", "hotline", "pilot", "пілот"]));
    const at = findString(data.surfaces, "calls");
    expect(data.surfaceTerms[at]).toBe(term("calls"));
    expect(tableSize(data.typos.words)).toBe(surfaces.length);
  });

  it("counts an empty knowledge as one document for idf", () => {
    const empty = indexData([], normalizer);
    expect(empty.factCount).toBe(0);
    expect(empty.unknownIdf).toBeCloseTo(Math.log(2), 12);
  });
});
