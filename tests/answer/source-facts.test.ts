import { describe, expect, it } from "vitest";
import { sourceFacts } from "../../src/answer/source-facts.js";
import type { Knowledge, Lang, Source } from "../../src/knowledge/types.js";
import { formatDate } from "../../src/texts/format-date.js";
import { texts } from "../../src/texts/texts.js";

// The facts the engine makes from each source's front matter: who wrote the article and when it came out.

const source = (fields: Partial<Source> = {}): Source => ({
  id: "nw",
  title: "Russian soldiers surrender",
  publisher: "Newsweek",
  author: "Jane Doe",
  published: "2024-01-04",
  url: "https://example.org/nw",
  language: "en",
  retrieved: "2024-02-01",
  text: "",
  file: "knowledge/sources/nw.md",
  ...fields,
});
const knowledgeOf = (...sources: Source[]) =>
  ({ sources: new Map(sources.map((s) => [s.id, s])), facts: [] }) as unknown as Knowledge;
const LANGS: Lang[] = ["en", "ru", "uk"];
const day = (lang: Lang) => formatDate("2024-01-04", lang);

describe("facts about a report", () => {
  it("an author fact where the page names one, and a date fact for every source, citing the source", () => {
    const facts = sourceFacts(knowledgeOf(source(), source({ id: "anon", author: undefined })));
    expect(facts.map((f) => f.id)).toEqual([
      "source:nw:author",
      "source:nw:published",
      "source:anon:published",
    ]);
    expect(facts[0]).toMatchObject({
      source: "nw",
      quote: "Russian soldiers surrender",
      asOf: "2024-01-04",
      attributedTo: "Newsweek",
      tags: [],
      related: [],
      agreesWith: [],
      conflictsWith: [],
      timeline: [],
      file: "knowledge/sources/nw.md",
      line: 1,
    });
  });

  it("answers with the title, the outlet, the date and the author, in each language", () => {
    const [author, published] = sourceFacts(knowledgeOf(source()));
    expect(author?.answer.en).toBe(
      "“Russian soldiers surrender” (Newsweek, 4 January 2024) was written by Jane Doe.",
    );
    expect(author?.answer.ru).toBe(
      `Автор статьи «Russian soldiers surrender» (Newsweek, ${day("ru")}): Jane Doe.`,
    );
    expect(author?.answer.uk).toBe(
      `Автор статті «Russian soldiers surrender» (Newsweek, ${day("uk")}): Jane Doe.`,
    );
    expect(published?.answer.en).toBe(
      "“Russian soldiers surrender” was published by Newsweek on 4 January 2024.",
    );
    expect(published?.answer.ru).toBe(
      `Статья «Russian soldiers surrender» опубликована изданием Newsweek: ${day("ru")}.`,
    );
    expect(published?.answer.uk).toBe(
      `Статтю «Russian soldiers surrender» опублікувало видання Newsweek: ${day("uk")}.`,
    );
  });

  it("says where the date is not printed in the article", () => {
    const [author, published] = sourceFacts(knowledgeOf(source({ publishedNote: "from the URL" })));
    for (const lang of LANGS) {
      expect(author?.answer[lang]).toContain(`${day(lang)} (${texts(lang).dateUnverified})`);
      expect(published?.answer[lang]).toContain(`${day(lang)} (${texts(lang).dateUnverified})`);
    }
  });

  it("asks every question by each name of the outlet, and never by the title's words", () => {
    const facts = sourceFacts(knowledgeOf(source({ aliases: ["Ньюсвик", "Newsweek"] })));
    for (const fact of facts) {
      for (const lang of LANGS) {
        const questions = fact.questions[lang];
        expect(questions.length, `${fact.id} ${lang}`).toBeGreaterThanOrEqual(10);
        const byName = (name: string) => questions.filter((q) => q.includes(name));
        // The alias that repeats the publisher adds nothing.
        expect(byName("Newsweek").length, `${fact.id} ${lang}`).toBe(questions.length / 2);
        expect(byName("Ньюсвик").length, `${fact.id} ${lang}`).toBe(questions.length / 2);
        expect(new Set(questions).size).toBe(questions.length);
        for (const q of questions) {
          expect(q).not.toContain("{name}");
          expect(q).not.toMatch(/surrender/i);
        }
      }
    }
  });
});
