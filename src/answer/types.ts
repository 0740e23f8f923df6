import type { Lang } from "../knowledge/types.js";
import type { SmallTalk } from "../texts/texts.js";
import type { KnowledgeSummary } from "./knowledge-summary.js";

export interface Citation {
  sourceId: string;
  title: string;
  publisher: string;
  /** ISO date of publication. */
  published: string;
  url: string;
  /** The source's publication date is inferred, not printed (see the source's published_note). */
  dateUnverified?: boolean;
}

/** Another report's fact shown with an answer: one that says the same, or a different figure or date. */
export interface ReportNote {
  factId: string;
  answer: string;
  citation: Citation;
}

/** A question the user may have meant, or a related one: offered as a button or a "did you mean" line. */
export interface Suggestion {
  factId: string;
  question: string;
  score: number;
}

/** The same measure at another date: one entry of a timeline ("about 2,000 in October 2022, …"). */
export interface TimelineNote {
  factId: string;
  /** When the figure held (the fact's as_of). */
  asOf: string;
  answer: string;
  citation: Citation;
}

/** One fact's part of a reply: its answer, its citation, the reports that agree or differ, and its timeline. */
export interface FactAnswer {
  factId: string;
  /** Plain text, attributed and dated. */
  answer: string;
  citation: Citation;
  /** Other reports that say the same. */
  agreements: ReportNote[];
  /** Other reports that give a different figure or date for the same thing. */
  conflicts: ReportNote[];
  /** The same measure at other dates, oldest first. */
  timeline: TimelineNote[];
}

/** What every surface (bot, CLI, inline mode) renders. */
export interface AnswerResult {
  answered: boolean;
  language: Lang;
  /** The matched fact when answered. */
  factId?: string;
  /** Confidence in [0, 1] that the answer is right (the calibrated model); 0 when nothing matched. */
  score: number;
  /** Plain text, attributed and dated; absent when not answered. */
  answer?: string;
  citation?: Citation;
  agreements: ReportNote[];
  conflicts: ReportNote[];
  /** The same measure at other dates, oldest first: a timeline, not a disagreement. */
  timeline: TimelineNote[];
  /** Further facts for the other questions of a compound question ("when did it start and who runs it?"). */
  more: FactAnswer[];
  /** The message was small talk ("thanks!", "привет"), not a question: not answered, and not a gap. */
  smallTalk?: SmallTalk;
  /** When answered: related questions; when not: "did you mean" questions (at most 3); for small talk, examples. */
  alternatives: Suggestion[];
  /** The nearest facts with their scores, best first (for logs, gaps and the JSON CLI). */
  nearest: { factId: string; score: number }[];
}

export interface AskOptions {
  /** Answer in this language whatever the question's language (group setting). */
  language?: Lang;
  /** Used when the question's language cannot be told (e.g. the Telegram interface language). */
  fallbackLanguage?: string;
}

export interface Engine {
  ask(question: string, options?: AskOptions): AnswerResult;
  /** Answer a known fact directly (buttons, inline results). */
  answerFact(factId: string, language: Lang): AnswerResult | undefined;
  /** A fact's first question in a language (a title for it); undefined for an unknown fact or none. */
  question(factId: string, language: Lang): string | undefined;
  /** A few representative questions in a language, for /start and an empty inline query. */
  sampleQuestions(language: Lang, count: number): Suggestion[];
  readonly knowledge: KnowledgeSummary;
}
