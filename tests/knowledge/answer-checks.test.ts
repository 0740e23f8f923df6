import { describe, expect, it } from "vitest";
import { checkAnswers, read } from "../../src/knowledge/answer-checks.js";
import { isValidDate } from "../../src/knowledge/schema.js";
import type { Fact, Lang, Source } from "../../src/knowledge/types.js";

const sorted = (values: Set<number>) => [...values].sort((a, b) => a - b);

describe("reading figures and dates from a text", () => {
  it("joins digit groups only inside one number, never two numbers side by side", () => {
    expect(sorted(read("1,000,000 calls and 26 000 texts", "en").figures)).toEqual([26_000, 1_000_000]);
    const twoNumbers = read("in 2022 500 soldiers, then 7,500", "en");
    expect(sorted(twoNumbers.years)).toEqual([2022]);
    expect(sorted(twoNumbers.figures)).toEqual([500, 7_500]);
    expect(sorted(read("3,5 million", "en").figures)).toEqual([3_500_000]);
  });

  it("reads a spelled-out number only before a scale word", () => {
    expect(sorted(read("twelve thousand people", "en").figures)).toEqual([12_000]);
    expect(sorted(read("twelve people", "en").figures)).toEqual([]);
  });

  it("tells years from figures: 1900 to 2100 are years", () => {
    const r = read("1899 1900 2100 2101", "en");
    expect(sorted(r.years)).toEqual([1900, 2100]);
    expect(sorted(r.figures)).toEqual([1899, 2101]);
  });

  it("takes a day next to a month for part of the date, not a figure; 32 is no day", () => {
    expect(read("on 4 January 2024", "en")).toEqual({
      figures: new Set(),
      named: new Set(),
      years: new Set([2024]),
      months: new Set(["2024-01"]),
    });
    expect([...read("on January 31, 2024", "en").months]).toEqual(["2024-01"]);
    expect(sorted(read("on January 31, 2024", "en").figures)).toEqual([]);
    expect([...read("on 31 May", "en").months]).toEqual(["-05"]);
    expect([...read("May 31 it was", "en").months]).toEqual(["-05"]);
    const notADay = read("32 May 2024", "en");
    expect(sorted(notADay.figures)).toEqual([32]);
    expect([...notADay.months]).toEqual(["2024-05"]);
    expect([...read("May 32", "en").months]).toEqual([]);
    expect([...read("May 100 2024", "en").months]).toEqual([]);
  });

  it("counts a month outside a date only in a source (lenient)", () => {
    expect([...read("they called in March", "en").months]).toEqual([]);
    expect([...read("they called in March", "en", true).months]).toEqual(["-03"]);
    expect([...read("в марте 2024 года", "ru").months]).toEqual(["2024-03"]);
    expect([...read("у березні 2024 року", "uk").months]).toEqual(["2024-03"]);
    expect([...read("a 2024 march", "en").months]).toEqual([]);
  });

  it("reads numbers glued to letters as names in an answer, as figures in a source", () => {
    const answer = read("Mi-8 x12 16th 24/7 MiG‑29 and 40 calls", "en");
    expect(sorted(answer.named)).toEqual([7, 8, 12, 16, 24, 29]);
    expect(sorted(answer.figures)).toEqual([40]);
    const source = read("Mi-8 x12 and 40 calls", "en", true);
    expect(sorted(source.named)).toEqual([]);
    expect(sorted(source.figures)).toEqual([8, 12, 40]);
  });
});

describe("isValidDate", () => {
  it("accepts real calendar dates at the precision asked for", () => {
    expect(isValidDate("2024-02-29", "day")).toBe(true);
    expect(isValidDate("2023-02-29", "day")).toBe(false);
    expect(isValidDate("2023-04-31", "day")).toBe(false);
    expect(isValidDate("2023-13", "month")).toBe(false);
    expect(isValidDate("2023-12", "month")).toBe(true);
    expect(isValidDate("2023-12", "day")).toBe(false);
    expect(isValidDate("2023", "month")).toBe(false);
    expect(isValidDate("2023", "year")).toBe(true);
    expect(isValidDate("x2023", "year")).toBe(false);
    expect(isValidDate("2023-01-01x", "day")).toBe(false);
  });
});

const source = (text: string, published = "2024-01-15"): Source => ({
  id: "demo",
  title: "t",
  publisher: "p",
  published,
  url: "https://example.org",
  language: "en",
  retrieved: "2024-02-01",
  text,
  file: "demo.md",
});

function fact(answer: Record<Lang, string>, asOf = "2024-01", quote = "the hotline got calls"): Fact {
  return {
    id: "f",
    source: "demo",
    quote,
    asOf,
    attributedTo: "officials",
    tags: [],
    related: [],
    agreesWith: [],
    conflictsWith: [],
    timeline: [],
    questions: { en: [], ru: [], uk: [] },
    answer,
    file: "f.yaml",
    line: 1,
  };
}

function check(
  answer: Record<Lang, string>,
  options: { asOf?: string; text?: string; published?: string } = {},
) {
  const src = source(options.text ?? "The hotline got 100 calls and 200 texts.", options.published);
  return checkAnswers(fact(answer, options.asOf), src, read(src.text, "en", true)).map(
    (p) => `${p.lang} ${p.rule}: ${p.message} (${p.hint})`,
  );
}

describe("checking an answer against its source", () => {
  it("accepts the same figures in any order in every language", () => {
    expect(
      check({
        en: "100 calls and 200 texts.",
        ru: "200 сообщений и 100 звонков.",
        uk: "200 повідомлень і 100 дзвінків.",
      }),
    ).toEqual([]);
  });

  it("names the figures each language gives when they differ", () => {
    expect(
      check({ en: "100 calls and 200 texts.", ru: "200 сообщений.", uk: "200 повідомлень і 100 дзвінків." }),
    ).toEqual([
      "ru figures-differ: the ru answer gives the figures [200], the en answer [100, 200] (every language states the same figures)",
    ]);
  });

  it("finds a yes/no start after leading spaces", () => {
    expect(check({ en: "  Yes, 100 calls.", ru: "100 звонков.", uk: "100 дзвінків." })).toEqual([
      "en yes-no-answer: the en answer begins with a yes/no word (state the fact itself: one answer serves questions phrased either way)",
    ]);
  });

  it("names a year that is not the fact's, the article's or the source's", () => {
    const answers = {
      en: "In 2019 it got 100 calls.",
      ru: "В 2024 году 100 звонков.",
      uk: "У 2023 році 100 дзвінків.",
    };
    expect(check(answers, { asOf: "2023-05" })).toEqual([
      "en date-not-in-source: the en answer names the year 2019, which is not the fact's as_of, the article's date or in the source (correct the year or as_of)",
    ]);
    expect(check(answers, { asOf: "2023-05", text: "In 2019 the hotline got 100 calls." })).toEqual([]);
  });

  it("accepts a month only with the year of as_of or of the article, or when the source names it", () => {
    const on = (date: string) => ({ en: `On ${date}, 100 calls.`, ru: "100 звонков.", uk: "100 дзвінків." });
    // as_of 2023-05, published 2024-01-15
    expect(check(on("5 May 2023"), { asOf: "2023-05" })).toEqual([]);
    expect(check(on("5 May"), { asOf: "2023-05" })).toEqual([]);
    expect(check(on("5 January 2024"), { asOf: "2023-05" })).toEqual([]);
    expect(check(on("5 January"), { asOf: "2023-05" })).toEqual([]);
    expect(check(on("5 May 2022"), { asOf: "2023-05" })).toEqual([
      "en date-not-in-source: the en answer names the year 2022, which is not the fact's as_of, the article's date or in the source (correct the year or as_of)",
      "en date-not-in-source: the en answer names the month 2022-05, which is not the fact's as_of, the article's date or in the source (correct the month or as_of)",
    ]);
    expect(check(on("5 January 2023"), { asOf: "2023-05" })).toEqual([
      "en date-not-in-source: the en answer names the month 2023-01, which is not the fact's as_of, the article's date or in the source (correct the month or as_of)",
    ]);
    expect(check(on("5 June"), { asOf: "2023-05" })).toEqual([
      "en date-not-in-source: the en answer names the month 06, which is not the fact's as_of, the article's date or in the source (correct the month or as_of)",
    ]);
    expect(check(on("5 June"), { asOf: "2023-05", text: "In June the hotline got 100 calls." })).toEqual([]);
  });

  it("names a figure neither the quote nor the source gives, and reads the quote as leniently as the source", () => {
    expect(check({ en: "1,500 calls.", ru: "1500 звонков.", uk: "1 500 дзвінків." })).toEqual(
      (["en", "ru", "uk"] as const).map(
        (lang) =>
          `${lang} figure-not-in-source: the ${lang} answer gives 1,500, which neither the quote nor the source gives (use the source's figure, or quote the sentence that gives this one)`,
      ),
    );
    const src = source("The hotline got calls.");
    const quoted = fact(
      { en: "Mi-8 and 24 calls.", ru: "Ми-8 и 24 звонка.", uk: "Мі-8 і 24 дзвінки." },
      "2024-01",
      "a Mi-8 and 24 calls",
    );
    expect(checkAnswers(quoted, src, read(src.text, "en", true))).toEqual([]);
  });
});
