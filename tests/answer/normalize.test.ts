import { beforeAll, describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/answer/language.js";
import { compileLexicon } from "../../src/answer/lexicon.js";
import { createNormalizer, normalizeText, QUANTITY } from "../../src/answer/normalize.js";
import { LANGUAGES, type Lexicon } from "../../src/knowledge/types.js";
import { lexiconLanguage } from "./builders.js";
import { realKnowledge } from "./real-engine.js";

// The languages' own rules, with no lexicon: what every knowledge base gets.
const { tokenize } = createNormalizer();

describe("normalizeText", () => {
  it("folds case, ё, apostrophes, digit groups and names with digits", () => {
    expect(normalizeText("Лётчик")).toBe("летчик");
    expect(normalizeText("п’ять")).toBe("пять");
    expect(normalizeText("Kuzminov’s $500,000")).toBe("kuzminov $500000");
    expect(normalizeText("26 000 і 1.000.000")).toBe("26000 і 1000000");
    expect(normalizeText("Mi-8 і МиГ‑29")).toBe("mi8 і миг29");
  });

  it("reads chat shorthand for years and thousands, not days or the preposition «к»", () => {
    expect(normalizeText("осенью 22го")).toBe("осенью 2022");
    expect(normalizeText("до грудня 23-го")).toBe("до грудня 2023");
    expect(normalizeText("in '23, 10k calls")).toBe("in 2023, 10000 calls");
    expect(normalizeText("за 10к")).toBe("за 10000");
    // A day of a month, «к» as "to", a number inside a word: as written.
    expect(normalizeText("22-го февраля")).toBe("22-го февраля");
    expect(normalizeText("9го числа")).toBe("9го числа");
    expect(normalizeText("26 к звонкам")).toBe("26 к звонкам");
    expect(normalizeText("mi8k 10kg")).toBe("mi8k 10kg");
  });

  it("drops the part of a year or month a date names, which would read as the hotline's launch", () => {
    const words = (q: string) => normalizeText(q).split(/\s+/).filter(Boolean).join(" ");
    expect(words("pending at the start of 2024?")).toBe("pending 2024?");
    expect(words("in early January 2024")).toBe("in january 2024");
    expect(words("mid-2023 figures")).toBe("2023 figures");
    expect(words("в самом начале 2024 года")).toBe("2024 года");
    expect(words("к концу декабря")).toBe("декабря");
    expect(words("на початку 2024 року")).toBe("2024 року");
    expect(words("наприкінці грудня")).toBe("грудня");
    // Without a year or a month it is the start of the hotline, or no date at all.
    expect(words("at the start, how many calls")).toBe("at the start, how many calls");
    expect(words("в самом начале, осенью")).toBe("в самом начале, осенью");
    expect(words("в конце концов")).toBe("в конце концов");
    expect(words("на початку війни")).toBe("на початку війни");
  });
});

describe("tokenize", () => {
  it("drops stop words and stems, per language", () => {
    expect(tokenize("Why did the soldiers surrender?", "en")).toEqual(["soldier", "surrend"]);
    expect(tokenize("Почему солдаты сдались?", "ru")).toEqual(["солдат", "сдал"]);
    expect(tokenize("Чому солдати здалися?", "uk")).toEqual(["солд", "здал"]);
    // The Ukrainian stemmer leaves a vowel on some forms: each word's forms read as one.
    expect(new Set(tokenize("лінія лінії лінію лінією", "uk"))).toEqual(new Set(["лін"]));
    expect(new Set(tokenize("стаття статті статтю статтею", "uk"))).toEqual(new Set(["статт"]));
    // The Ukrainian future is the infinitive and an ending: one word with it.
    expect(new Set(tokenize("повертатимуть повертатиме повертати", "uk"))).toEqual(new Set(["поверт"]));
  });

  it("drops question words in every case, contractions of not, and the ways of asking what a text says", () => {
    expect(tokenize("soldiers who aren't drafted too, don't they call up", "en")).toEqual([
      "soldier",
      "draft",
      "call",
    ]);
    expect(tokenize("what problems are described and mentioned", "en")).toEqual(["problem"]);
    expect(tokenize("какой составляет награда", "ru")).toEqual(["наград"]);
    expect(tokenize("яка становить винагорода, про що ідеться", "uk")).toEqual(["винагород"]);
    expect(tokenize("какую роль и в каком городе, чьи солдаты, что пишут", "ru")).toEqual([
      "рол",
      "город",
      "солдат",
    ]);
    expect(tokenize("яку роль і в якому місті, чиї солдати, чим згадується", "uk")).toEqual([
      "рол",
      "міст",
      "солд",
    ]);
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

  it("stems Latin words in a Cyrillic question as English", () => {
    expect(tokenize("через VPN", "ru")).toEqual(["vpn"]);
  });

  it("returns nothing for input with no words", () => {
    expect(tokenize("   ", "en")).toEqual([]);
    expect(tokenize("🙂🙂 ?!", "en")).toEqual([]);
  });
});

describe("a knowledge's lexicon (knowledge/lexicon.yaml)", () => {
  let topic: (text: string, lang: "en" | "ru" | "uk") => string[];
  beforeAll(async () => {
    topic = createNormalizer(compileLexicon((await realKnowledge()).lexicon)).tokenize;
  });

  it("reads the project's name as one name, apart from the verb", () => {
    expect(topic("I Want to Live", "en")).toEqual(topic("«Хочу жити»", "uk"));
    expect(topic("хочу жить", "ru")).toHaveLength(1);
    expect(topic("do they live in Ukraine", "en")).not.toEqual(
      expect.arrayContaining(topic("I Want to Live", "en")),
    );
  });

  it("reads multi-word ways of saying surrender", () => {
    expect(topic("soldiers giving up", "en")).toEqual(topic("soldiers surrendering", "en"));
    expect(topic("сложили оружие", "ru")).toEqual(topic("сдались", "ru"));
  });

  it("folds synonyms into one form", () => {
    expect(topic("Почему солдаты сдались?", "ru")).toEqual(["солдат", "сдат"]);
    expect(topic("Чому солдати здалися?", "uk")).toEqual(["солдат", "здат"]);
    expect(topic("chopper", "en")).toEqual(topic("helicopter", "en"));
    expect(topic("вертушка", "ru")).toEqual(topic("вертолёт", "ru"));
    expect(topic("вертоліт", "uk")).toEqual(topic("гелікоптер", "uk"));
  });

  it("drops the topic's stop words on top of the language's", () => {
    expect(topic("what was his role", "en")).toEqual([]);
    expect(tokenize("what was his role", "en")).toEqual(["role"]);
  });

  it("is the engine's alone: without it, or with another, nothing of this topic applies", () => {
    expect(tokenize("chopper", "en")).not.toEqual(tokenize("helicopter", "en"));
    expect(tokenize("giving up", "en")).not.toEqual(tokenize("surrender", "en"));
    const empty = lexiconLanguage();
    const other = Object.fromEntries(LANGUAGES.map((l) => [l, { ...empty }])) as Lexicon;
    other.en = {
      ...empty,
      synonyms: [["lighthouse", "beacon"]],
      phrases: [{ pattern: "\\bkeeper\\s+of\\s+the\\s+light\\b", replacement: "lighthousekeeper" }],
    };
    const lighthouse = createNormalizer(compileLexicon(other)).tokenize;
    expect(lighthouse("beacons", "en")).toEqual(lighthouse("lighthouse", "en"));
    expect(lighthouse("the keeper of the light", "en")).toEqual(["lighthousekeep"]);
    expect(lighthouse("chopper", "en")).not.toEqual(lighthouse("helicopter", "en"));
    expect(topic("beacon", "en")).not.toEqual(topic("lighthouse", "en"));
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
