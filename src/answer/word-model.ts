import type { LearnedWords } from "../knowledge/types.js";
import { findString, type StringTable, stringTable } from "./string-table.js";

/**
 * Which fact a question's words ask for, learned from questions whose answer is known: a naive-Bayes model
 * over the facts and "none". It counts the facts' own questions (each its fact's), the known unanswerable
 * ones ("none") and the blind sets' rows (the facts that answer each, or "none"), which `npm run calibrate`
 * counts into knowledge/learned-words.json. People ask about a fact in words its own questions never use
 * ("can they get a lawyer"); earlier readers' questions about it did, and that is what matching by shared words
 * misses. The confidence model reads the posterior as four features of each candidate (confidence.ts), and the
 * engine judges the likeliest fact as a candidate.
 */

/** The class of the questions no fact answers. */
export const NONE = "";

/** One counted question: its terms (content words as the engine reads them) and the classes it belongs to. */
export interface CountedQuestion {
  terms: readonly string[];
  classes: readonly string[];
}

/** Counts of questions; one answered by several facts counts a share for each. */
export function countWords(questions: Iterable<CountedQuestion>): LearnedWords {
  const classes: string[] = [];
  const counted: number[] = [];
  const classOf = new Map<string, number>();
  const byTerm = new Map<string, Map<number, number>>();
  for (const q of questions) {
    if (!q.classes.length) continue;
    const share = 1 / q.classes.length;
    for (const name of q.classes) {
      let c = classOf.get(name);
      if (c === undefined) {
        c = classes.push(name) - 1;
        classOf.set(name, c);
      }
      counted[c] = (counted[c] ?? 0) + share;
      for (const term of q.terms) {
        const counts = byTerm.get(term) ?? new Map<number, number>();
        byTerm.set(term, counts);
        counts.set(c, (counts.get(c) ?? 0) + share);
      }
    }
  }
  const terms: LearnedWords["terms"] = {};
  for (const term of [...byTerm.keys()].sort()) {
    terms[term] = [...(byTerm.get(term) as Map<number, number>)].flatMap(([c, n]) => [c, round3(n)]);
  }
  return { classes, questions: counted.map(round3), terms };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The model as an engine holds it, in logarithms computed once when the engine is built (in the worker, not on
 * the answering thread: at 10,000 facts there are some 400,000 counts). Class c is fact number c, and the last
 * class is "none".
 */
export interface WordModelData {
  terms: StringTable;
  /** Term t's classes and gains are at start[t] .. start[t + 1] - 1 of `classes` and `gain`. */
  start: Int32Array;
  classes: Int32Array;
  /** What the term adds to the class's score: log((count + α) / α), over a term never seen with the class. */
  gain: Float64Array;
  /** Per class: the log of its share of the questions, and of the chance of a word never seen with it. */
  logPrior: Float64Array;
  logMissing: Float64Array;
}

/** Add-α smoothing: small, since a word seen with one fact a few times is strong evidence for it. */
const ALPHA = 0.1;

/**
 * The model over an engine's facts: the counts given (the knowledge's own questions, the sets' rows) merged, classes
 * mapped to the engine's fact numbers by id; counts for a fact the knowledge no longer has are dropped.
 */
export function wordModelData(factIds: readonly string[], ...sources: LearnedWords[]): WordModelData {
  const number = new Map(factIds.map((id, i) => [id, i]));
  number.set(NONE, factIds.length);
  const byTerm = new Map<string, Map<number, number>>();
  const totals = new Float64Array(factIds.length + 1);
  const questions = new Float64Array(factIds.length + 1);
  for (const { classes, questions: counted, terms } of sources) {
    classes.forEach((name, i) => {
      const c = number.get(name);
      if (c !== undefined) questions[c] = (questions[c] as number) + (counted[i] ?? 0);
    });
    for (const [term, pairs] of Object.entries(terms)) {
      for (let i = 0; i < pairs.length; i += 2) {
        const c = number.get(classes[pairs[i] as number] as string);
        if (c === undefined) continue;
        const n = pairs[i + 1] as number;
        const counts = byTerm.get(term) ?? new Map<number, number>();
        byTerm.set(term, counts);
        counts.set(c, (counts.get(c) ?? 0) + n);
        totals[c] = (totals[c] as number) + n;
      }
    }
  }
  const names = [...byTerm.keys()];
  const start = new Int32Array(names.length + 1);
  const pairs = names.map((t) => [...(byTerm.get(t) as Map<number, number>)]);
  pairs.forEach((p, t) => {
    start[t + 1] = (start[t] as number) + p.length;
  });
  const flat = pairs.flat();
  const all = questions.reduce((a, b) => a + b, 0);
  return {
    terms: stringTable(names, { lookup: true }),
    start,
    classes: Int32Array.from(flat, ([c]) => c),
    gain: Float64Array.from(flat, ([, n]) => Math.log((n + ALPHA) / ALPHA)),
    logPrior: Float64Array.from(questions, (n) => Math.log((n + 1) / (all + questions.length))),
    logMissing: Float64Array.from(totals, (n) => Math.log(ALPHA / (n + ALPHA * names.length))),
  };
}

/**
 * A reader of the model: the posterior over the classes (facts, then "none") for a question's terms, with
 * the share of questions counted per class as the prior. Words the model never saw are left out. The array
 * returned is reused by the next call: every class is scored, so at 10,000 facts a fresh one per question
 * would be 80 KB of garbage.
 */
export function wordModel(data: WordModelData): (terms: readonly string[]) => Float64Array {
  const { logPrior, logMissing, gain } = data;
  const classCount = logPrior.length;
  const posterior = new Float64Array(classCount);
  return (terms) => {
    const known: number[] = [];
    for (const term of terms) {
      const t = findString(data.terms, term);
      if (t >= 0) known.push(t);
    }
    for (let c = 0; c < classCount; c++) {
      posterior[c] = (logPrior[c] as number) + known.length * (logMissing[c] as number);
    }
    for (const t of known) {
      const end = data.start[t + 1] as number;
      for (let i = data.start[t] as number; i < end; i++) {
        const c = data.classes[i] as number;
        posterior[c] = (posterior[c] as number) + (gain[i] as number);
      }
    }
    let top = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classCount; c++) top = Math.max(top, posterior[c] as number);
    let sum = 0;
    for (let c = 0; c < classCount; c++) {
      posterior[c] = Math.exp((posterior[c] as number) - top);
      sum += posterior[c] as number;
    }
    for (let c = 0; c < classCount; c++) posterior[c] = (posterior[c] as number) / sum;
    return posterior;
  };
}
