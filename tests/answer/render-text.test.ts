import { describe, expect, it } from "vitest";
import type { KnowledgeSummary } from "../../src/answer/knowledge-summary.js";
import { answerBody, citationText, renderSourcesText, renderText } from "../../src/answer/render-text.js";
import type { AnswerResult, Citation } from "../../src/answer/types.js";
import { texts } from "../../src/texts/texts.js";

// The plain-text reply of the console chat and the CLI, line by line, in the texts table's words.

const citation = (id: string, published: string, extra: Partial<Citation> = {}): Citation => ({
  sourceId: id,
  title: `Title ${id}`,
  publisher: `Publisher ${id}`,
  published,
  url: `https://example.org/${id}`,
  ...extra,
});

const answered = (fields: Partial<AnswerResult> = {}): AnswerResult => ({
  answered: true,
  language: "en",
  factId: "calls",
  score: 0.9,
  answer: "About 26,000 called.",
  citation: citation("a", "2024-01-04"),
  agreements: [],
  conflicts: [],
  timeline: [],
  more: [],
  alternatives: [],
  nearest: [],
  ...fields,
});

const unanswered = (fields: Partial<AnswerResult> = {}): AnswerResult =>
  answered({ answered: false, factId: undefined, answer: undefined, citation: undefined, ...fields });

const en = texts("en");
const ru = texts("ru");

describe("a citation in plain text", () => {
  it("quotes the title as the language does, then the publisher and date, and the link on its own line", () => {
    expect(citationText(citation("a", "2024-01-04"), "en")).toBe(
      "“Title a”, Publisher a, 4 January 2024\nhttps://example.org/a",
    );
    expect(citationText(citation("a", "2024-01-04"), "ru")).toMatch(
      /^«Title a», Publisher a, .+\nhttps:\/\/example\.org\/a$/,
    );
    expect(citationText(citation("a", "2024-01-04", { dateUnverified: true }), "en")).toBe(
      `“Title a”, Publisher a, 4 January 2024 (${en.dateUnverified})\nhttps://example.org/a`,
    );
  });
});

describe("an answer in plain text", () => {
  it("gives the answer and its source; the body alone has no citation", () => {
    const result = answered();
    expect(renderText(result)).toBe(
      `About 26,000 called.\n${en.sourceLabel}: ${citationText(citation("a", "2024-01-04"), "en")}`,
    );
    expect(answerBody(result)).toBe("About 26,000 called.");
  });

  it("adds each report that agrees, each that differs and the same figure at other dates, each cited", () => {
    const result = answered({
      agreements: [{ factId: "w", answer: "Same count.", citation: citation("d", "2023-06-02") }],
      conflicts: [{ factId: "x", answer: "Other count.", citation: citation("b", "2023-05-01") }],
      timeline: [
        { factId: "y", asOf: "2022-10", answer: "About 2,000.", citation: citation("c", "2022-10-20") },
      ],
    });
    expect(renderText(result).split("\n")).toEqual([
      "About 26,000 called.",
      `${en.sourceLabel}: “Title a”, Publisher a, 4 January 2024`,
      "https://example.org/a",
      `${en.agreementLabel}: Same count.`,
      "“Title d”, Publisher d, 2 June 2023",
      "https://example.org/d",
      `${en.conflictLabel}: Other count.`,
      "“Title b”, Publisher b, 1 May 2023",
      "https://example.org/b",
      `${en.timelineLabel}:`,
      "• October 2022: About 2,000.",
      "“Title c”, Publisher c, 20 October 2022",
      "https://example.org/c",
    ]);
    expect(answerBody(result).split("\n")).toEqual([
      "About 26,000 called.",
      `${en.agreementLabel}: Same count.`,
      `${en.conflictLabel}: Other count.`,
      `${en.timelineLabel}:`,
      "• October 2022: About 2,000.",
    ]);
  });

  it("answers each part of a compound question, one paragraph each", () => {
    const result = answered({
      more: [
        {
          factId: "start",
          answer: "It started in September 2022.",
          citation: citation("b", "2023-05-01"),
          agreements: [],
          conflicts: [],
          timeline: [],
        },
      ],
    });
    expect(answerBody(result)).toBe("About 26,000 called.\n\nIt started in September 2022.");
    expect(renderText(result).split("\n\n")).toHaveLength(2);
  });

  it("is not an answer without its fact or its citation", () => {
    expect(answerBody(answered({ factId: undefined }))).toBe(en.notAnswered);
    expect(answerBody(answered({ citation: undefined }))).toBe(en.notAnswered);
  });
});

describe("no answer in plain text", () => {
  const alternatives = [
    { factId: "a", question: "How many called?", score: 0.3 },
    { factId: "b", question: "When did it start?", score: 0.2 },
  ];

  it("says so, and offers the questions it may have meant", () => {
    expect(renderText(unanswered())).toBe(en.notAnswered);
    expect(renderText(unanswered({ alternatives })).split("\n")).toEqual([
      en.notAnswered,
      en.didYouMean,
      "• How many called?",
      "• When did it start?",
    ]);
    expect(answerBody(unanswered({ language: "ru" }))).toBe(ru.notAnswered);
  });

  it("replies to small talk, with what the bot knows and examples when there are some", () => {
    const knowledge = {
      factIds: ["a", "b", "c"],
      sources: new Map([["s", {}]]),
      about: { en: { topic: "the hotline" } },
    } as unknown as KnowledgeSummary;
    expect(renderText(unanswered({ smallTalk: "thanks" }), knowledge)).toBe(en.smallTalk.thanks);
    expect(renderText(unanswered({ smallTalk: "greeting", alternatives }), knowledge).split("\n")).toEqual([
      en.smallTalk.greeting,
      en.helpKnows(3, 1, "the hotline"),
      en.helpExamples,
      "• How many called?",
      "• When did it start?",
    ]);
    // A knowledge without about.yaml: the count of facts and reports, no topic.
    const noAbout = { factIds: ["a"], sources: new Map() } as unknown as KnowledgeSummary;
    expect(renderText(unanswered({ smallTalk: "greeting", alternatives }), noAbout).split("\n")[1]).toBe(
      en.helpKnows(1, 0, undefined),
    );
    // Without the knowledge (the body the grader reads): the examples only.
    expect(answerBody(unanswered({ smallTalk: "greeting", alternatives })).split("\n")).toEqual([
      en.smallTalk.greeting,
      en.helpExamples,
      "• How many called?",
      "• When did it start?",
    ]);
  });
});

describe("/sources in plain text", () => {
  it("lists every source newest first, then by id, with its date and link", () => {
    const sources = [
      { ...citation("b", "2023-05-01"), id: "b" },
      { ...citation("c", "2024-01-04"), id: "c" },
      { ...citation("a", "2023-05-01"), id: "a", publishedNote: "inferred" },
    ];
    expect(renderSourcesText(sources as never, "en").split("\n\n")).toEqual([
      en.sourcesTitle(3),
      "• Title c\nPublisher c, 4 January 2024\nhttps://example.org/c",
      `• Title a\nPublisher a, 1 May 2023 (${en.dateUnverified})\nhttps://example.org/a`,
      "• Title b\nPublisher b, 1 May 2023\nhttps://example.org/b",
    ]);
  });
});
