import { summarize } from "../../src/answer/knowledge-summary.js";
import { detectLanguage } from "../../src/answer/language.js";
import { smallTalk } from "../../src/answer/small-talk.js";
import type { AnswerResult, AskOptions, Engine, Suggestion } from "../../src/answer/types.js";
import type { Fact, Knowledge, Lang, Source } from "../../src/knowledge/types.js";

/**
 * A tiny engine for bot tests, matching by keyword so tests do not depend on the real matcher's tuning.
 * Its texts carry HTML-special characters on purpose: everything must arrive escaped.
 */

export const LONG_FACT_ID = "a-fact-id-long-enough-that-it-cannot-fit-into-sixty-four-bytes-of-callback-data";

const source = (id: string, fields: Partial<Source>): Source => ({
  id,
  title: `Title of ${id}`,
  publisher: "Publisher",
  published: "2024-01-04",
  url: `https://example.com/${id}`,
  language: "en",
  retrieved: "2024-02-01",
  text: "",
  file: `sources/${id}.md`,
  ...fields,
});

const fact = (id: string, src: string, answer: Record<Lang, string>, extra: Partial<Fact> = {}): Fact => ({
  id,
  source: src,
  quote: "quote",
  asOf: "2024-01",
  attributedTo: "Officials",
  tags: [],
  related: [],
  agreesWith: [],
  conflictsWith: [],
  timeline: [],
  questions: {
    en: [`Question about ${id}?`],
    ru: [`Вопрос о ${id}?`],
    uk: [`Питання про ${id}?`],
  },
  answer,
  file: "facts/test.yaml",
  line: 1,
  ...extra,
});

export function fakeKnowledge(): Knowledge {
  const sources = [
    source("news-2024", {
      title: 'Hotline "I Want to Live" <b>report</b> & more',
      publisher: "Daily & <News>",
      url: "https://example.com/article?a=1&b=2",
    }),
    source("older-2022", { title: "Older report", publisher: "Old Times", published: "2022-10-01" }),
    source("estimated-2022", { title: "Estimated report", publishedNote: "day is a placeholder" }),
  ];
  const facts = [
    fact(
      "calls",
      "news-2024",
      {
        en: "According to officials, the hotline received more than 26,000 calls <since opening> & counting.",
        ru: "По словам чиновников, линия получила более 26 000 звонков.",
        uk: "За словами посадовців, лінія отримала понад 26 000 дзвінків.",
      },
      {
        related: ["surrenders", LONG_FACT_ID],
        conflictsWith: ["calls-old"],
        questions: {
          en: ["How many calls did the hotline get?"],
          ru: ["Сколько звонков получила линия?"],
          uk: ["Скільки дзвінків отримала лінія?"],
        },
      },
    ),
    fact("calls-old", "older-2022", {
      en: "In October 2022 the hotline had received more than 2,000 calls.",
      ru: "В октябре 2022 года линия получила более 2000 звонков.",
      uk: "У жовтні 2022 року лінія отримала понад 2000 дзвінків.",
    }),
    fact(
      "surrenders",
      "estimated-2022",
      {
        en: "More than 220 soldiers surrendered through the hotline.",
        ru: "Более 220 военных сдались через линию.",
        uk: "Понад 220 військових здалися через лінію.",
      },
      {
        questions: {
          en: ["How many soldiers surrendered?"],
          ru: ["Сколько военных сдались?"],
          uk: ["Скільки військових здалися?"],
        },
      },
    ),
    fact(LONG_FACT_ID, "news-2024", {
      en: "A fact whose id is very long.",
      ru: "Факт с очень длинным id.",
      uk: "Факт із дуже довгим id.",
    }),
  ];
  const about = (topic: string, summary: string) => ({ topic, summary, examples: [] });
  return {
    sources: new Map(sources.map((s) => [s.id, s])),
    facts,
    about: {
      en: about("a <test> hotline", "Three test reports about a hotline & its calls."),
      ru: about("тестовую линию", "Три тестовых материала о линии."),
      uk: about("тестову лінію", "Три тестові матеріали про лінію."),
    },
  };
}

// The real language detection: the bot's language choices are what is tested, not a stand-in's.
const detect = (question: string, fallback?: string): Lang => detectLanguage(question, fallback);

export interface FakeEngine extends Engine {
  /** Every ask() call, to check the options the bot passed. */
  readonly asked: { question: string; options?: AskOptions }[];
}

export function createFakeEngine(knowledge: Knowledge = fakeKnowledge()): FakeEngine {
  const asked: FakeEngine["asked"] = [];
  const byId = new Map(knowledge.facts.map((f) => [f.id, f]));

  function answerFact(factId: string, language: Lang): AnswerResult | undefined {
    const f = byId.get(factId);
    if (!f) return undefined;
    const src = knowledge.sources.get(f.source) as Source;
    const citationOf = (s: Source) => ({
      sourceId: s.id,
      title: s.title,
      publisher: s.publisher,
      published: s.published,
      url: s.url,
      ...(s.publishedNote ? { dateUnverified: true } : {}),
    });
    const notes = (ids: string[]) =>
      ids.flatMap((id) => {
        const other = byId.get(id);
        const otherSource = other && knowledge.sources.get(other.source);
        return other && otherSource
          ? [{ factId: other.id, answer: other.answer[language], citation: citationOf(otherSource) }]
          : [];
      });
    return {
      answered: true,
      language,
      more: [],
      timeline: [],
      factId: f.id,
      score: 1,
      answer: f.answer[language],
      citation: citationOf(src),
      agreements: notes(f.agreesWith),
      conflicts: notes(f.conflictsWith),
      alternatives: f.related.map((id) => ({
        factId: id,
        question: byId.get(id)?.questions[language][0] ?? id,
        score: 0,
      })),
      nearest: [{ factId: f.id, score: 1 }],
    };
  }

  function ask(question: string, options?: AskOptions): AnswerResult {
    asked.push({ question, options });
    const detected = detect(question, options?.fallbackLanguage);
    const language = options?.language ?? detected;
    const q = question.toLowerCase();
    const talk = smallTalk(question);
    if (talk) {
      return {
        answered: false,
        language,
        more: [],
        timeline: [],
        score: 0,
        agreements: [],
        conflicts: [],
        alternatives: sampleQuestions(language, 2),
        nearest: [],
        smallTalk: talk,
      };
    }
    // "calls and surrenders": a compound question, answered with both facts.
    if (/call/.test(q) && /surrender/.test(q)) {
      const calls = answerFact("calls", language) as AnswerResult;
      const surrenders = answerFact("surrenders", language) as AnswerResult;
      return {
        ...calls,
        more: [
          {
            factId: "surrenders",
            answer: surrenders.answer ?? "",
            citation: surrenders.citation as NonNullable<AnswerResult["citation"]>,
            agreements: [],
            conflicts: [],
            timeline: [],
          },
        ],
      };
    }
    const hit = /call|звон|дзвін/.test(q)
      ? "calls"
      : /surrender|сдал|здал/.test(q)
        ? "surrenders"
        : /long/.test(q)
          ? LONG_FACT_ID
          : undefined;
    if (hit) return { ...(answerFact(hit, language) as AnswerResult), score: 0.9 };
    // "hotline" alone is on topic but vague: not answered, with "did you mean" suggestions.
    const alternatives: Suggestion[] = /hotline|линия|лінія/.test(q)
      ? [
          { factId: "calls", question: byId.get("calls")?.questions[language][0] ?? "", score: 0.4 },
          {
            factId: "surrenders",
            question: byId.get("surrenders")?.questions[language][0] ?? "",
            score: 0.35,
          },
        ]
      : [];
    return {
      answered: false,
      language,
      more: [],
      timeline: [],
      score: alternatives.length ? 0.4 : 0,
      agreements: [],
      conflicts: [],
      alternatives,
      nearest: alternatives.map((a) => ({ factId: a.factId, score: a.score })),
    };
  }

  function sampleQuestions(language: Lang, count: number): Suggestion[] {
    return knowledge.facts.slice(0, count).map((f) => ({
      factId: f.id,
      question: f.questions[language][0] ?? f.id,
      score: 0,
    }));
  }

  return {
    ask,
    answerFact,
    question: (factId, language) => byId.get(factId)?.questions[language][0],
    sampleQuestions,
    knowledge: summarize(knowledge),
    asked,
  };
}
