import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/answer/language.js";
import { normalizeText, QUANTITY, tokenize } from "../../src/answer/normalize.js";

describe("normalizeText", () => {
  it("folds case, ё, apostrophes, digit groups and names with digits", () => {
    expect(normalizeText("Лётчик")).toBe("летчик");
    expect(normalizeText("п’ять")).toBe("пять");
    expect(normalizeText("Kuzminov’s $500,000")).toBe("kuzminov $500000");
    expect(normalizeText("26 000 і 1.000.000")).toBe("26000 і 1000000");
    expect(normalizeText("Mi-8 і МиГ‑29")).toBe("mi8 і миг29");
  });
});

describe("tokenize", () => {
  it("drops stop words and stems, per language", () => {
    expect(tokenize("Why did the soldiers surrender?", "en")).toEqual(["soldier", "surrend"]);
    expect(tokenize("Почему солдаты сдались?", "ru")).toEqual(["солдат", "сдат"]);
    expect(tokenize("Чому солдати здалися?", "uk")).toEqual(["солдат", "здат"]);
  });

  it("marks a question for a count, in every language", () => {
    for (const [q, lang] of [
      ["How many soldiers?", "en"],
      ["Сколько солдат?", "ru"],
      ["Скільки солдатів?", "uk"],
    ] as const) {
      expect(tokenize(q, lang)[0]).toBe(QUANTITY);
    }
    expect(tokenize("Why soldiers?", "en")).not.toContain(QUANTITY);
  });

  it("reads the project's name as one name, apart from the verb", () => {
    expect(tokenize("I Want to Live", "en")).toEqual(tokenize("«Хочу жити»", "uk"));
    expect(tokenize("хочу жить", "ru")).toHaveLength(1);
    expect(tokenize("do they live in Ukraine", "en")).not.toEqual(
      expect.arrayContaining(tokenize("I Want to Live", "en")),
    );
  });

  it("reads multi-word ways of saying surrender", () => {
    expect(tokenize("soldiers giving up", "en")).toEqual(tokenize("soldiers surrendering", "en"));
    expect(tokenize("сложили оружие", "ru")).toEqual(tokenize("сдались", "ru"));
  });

  it("folds synonyms into one form", () => {
    expect(tokenize("chopper", "en")).toEqual(tokenize("helicopter", "en"));
    expect(tokenize("вертушка", "ru")).toEqual(tokenize("вертолёт", "ru"));
    expect(tokenize("вертоліт", "uk")).toEqual(tokenize("гелікоптер", "uk"));
  });

  it("stems Latin words in a Cyrillic question as English", () => {
    expect(tokenize("через VPN", "ru")).toEqual(["vpn"]);
  });

  it("returns nothing for input with no words", () => {
    expect(tokenize("   ", "en")).toEqual([]);
    expect(tokenize("🙂🙂 ?!", "en")).toEqual([]);
  });
});

describe("detectLanguage", () => {
  it.each([
    ["How many soldiers surrendered?", "en"],
    ["vpn", "en"],
    ["Сколько солдат сдалось?", "ru"],
    ["Как попасть на сайт?", "ru"],
    ["Скільки солдатів здалося?", "uk"],
    ["Як зайти на сайт?", "uk"],
    ["Що таке «Хочу жити»?", "uk"],
    ["Что такое «Хочу жить»?", "ru"],
  ])("%s → %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it("falls back to the interface language when the text has no letters", () => {
    expect(detectLanguage("🙂 2+2", "uk-UA")).toBe("uk");
    expect(detectLanguage("🙂", "de")).toBe("en");
    expect(detectLanguage("🙂")).toBe("en");
  });

  it("uses the interface language to break a Russian/Ukrainian tie", () => {
    expect(detectLanguage("сайт", "uk")).toBe("uk");
    expect(detectLanguage("сайт", "en")).toBe("ru");
  });
});
