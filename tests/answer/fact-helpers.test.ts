import { describe, expect, it } from "vitest";
import { factLinks } from "../../src/answer/fact-links.js";
import { dateWords, givesFigure } from "../../src/answer/fact-terms.js";
import { detectLanguage, isLang } from "../../src/answer/language.js";
import type { Fact } from "../../src/knowledge/types.js";

const fact = (id: string, fields: Partial<Fact> = {}): Fact =>
  ({
    id,
    agreesWith: [],
    conflictsWith: [],
    timeline: [],
    answer: { en: "", ru: "", uk: "" },
    ...fields,
  }) as Fact;

describe("links between facts", () => {
  it("are read both ways and grouped through other facts", () => {
    const links = factLinks([
      fact("a", { conflictsWith: ["b"] }),
      fact("b"),
      fact("c", { timeline: ["b"] }),
      fact("d", { timeline: ["e", "gone"] }),
      fact("e"),
      fact("f"),
      fact("g", { agreesWith: ["h"] }),
      fact("h", { agreesWith: ["i"] }),
      fact("i"),
    ]);
    // Agreements are read both ways but not chained, and make no measure.
    expect([...(links.agreements.get("h") ?? [])].sort()).toEqual(["g", "i"]);
    expect([...(links.agreements.get("g") ?? [])]).toEqual(["h"]);
    expect(links.measures.get("g")).toEqual(["g"]);
    expect([...(links.conflicts.get("b") ?? [])]).toEqual(["a"]);
    expect([...(links.conflicts.get("a") ?? [])]).toEqual(["b"]);
    expect(links.conflicts.get("c")?.size).toBe(0);
    const sorted = (ids?: string[]) => [...(ids ?? [])].sort();
    expect(sorted(links.measures.get("a"))).toEqual(["a", "b", "c"]);
    expect(sorted(links.measures.get("c"))).toEqual(["a", "b", "c"]);
    expect(links.measures.get("a")).toBe(links.measures.get("c"));
    // A link to a fact the knowledge lacks (the validator reports it) joins nothing.
    expect(sorted(links.measures.get("e"))).toEqual(["d", "e"]);
    expect(links.measures.get("f")).toEqual(["f"]);
    expect(sorted(links.timelineOf.get("b"))).toEqual(["b", "c"]);
    expect(links.timelineOf.get("a")).toEqual(["a"]);
  });
});

describe("words for a fact's date", () => {
  it("name the year, the month and the season in every language", () => {
    expect(dateWords("2023-12")).toEqual({
      en: "2023 december winter",
      ru: "2023 декабрь зима зимой",
      uk: "2023 грудень зима взимку",
    });
    expect(dateWords("2023-03").en).toBe("2023 march spring");
    expect(dateWords("2023-02").en).toBe("2023 february winter");
    expect(dateWords("2023-01-15").en).toBe("2023 january winter");
    expect(dateWords("2023-11").uk).toBe("2023 листопад осінь восени");
    expect(dateWords("2023")).toEqual({ en: "2023  ", ru: "2023  ", uk: "2023  " });
  });
});

describe("whether a fact gives a figure", () => {
  const gives = (en: string) => givesFigure(fact("x", { answer: { en, ru: "", uk: "" } }));

  it("a count, a share or an amount does; a year or a day of the month does not", () => {
    expect(gives("The hotline got 26,000 calls.")).toBe(true);
    expect(gives("It rose by 5 %.")).toBe(true);
    expect(gives("It rose by 5%.")).toBe(true);
    expect(gives("It paid $ 1 to each.")).toBe(true);
    expect(gives("It paid $1 to each.")).toBe(true);
    expect(gives("It cost 2 million.")).toBe(true);
    expect(gives("It cost 2million.")).toBe(true);
    expect(gives("It cost 3 billion.")).toBe(true);
    expect(gives("It opened on 18 September 2022.")).toBe(false);
    expect(gives("It opened on 31 May.")).toBe(false);
    expect(gives("32 people called.")).toBe(true);
    expect(gives("In 1899 and 2101.")).toBe(true);
    expect(gives("In 1900 and 2100.")).toBe(false);
    expect(gives("1,5 and 2,3")).toBe(false);
  });
});

describe("the language of a question", () => {
  it("knows the three languages only", () => {
    expect(isLang("uk")).toBe(true);
    expect(isLang("de")).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });

  it("goes by script, then by letters and words, then by the fallback", () => {
    expect(detectLanguage("how many", "ru")).toBe("en");
    expect(detectLanguage("12345 ?", "uk-UA")).toBe("uk");
    expect(detectLanguage("12345 ?", "de")).toBe("en");
    expect(detectLanguage("звонки hotl", "ru")).toBe("ru");
    expect(detectLanguage("звон call", "ru")).toBe("ru"); // as many Latin letters as Cyrillic
    expect(detectLanguage("сколько звонков", "uk")).toBe("ru");
    expect(detectLanguage("скільки дзвінків", "ru")).toBe("uk");
    expect(detectLanguage("звонки", "uk")).toBe("uk");
    // No telling letter: a telling word, or a verb's Ukrainian ending.
    expect(detectLanguage("а дрони для чого там юзають?")).toBe("uk");
    expect(detectLanguage("а дроны для чего там юзают?")).toBe("ru");
    expect(detectLanguage("а тепер?", "ru")).toBe("uk");
    expect(detectLanguage("а теперь?", "uk")).toBe("ru");
    expect(detectLanguage("звонки", "en")).toBe("ru");
    const topic = { ru: new Set(["вертушка"]), uk: new Set(["гвинтокрил"]) };
    expect(detectLanguage("вертушка", "uk", topic)).toBe("ru");
    expect(detectLanguage("гвинтокрил", "ru", topic)).toBe("uk");
  });

  it("leaves out what the question quotes: a title is in the language it was published in", () => {
    expect(detectLanguage("Коли вийшла стаття «Russians are deserting from the army»?")).toBe("uk");
    expect(detectLanguage('Кто написал "Putin\'s Forces Are Surrendering at Surging Pace"?')).toBe("ru");
    expect(detectLanguage("what does «Хочу жить» mean")).toBe("en");
    // Nothing but a quote: the quote is all there is to go by.
    expect(detectLanguage("«Over 220 Russian soldiers surrender»")).toBe("en");
  });
});
