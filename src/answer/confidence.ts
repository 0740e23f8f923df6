import type { Forest } from "./boosted-trees.js";

/**
 * The signals the confidence model weighs, each about one candidate fact for one question. The model
 * (confidence-model.ts) is fitted by `npm run calibrate`; the engine refuses to start with a model fitted
 * on other features, so the two cannot drift apart.
 */
export const FEATURE_NAMES = [
  "coverage", // share of the question's information (idf) the fact contains
  "similarity", // F1 against the fact's closest question
  "coverage×similarity",
  "exact", // the question is one of the fact's own questions, word for word (case and punctuation aside)
  "lead", // how far ahead of the best candidate that is not about the same thing
  "typed-lead", // the same, counting only rivals that carry what is asked (a date for "when")
  "behind", // how far behind the best-scoring candidate (0 for it)
  "kin-score", // score of the best other candidate about the same thing (another report of it, a related fact)
  "largest-gap", // the most informative single word the fact lacks, as a share of the question
  "focus-gap", // share of the first two words after the question word ("who *heads*") the fact lacks
  "head-gap", // the first word after the question word ("which *model*"), if the fact lacks it
  "no-focus", // no question word: a bare phrase ("kuzminov reward")
  "focus-unknown", // a word right after the question word that the knowledge never uses ("як *звали*")
  "missing-words", // words of the question the fact lacks entirely, up to 4, scaled to [0, 1]
  "unknown-words", // words the knowledge never uses, up to 3, scaled to [0, 1]
  "unanswerable", // F1 against the closest known unanswerable question (knowledge/unanswerable.yaml)
  "unanswerable-lead", // that, less the similarity to the fact's closest question
  "unknown", // share of the question in words the knowledge never uses
  "typo", // share of the question matched only through a typo
  "one-word", // the fact shares at most one word with the question
  "two-words", // exactly two
  "type-mismatch", // asks for a name, date, place, figure or contact the fact does not carry
  "year-mismatch", // names a year the fact does not
  "person-missing", // asks for someone's name; the fact names no one the question does not already
  "reply-missing", // asks what someone replied; the fact only says they were asked for comment
  "contact-missing", // asks for a link, handle or number; the fact gives none
  "reason-missing", // asks why, or how someone explained it; the fact gives no reason
  "later-missing", // asks about a later event ("the next swap"); the fact is about an earlier one
  "relative-missing", // names someone's relative or crew ("the pilot's wife") the fact does not mention
  "asks-outcome", // asks how things stand now or how they ended ("still", «в итоге»)
  "asks-exact", // insists on a precise figure or detail ("exactly how much", «конкретно»)
  "asks-source", // asks which report says it ("which outlet reported …"), read without those words
  "learned", // the word model's probability that this fact answers (word-model.ts)
  "learned-none", // its probability that no fact does
  "learned-share", // the first, as a share of its most probable class
  "learned-kin", // its probability that this fact or one about the same thing (another report, date) answers
  "length", // content words, up to 12, scaled to [0, 1]
  "ru",
  "uk",
  "transliterated", // Russian or Ukrainian typed in Latin letters
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

export interface ConfidenceModel {
  features: readonly string[];
  forest: Forest;
  /** Least confidence to answer: chosen to maximise correct answers minus `wrongCost` wrong ones. */
  answerAt: number;
  /** Least confidence for a "did you mean" suggestion. */
  suggestAt: number;
  /**
   * Digest of what it was fitted on (every example's features and label, and the fitting settings), so a
   * test can tell the checked-in model is stale without fitting it again.
   */
  fittedOn?: string;
}

export function featureVector(f: Features): number[] {
  return FEATURE_NAMES.map((name) => f[name]);
}
