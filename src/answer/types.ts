import type { Lang } from "../knowledge/types.js";

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

/** Another fact that gives a different figure or date for the same thing. */
export interface ConflictNote {
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

/** What every surface (bot, CLI, inline mode) renders. */
export interface AnswerResult {
  answered: boolean;
  language: Lang;
  /** The matched fact when answered. */
  factId?: string;
  /** Match quality in [0, 1], higher is better; 0 when nothing matched. */
  score: number;
  /** Plain text, attributed and dated; absent when not answered. */
  answer?: string;
  citation?: Citation;
  conflicts: ConflictNote[];
  /** When answered: related questions; when not: "did you mean" questions (at most 3). */
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
  /** A few representative questions in a language, for /start and an empty inline query. */
  sampleQuestions(language: Lang, count: number): Suggestion[];
  readonly knowledge: import("../knowledge/types.js").Knowledge;
}
