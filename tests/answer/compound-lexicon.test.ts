import { describe, expect, it } from "vitest";
import { predictForest, sigmoid, type Tree } from "../../src/answer/boosted-trees.js";
import { splitQuestions } from "../../src/answer/compound.js";
import { compileLexicon, outOfScope } from "../../src/answer/lexicon.js";
import type { Lexicon } from "../../src/knowledge/types.js";
import { lexiconLanguage } from "./builders.js";

describe("splitting a message into its questions", () => {
  it("at question marks, semicolons and a joiner before a question word, in any case", () => {
    expect(splitQuestions("When did it start? Who runs it", "en")).toEqual([
      "When did it start",
      "Who runs it",
    ]);
    expect(splitQuestions("when did it start AND who runs it", "en")).toEqual([
      "when did it start",
      "who runs it",
    ]);
    // After a comma, only a word that cannot start a clause of the same question starts another.
    expect(splitQuestions("кто звонит, сколько звонков", "ru")).toEqual(["кто звонит", "сколько звонков"]);
    expect(splitQuestions("сколько звонков, кто звонит", "ru")).toEqual(["сколько звонков, кто звонит"]);
    expect(splitQuestions("Хто очолював ГУР, коли Кузьмінов перелетів в Україну?", "uk")).toHaveLength(1);
    expect(splitQuestions("what about the soldiers, who surrendered first", "en")).toHaveLength(1);
    // A plus between two questions, not in a sum.
    expect(splitQuestions("how much did he get + was anything else promised", "en")).toEqual([
      "how much did he get",
      "was anything else promised",
    ]);
    expect(splitQuestions("скока платят + кто платит", "ru")).toEqual(["скока платят", "кто платит"]);
    expect(splitQuestions("2+2", "en")).toEqual(["2+2"]);
    expect(splitQuestions("скільки дзвінків і хто дзвонить", "uk")).toEqual([
      "скільки дзвінків",
      "хто дзвонить",
    ]);
  });

  it("not at a joiner between words, and a part too short to ask anything joins the one before", () => {
    expect(splitQuestions("calls and texts to the hotline", "en")).toEqual([
      "calls and texts to the hotline",
    ]);
    expect(splitQuestions("how many calls? really?", "en")).toEqual(["how many calls really"]);
    expect(splitQuestions("how many calls? in 2023 too?", "en")).toEqual(["how many calls in 2023 too"]);
    expect(splitQuestions("how many calls? who phoned them?", "en")).toEqual([
      "how many calls",
      "who phoned them",
    ]);
    // The first part always stands, however short.
    expect(splitQuestions("why? who phoned them?", "en")).toEqual(["why", "who phoned them"]);
  });

  it("gives the message itself when nothing is left", () => {
    expect(splitQuestions("  ?? ", "en")).toEqual(["  ?? "]);
    expect(splitQuestions("  how many calls  ", "en")).toEqual(["how many calls"]);
  });
});

describe("compiling a lexicon", () => {
  it("without one: nothing to fold, replace or refuse", () => {
    const none = compileLexicon();
    expect(none.synonyms).toEqual({ en: [], ru: [], uk: [] });
    expect(none.phrases).toEqual([]);
    expect(none.outOfScope).toEqual([]);
    expect([...none.stopWords, ...none.organisationWords]).toEqual([]);
    expect([...none.languageWords.ru, ...none.languageWords.uk]).toEqual([]);
    expect(outOfScope("anything at all", none)).toBeUndefined();
  });

  it("keeps each language's synonyms apart, and runs every language's phrases, stop words and rules on every question", () => {
    const lexicon: Lexicon = {
      en: lexiconLanguage({
        synonyms: [["helicopter", "chopper"]],
        phrases: [{ pattern: "give up", replacement: "surrender" }],
        stopWords: ["kindly"],
        organisationWords: ["hotline"],
      }),
      ru: lexiconLanguage({
        synonyms: [["вертолет", "вертушка"]],
        outOfScope: [{ pattern: "перейти к", reason: "no report covers it" }],
        languageWords: ["шо"],
      }),
      uk: lexiconLanguage({
        synonyms: [["гелікоптер", "вертоліт"]],
        stopWords: ["будь"],
        languageWords: ["шо", "чи"],
      }),
    };
    const compiled = compileLexicon(lexicon);
    expect(compiled.synonyms).toEqual({
      en: [["helicopter", "chopper"]],
      ru: [["вертолет", "вертушка"]],
      uk: [["гелікоптер", "вертоліт"]],
    });
    const [phrase] = compiled.phrases;
    expect(phrase?.[1]).toBe(" surrender ");
    // Global: every occurrence is replaced.
    expect("give up, give up".replace(phrase?.[0] as RegExp, phrase?.[1] as string)).toBe(
      " surrender ,  surrender ",
    );
    expect([...compiled.stopWords]).toEqual(["kindly", "будь"]);
    expect([...compiled.organisationWords]).toEqual(["hotline"]);
    expect([...compiled.languageWords.ru]).toEqual(["шо"]);
    expect([...compiled.languageWords.uk]).toEqual(["шо", "чи"]);
    expect(outOfScope("как перейти к ним", compiled)).toBe("no report covers it");
    expect(outOfScope("how many calls", compiled)).toBeUndefined();
  });
});

describe("a tree of the confidence model", () => {
  // Depth 2: the root splits on feature 0 at 0.5; its left child on feature 1 at 0.2; its right child does not split.
  const tree = { feature: [0, 1, -1], threshold: [0.5, 0.2, 0.9], leaf: [-1, 0, 1, 2] };
  // One tree at rate 1 on base 0: the log-odds the forest gives are the leaf's value.
  const leaf = (x: number[], t: Tree = tree, depth = 2) => {
    const p = predictForest({ base: 0, rate: 1, depth, trees: [t] }, x);
    return Math.log(p / (1 - p));
  };

  it("goes right only when the value is above the threshold, and left where a node does not split", () => {
    expect(leaf([0.5, 0.2])).toBeCloseTo(-1);
    expect(leaf([0.5, 0.21])).toBeCloseTo(0);
    expect(leaf([0.51, 5])).toBeCloseTo(1);
    // A missing value goes left.
    expect(leaf([])).toBeCloseTo(-1);
    expect(leaf([5], { feature: [-1], threshold: [-1], leaf: [1, 2] }, 1)).toBeCloseTo(1);
  });

  it("sums the scaled leaves onto the base and gives a probability", () => {
    const forest = { base: -1, rate: 0.5, depth: 2, trees: [tree, tree] };
    expect(predictForest(forest, [0.9, 0])).toBeCloseTo(sigmoid(-1 + 0.5 * 1 * 2));
    expect(sigmoid(0)).toBe(0.5);
  });
});
