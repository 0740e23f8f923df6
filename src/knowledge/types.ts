export const LANGUAGES = ["en", "ru", "uk"] as const;
export type Lang = (typeof LANGUAGES)[number];

export interface Source {
  id: string;
  title: string;
  publisher: string;
  author?: string;
  published: string;
  publishedNote?: string;
  url: string;
  language: string;
  retrieved: string;
  note?: string;
  /** Other names people use for the outlet, e.g. in Cyrillic ("Ньюсвик"): found by questions about the article. */
  aliases?: string[];
  /** The archived article text (the file's body after the front matter). */
  text: string;
  /** The file line the article text starts on. */
  textLine?: number;
  /** Sentences no fact needs to quote, by their first words, each with the reason (`npm run coverage`). */
  notCovered?: { starts: string; why: string }[];
  file: string;
}

export interface Fact {
  id: string;
  source: string;
  quote: string;
  asOf: string;
  attributedTo: string;
  tags: string[];
  related: string[];
  /** Facts of other reports that say the same thing: shown with the answer, so the reports are seen to agree. */
  agreesWith: string[];
  /** Facts that say something else about the same thing at the same time: the reports disagree. */
  conflictsWith: string[];
  /** Facts giving the same measure at other dates (a count over time): a timeline, not a disagreement. */
  timeline: string[];
  questions: Record<Lang, string[]>;
  answer: Record<Lang, string>;
  file: string;
  line: number;
}

/** A validated knowledge base: every fact's source exists and every quote is verified. */
export interface Knowledge {
  sources: ReadonlyMap<string, Source>;
  facts: readonly Fact[];
  /**
   * Questions the reports are known not to answer (knowledge/unanswerable.yaml): a question close to one of
   * them is less likely to be answered by a fact that shares its words. Optional.
   */
  unanswerable?: Record<Lang, string[]>;
  /** What the knowledge is about (knowledge/about.yaml): shown by /start, /help, /about and the description. */
  about?: Record<Lang, About>;
  /**
   * The words of this topic (knowledge/lexicon.yaml): synonyms, phrases and out-of-scope shapes the engine
   * reads questions with. Optional: without it the engine matches words as they are.
   */
  lexicon?: Lexicon;
  /** Which fact the question sets' words asked for (knowledge/learned-words.json, from `npm run calibrate`). */
  learnedWords?: LearnedWords;
}

/**
 * Questions counted by the facts that answer them ("" for none): per class its number of questions, and per
 * word [class, count, class, count, …]. A question answered by several facts counts a share for each.
 */
export interface LearnedWords {
  classes: string[];
  questions: number[];
  terms: Record<string, number[]>;
}

/** Per language, what the engine knows about the topic's words; the languages themselves stay in code. */
export type Lexicon = Record<Lang, LexiconLanguage>;

export interface LexiconLanguage {
  /** Words that mean the same in questions about this topic; each group folds into its first word. */
  synonyms: string[][];
  /** Several words read as one before matching: a regular expression (u flag) and the word(s) it becomes. */
  phrases: { pattern: string; replacement: string }[];
  /** Question shapes the reports do not cover however well their words match a fact, each with why. */
  outOfScope: { pattern: string; reason: string }[];
  /** Words that say nothing in a question about this topic ("role", "figure"), on top of the language's own. */
  stopWords: string[];
  /** Nouns for a person of this topic: "which *pilot*" asks for a name, as "which journalist" does. */
  personWords: string[];
  /** en only: capitalised words of organisation or project names in the answers, which never name a person. */
  organisationWords: string[];
  /** ru and uk only: frequent words of this topic that tell Russian from Ukrainian in a short question. */
  languageWords: string[];
}

export interface About {
  /** Completes "I know N facts from M published reports about …". */
  topic: string;
  summary: string;
  /** Questions the knowledge answers, offered as examples. */
  examples: string[];
}
