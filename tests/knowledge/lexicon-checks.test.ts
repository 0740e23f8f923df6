import { describe, expect, it } from "vitest";
import { checkLexicon, compilePattern } from "../../src/knowledge/lexicon.js";
import type { LexiconFile } from "../../src/knowledge/schema.js";

// checkLexicon on a parsed file. The "line" of a path is 100 × its length plus its indices written together
// ([en, synonyms, 1, 0] is 410), so every report says where it points.
function check(file: LexiconFile) {
  const reports: string[] = [];
  const lexicon = checkLexicon(
    file,
    (path) => path.length * 100 + Number(path.filter((p) => typeof p === "number").join("") || 0),
    (line, rule, message, hint) => reports.push(`${line} ${rule}: ${message} (${hint})`),
  );
  return { lexicon, reports };
}

describe("checkLexicon", () => {
  it("gives every language every list, empty when the file leaves it out", () => {
    const { lexicon, reports } = check({ en: { synonyms: [["helicopter", "chopper"]] } } as LexiconFile);
    expect(reports).toEqual([]);
    expect(lexicon.en).toEqual({
      synonyms: [["helicopter", "chopper"]],
      phrases: [],
      outOfScope: [],
      stopWords: [],
      personWords: [],
      organisationWords: [],
      languageWords: [],
    });
    expect(lexicon.ru).toEqual(lexicon.uk);
    expect(lexicon.uk.synonyms).toEqual([]);
    expect(lexicon.uk.languageWords).toEqual([]);
  });

  it("keeps every list the file gives", () => {
    const file = {
      ru: {
        synonyms: [["вертолет", "вертушка"]],
        phrases: [{ pattern: "хочу жити", replacement: "хочужити" }],
        out_of_scope: [{ pattern: "перейти к", reason: "no report covers it" }],
        stop_words: ["ну"],
        person_words: ["летчик"],
        organisation_words: ["штаб"],
        language_words: ["шо"],
      },
    } as unknown as LexiconFile;
    const { lexicon, reports } = check(file);
    expect(reports).toEqual([]);
    expect(lexicon.ru).toEqual({
      synonyms: [["вертолет", "вертушка"]],
      phrases: [{ pattern: "хочу жити", replacement: "хочужити" }],
      outOfScope: [{ pattern: "перейти к", reason: "no report covers it" }],
      stopWords: ["ну"],
      personWords: ["летчик"],
      organisationWords: ["штаб"],
      languageWords: ["шо"],
    });
  });

  it("checks the patterns of phrases and out-of-scope rules alike", () => {
    const { reports } = check({
      en: {
        phrases: [
          { pattern: "give up", replacement: "surrender" },
          { pattern: "(", replacement: "x" },
        ],
        out_of_scope: [{ pattern: "x*", reason: "r" }],
      },
    } as LexiconFile);
    expect(reports).toEqual([
      expect.stringMatching(/^401 invalid-pattern: en\.phrases\.1\.pattern is not a regular expression: /),
      "400 invalid-pattern: en.out_of_scope.0.pattern matches empty text, so it would apply to every question (make it require at least one letter)",
    ]);
  });

  it("says whether a group has no word or one", () => {
    const { reports } = check({ en: { synonyms: [[], ["alone"]] } } as LexiconFile);
    expect(reports).toEqual([
      "300 empty-group: en.synonyms.0 has no words: there is nothing to fold (list the word first, then the words that mean the same; or remove the group)",
      "301 empty-group: en.synonyms.1 has one word: there is nothing to fold (list the word first, then the words that mean the same; or remove the group)",
    ]);
  });

  it("says which way a word is in the wrong script; the first word of a group may cross over", () => {
    const { reports } = check({
      en: { synonyms: [["percent", "процент"]] },
      ru: { synonyms: [["percent", "процент", "pct"]] },
    } as LexiconFile);
    expect(reports).toEqual([
      '401 wrong-script: "процент" is Cyrillic, so no question\'s word is looked up in en.synonyms (move it to the ru or uk groups)',
      '402 wrong-script: "pct" is not Cyrillic, so no question\'s word is looked up in ru.synonyms (move it to the en groups)',
    ]);
  });

  it("finds a word in two groups as questions read it (case, ё, apostrophes), pointing at the first group", () => {
    const { reports } = check({
      en: {
        synonyms: [
          ["chopper", "heli", "heli"],
          ["Chopper", "copter"],
          ["copter2", "chopper"],
        ],
      },
      uk: {
        synonyms: [
          ["сім'я", "родина"],
          ["сімя", "рідні"],
        ],
      },
      ru: {
        synonyms: [
          ["ёлка", "ель"],
          ["елка", "пихта"],
        ],
      },
    } as LexiconFile);
    expect(reports).toEqual([
      '410 duplicate-synonym: "Chopper" is already in the group at line 300 (a word folds into one group only: merge the two groups or remove it from one)',
      '421 duplicate-synonym: "chopper" is already in the group at line 300 (a word folds into one group only: merge the two groups or remove it from one)',
      '410 duplicate-synonym: "елка" is already in the group at line 300 (a word folds into one group only: merge the two groups or remove it from one)',
      '410 duplicate-synonym: "сімя" is already in the group at line 300 (a word folds into one group only: merge the two groups or remove it from one)',
    ]);
  });

  it("says a word with a space or a hyphen is not one word", () => {
    const { reports } = check({ en: { synonyms: [["mi8", "mi-8", "mi 8"]] } } as LexiconFile);
    expect(reports.map((r) => r.split(":")[0])).toEqual(["401 not-a-word", "402 not-a-word"]);
    expect(reports[0]).toBe(
      '401 not-a-word: "mi-8" is not one word, and a question\'s words are looked up one by one (write it as one word of letters and digits, mi8 for mi-8; for several words add a phrase that makes them one)',
    );
  });
});

describe("compilePattern", () => {
  it("compiles with the u flag, and g when asked", () => {
    expect(compilePattern("\\p{L}+").flags).toBe("u");
    expect(compilePattern("a", true).flags).toBe("gu");
  });
});
