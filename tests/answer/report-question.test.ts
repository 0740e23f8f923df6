import { beforeEach, describe, expect, it } from "vitest";
import type { SourceInfo } from "../../src/answer/knowledge-summary.js";
import { createNormalizer, normalizeText } from "../../src/answer/normalize.js";
import { reportReader } from "../../src/answer/report-question.js";

const source = (id: string, publisher: string, title: string, aliases?: string[]): SourceInfo =>
  ({
    id,
    publisher,
    title,
    url: `https://example.org/${id}`,
    published: "2023-04-08",
    ...(aliases ? { aliases } : {}),
  }) as SourceInfo;

const sources = [
  source("river", "River Gazette (English edition)", "Ferry crossings double after the storm", [
    "Речная газета",
  ]),
  source("hill", "Hill Times", "Ferry fares rise for the winter season", ["Хіл Таймс"]),
  source("lake", "Lake Post", "Ferry crossings at the lake"),
];
// Made before each test, not once for the file: a mutation run then checks the making with these tests.
let read: ReturnType<typeof reportReader>;
beforeEach(() => {
  read = reportReader(sources, createNormalizer());
});
const ask = (q: string, lang: "en" | "ru" | "uk" = "en") => {
  const r = read(normalizeText(q), lang);
  return r && { source: sources[r.source]?.id, asks: [...r.asks].sort() };
};

describe("reading a question about a report", () => {
  it("finds the article by the outlet it names, whatever the rest of the question says", () => {
    expect(ask("who wrote the River Gazette piece about the ferries and the storm")).toEqual({
      source: "river",
      asks: ["author"],
    });
    expect(ask("когда вышла статья в речной газете про паромы", "ru")).toEqual({
      source: "river",
      asks: ["date"],
    });
    // A typo in the outlet's name, and one a stemmer would cut short.
    expect(ask("who wrote the Rivr Gazette piece")).toEqual({ source: "river", asks: ["author"] });
    expect(ask("хто автор статті хіл таймс", "uk")).toEqual({ source: "hill", asks: ["author"] });
    // A long description of the article between "when was" and "published".
    expect(
      ask("when was the River Gazette article about the ferries crossing after the big storm published"),
    ).toEqual({ source: "river", asks: ["date"] });
    // Any verb of publishing the outlet question knows: "put out", "ran", "carried".
    expect(ask("when did the river gazette put out the article on the ferries")).toEqual({
      source: "river",
      asks: ["date"],
    });
    expect(ask("when did hill times run that story")).toEqual({ source: "hill", asks: ["date"] });
    // The phrasal verb split by its object, and the verbs of releasing an article in Russian and Ukrainian.
    expect(ask("when did hill times put that article out")).toEqual({ source: "hill", asks: ["date"] });
    expect(ask("речная газета когда статью выпустили", "ru")).toEqual({ source: "river", asks: ["date"] });
    expect(ask("коли хіл таймс випустили статтю", "uk")).toEqual({ source: "hill", asks: ["date"] });
  });

  it("finds it by most of its title, weighing words that every title has less, and only when one title fits", () => {
    expect(ask("when was the article on fares rising for winter published")).toEqual({
      source: "hill",
      asks: ["date"],
    });
    // "ferry crossings" is in two titles: not enough to tell which article.
    expect(ask("who published the article about ferry crossings")).toBeUndefined();
    expect(ask("who published the article 'ferry crossings double after the storm'")).toEqual({
      source: "river",
      asks: ["outlet"],
    });
    // The English title quoted in a Ukrainian question: its Latin words stem as English.
    expect(ask("хто опублікував статтю «Fares rising for winter seasons»", "uk")).toEqual({
      source: "hill",
      asks: ["outlet"],
    });
  });

  it("is not a question about a report without a byline, date or outlet asked for the article", () => {
    expect(ask("how many ferries crossed, per the River Gazette")).toBeUndefined();
    // "when … published" without an article meant: something published, not the piece.
    expect(ask("when did the River Gazette publish ferry numbers")).toBeUndefined();
    // A journalist who is told something is not an author being asked for.
    expect(ask("what did the mayor tell River Gazette journalists")).toBeUndefined();
  });

  it("leaves to the facts what an article cites, and what kind of answer no byline gives", () => {
    expect(ask("which outlet does the Hill Times article cite")).toBeUndefined();
    expect(ask("which outlet did the Hill Times article rely on for fares")).toBeUndefined();
    expect(ask("how many articles did the Hill Times author write")).toBeUndefined();
    expect(ask("where is the Hill Times journalist based")).toBeUndefined();
    // Which outlet the story says someone spoke to is about the story, not its publisher.
    expect(
      ask("in the article 'ferry crossings double after the storm', which outlet interviewed the mayor"),
    ).toBeUndefined();
    // "Which outlet published the Hill Times article" has its answer in the question.
    expect(ask("which newspaper published the Hill Times article about fares")).toBeUndefined();
  });
});
