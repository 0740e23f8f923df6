import { describe, expect, it } from "vitest";
import { compileLexicon } from "../../src/answer/lexicon.js";
import { createNormalizer, normalizeText } from "../../src/answer/normalize.js";
import { lexiconLanguage } from "./builders.js";

// The finer points of reading text into words, with no lexicon and with a small one.

describe("normalizeText, in detail", () => {
  it("reads every kind of apostrophe, and an English possessive as the word alone", () => {
    for (const quote of ["'", "\u2018", "\u2019", "\u02bc", "`", "\u00b4"]) {
      expect(normalizeText(`п${quote}ять`), quote).toBe("пять");
      expect(normalizeText(`Kuzminov${quote}s`), quote).toBe("kuzminov");
    }
    expect(normalizeText("the soldiers' mothers")).toBe("the soldiers' mothers");
    expect(normalizeText("'quoted'")).toBe("'quoted'");
  });

  it("joins digit groups with one separator throughout, and nothing else", () => {
    expect(normalizeText("26'000 and 26\u00a0000 and 26\u202f000")).toBe("26000 and 26000 and 26000");
    expect(normalizeText("1,000,000")).toBe("1000000");
    // Mixed separators, a year next to a count, a decimal, a number glued to a letter: left as written.
    expect(normalizeText("1,000.000")).toBe("1,000.000");
    expect(normalizeText("in 2022 500 soldiers")).toBe("in 2022 500 soldiers");
    expect(normalizeText("2.5 000")).toBe("2.5 000");
    expect(normalizeText("a1 000")).toBe("a1 000");
    expect(normalizeText("1 0000")).toBe("1 0000");
    expect(normalizeText("1,000.5")).toBe("1,000.5");
  });

  it("joins a name to its number across any dash, and writes % as a word", () => {
    for (const dash of ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015"]) {
      expect(normalizeText(`Mi${dash}8`), dash).toBe("mi8");
    }
    expect(normalizeText("8-Mi")).toBe("8-mi");
    expect(normalizeText("5%")).toBe("5 percent ");
    expect(normalizeText("ﬁve Ё")).toBe("five е");
  });
});

describe("words", () => {
  const { words, tokenize } = createNormalizer();

  it("keeps each word as written beside its stem, drops one-letter words but not one digit", () => {
    expect(words("soldiers x 5 surrendered", "en")).toEqual([
      { surface: "soldiers", term: "soldier" },
      { surface: "5", term: "5" },
      { surface: "surrendered", term: "surrend" },
    ]);
  });

  it("does not stem short words or numbers", () => {
    expect(tokenize("war mi8 2023", "en")).toEqual(["war", "mi8", "2023"]);
    expect(tokenize("calls", "en")).toEqual(["call"]);
  });

  it("folds a lexicon's synonyms in each language, phrases first", () => {
    const lexicon = compileLexicon({
      en: lexiconLanguage({
        synonyms: [["helicopter", "chopper", "choppers"]],
        phrases: [{ pattern: "give up", replacement: "surrender" }],
        stopWords: ["hotline"],
      }),
      ru: lexiconLanguage({ synonyms: [["вертолет", "вертушка"]] }),
      uk: lexiconLanguage({}),
    });
    const topic = createNormalizer(lexicon);
    expect(topic.tokenize("chopper choppers", "en")).toEqual(tokenize("helicopter helicopter", "en"));
    expect(topic.tokenize("вертушка", "ru")).toEqual(topic.tokenize("вертолет", "ru"));
    // A Cyrillic word in an English question is read as Russian.
    expect(topic.tokenize("вертушка", "en")).toEqual(topic.tokenize("вертолет", "ru"));
    expect(topic.tokenize("did they give up", "en")).toEqual(tokenize("surrender", "en"));
    expect(topic.tokenize("the hotline", "en")).toEqual([]);
  });
});
