import { describe, expect, it } from "vitest";
import { stringTable } from "../../src/answer/string-table.js";
import { editDistance, FUZZY_MIN_LENGTH, searchTypos, typoIndex } from "../../src/answer/typo-index.js";

// Finding known words within one typo: which words take part, which candidates are found, how sure each is.

const indexOf = (...words: string[]) => typoIndex(stringTable(words, { lookup: true }));

describe("edit distance", () => {
  it("counts insertions, deletions, substitutions, and a swap of neighbours as one", () => {
    expect(editDistance("pilot", "pilot")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("abc", "ab")).toBe(1);
    expect(editDistance("ab", "b")).toBe(1);
    expect(editDistance("abc", "abd")).toBe(1);
    expect(editDistance("pilot", "pilto")).toBe(1);
    expect(editDistance("pilot", "iplot")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    // Optimal string alignment: a swapped pair is not edited again ("ca" → "abc" takes three).
    expect(editDistance("ca", "abc")).toBe(3);
    // A swap after another edit costs one more than the edits before it.
    expect(editDistance("xabdc", "yabcd")).toBe(2);
    expect(editDistance("abxdcy", "abzcdw")).toBe(3);
  });
});

describe("searching for typos", () => {
  it("finds a word one edit away, sure by the share of its letters left as they were, best first", () => {
    const index = indexOf("pilot", "pilots", "copilot", "helicopter");
    expect(searchTypos(index, "pilto")).toEqual([{ word: "pilot", sure: 1 - 1 / 5 }]);
    expect(searchTypos(index, "pilot")).toEqual([
      { word: "pilot", sure: 1 },
      { word: "pilots", sure: 1 - 1 / 6 },
    ]);
    expect(searchTypos(index, "helicoptre")[0]).toEqual({ word: "helicopter", sure: 1 - 1 / 10 });
    expect(searchTypos(index, "copilt")).toEqual([{ word: "copilot", sure: 1 - 1 / 7 }]);
  });

  it("finds a word with a letter missing, a letter too many, or one letter replaced", () => {
    const index = indexOf("hotline");
    for (const typo of ["hotlne", "hotlinee", "xhotline", "hotlime", "otline", "hotlin"]) {
      expect(
        searchTypos(index, typo).map((h) => h.word),
        typo,
      ).toEqual(["hotline"]);
    }
    expect(searchTypos(index, "hotlimes")).toEqual([]);
  });

  it("leaves out short words and numbers, in the index and in the question", () => {
    expect(FUZZY_MIN_LENGTH).toBe(5);
    expect(searchTypos(indexOf("tests"), "test")).toEqual([]);
    expect(searchTypos(indexOf("test"), "tests")).toEqual([]);
    expect(searchTypos(indexOf("hotline"), "hotl1ne")).toEqual([]);
    expect(searchTypos(indexOf("2023s"), "2023x")).toEqual([]);
    expect(searchTypos(indexOf("tests"), "testz")).toEqual([{ word: "tests", sure: 0.8 }]);
  });

  it("gives at most five words", () => {
    const index = indexOf("pilota", "pilotb", "pilotc", "pilotd", "pilote", "pilotf", "pilotg");
    expect(searchTypos(index, "pilot")).toHaveLength(5);
  });

  it("finds words with a doubled letter once", () => {
    const index = indexOf("aaabbb", "aabbb");
    expect(
      searchTypos(index, "aabbb")
        .map((h) => h.word)
        .sort(),
    ).toEqual(["aaabbb", "aabbb"]);
  });
});
