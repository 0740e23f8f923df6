import type { Lang } from "../knowledge/types.js";
import type { SearchIndex } from "./index.js";
import { contains, type IntLists, listLength } from "./int-lists.js";
import type { Normalizer, Word } from "./normalize.js";
import { MAX_QUESTION_LENGTH } from "./question-length.js";
import { findString } from "./string-table.js";
import { searchTypos } from "./typo-index.js";
import { otherForms } from "./word-forms.js";

/**
 * Content words of a question that are matched, in order: a question of 1,000 characters has at most about
 * 150, and each costs a postings read and a typo lookup. Thirty is more than any question of the sets has
 * (the longest of tests/sets has 19); past it a pasted text is matched on its beginning.
 */
const MAX_WORDS = 30;
/** One edit in five letters: "pilto" is "pilot", "тест" (too short to guess at) is not "мест". */
const MIN_TYPO_SURE = 0.79;
/** Another form of the word ("дзвонил" for "дзвон"): nearly as sure as the word itself. */
const FORM_SURE = 0.9;

/**
 * How facts are ranked before the confidence model judges the best three. The model reads coverage and
 * similarity separately, so these only decide which three it sees.
 */
export interface MatchTuning {
  /**
   * A word found only in a fact's answer counts for this much of one in its questions: the questions say
   * what the fact is for, the answer also names what it mentions in passing.
   */
  answerOnly: number;
  /** Share of the score from coverage (the fact holds what was asked); the rest from question similarity. */
  coverageWeight: number;
}
export const DEFAULT_MATCH_TUNING: MatchTuning = { answerOnly: 0.7, coverageWeight: 0.5 };
/**
 * How many postings to read before stopping at the common words. Rare words are read first; a
 * fact that shares only "hotline" and "soldiers" with a question is no candidate worth scoring.
 */
const POSTINGS_BUDGET = 20_000;
/** How many questions, and facts by their answers, are scored in full: the best by a first, cheap sum. */
const SHORTLIST = 300;

export interface FactMatch {
  fact: number;
  /** Blend of `coverage` and `question`, in [0, 1]. */
  score: number;
  /** Share of the query's information (idf-weighted) that the fact's questions or answer contain. */
  coverage: number;
  /** Best F-measure between the query and one of the fact's questions. */
  question: number;
}

export interface QueryWord {
  token: string;
  idf: number;
  /** Known terms this word stands for, with how sure we are (1 exact, less for a fuzzy match). */
  terms: { term: number; sure: number; idf: number }[];
}

export function queryWords(index: SearchIndex, question: string, lang: Lang): QueryWord[] {
  return resolveWords(index, contentWords(index.normalizer, question, lang));
}

/** A question's content words, each once, as many as are matched. */
export function contentWords(normalizer: Normalizer, question: string, lang: Lang): Word[] {
  const seen = new Set<string>();
  const unique = normalizer
    .words(question.slice(0, MAX_QUESTION_LENGTH), lang)
    .filter((w) => !seen.has(w.term) && seen.add(w.term));
  return unique.slice(0, MAX_WORDS);
}

/** Content words as one index knows them: another index (the unanswerable list's) reads the same words. */
export function resolveWords(index: SearchIndex, words: readonly Word[]): QueryWord[] {
  return words.map((word) => {
    const terms = resolve(index, word);
    return {
      token: word.term,
      idf: terms.length ? Math.max(...terms.map((t) => t.idf)) : index.unknownIdf,
      terms,
    };
  });
}

function resolve(index: SearchIndex, word: Word): QueryWord["terms"] {
  const exact = findString(index.terms, word.term);
  const forms = otherForms(index.forms, index.terms, word.term).map((term) => ({
    term,
    sure: FORM_SURE,
    idf: index.idf[term] ?? 0,
  }));
  if (exact >= 0) return [{ term: exact, sure: 1, idf: index.idf[exact] ?? 0 }, ...forms];
  if (forms.length) return forms;
  const found = new Map<number, number>();
  for (const { word: known, sure } of searchTypos(index.typos, word.surface)) {
    const term = index.surfaceTerms[findString(index.surfaces, known)];
    if (sure >= MIN_TYPO_SURE && term !== undefined && sure > (found.get(term) ?? 0)) found.set(term, sure);
  }
  return [...found].map(([term, sure]) => ({ term, sure, idf: index.idf[term] ?? 0 }));
}

/**
 * How surely each query word is found in a fact (its questions, or at `answerOnly` weight its answer):
 * 1 for an exact term, less for a typo match, 0 when the fact lacks it.
 */
export function wordCoverage(
  index: SearchIndex,
  query: QueryWord[],
  fact: number,
  answerOnly = DEFAULT_MATCH_TUNING.answerOnly,
): number[] {
  return query.map((q) => {
    let sure = 0;
    for (const t of q.terms) {
      if (contains(index.factTerms, fact, t.term)) sure = Math.max(sure, t.sure);
      else if (contains(index.answerTerms, fact, t.term)) sure = Math.max(sure, answerOnly * t.sure);
    }
    return sure;
  });
}

/** Scores the facts that share a word with the query, best first. */
export function matchFacts(
  index: SearchIndex,
  query: QueryWord[],
  tuning: MatchTuning = DEFAULT_MATCH_TUNING,
  shortlist = SHORTLIST,
): FactMatch[] {
  const { answerOnly, coverageWeight } = tuning;
  const total = query.reduce((sum, q) => sum + q.idf, 0);
  if (total === 0) return [];
  const { docs } = index;

  const { docs: candidateDocs, facts: candidateFacts } = candidates(index, query, shortlist);
  // Per fact, the best F-measure over its questions.
  const best = new Map<number, number>();
  for (const d of candidateDocs) {
    const f1 = questionF1(index, query, total, d);
    const fact = docs.fact[d] as number;
    candidateFacts.add(fact);
    if (f1 > (best.get(fact) ?? 0)) best.set(fact, f1);
  }

  const matches: FactMatch[] = [];
  for (const fact of candidateFacts) {
    const sure = wordCoverage(index, query, fact, answerOnly);
    const coverage = query.reduce((sum, q, i) => sum + q.idf * (sure[i] ?? 0), 0) / total;
    const question = best.get(fact) ?? 0;
    matches.push({
      fact,
      score: coverageWeight * coverage + (1 - coverageWeight) * question,
      coverage,
      question,
    });
  }
  return matches.sort((a, b) => b.score - a.score);
}

/**
 * The best F-measure between the query and any one question of the index: how close the question is to a
 * listed one, without scoring facts (the unanswerable list's pseudo-facts are one question each).
 */
export function closestQuestion(index: SearchIndex, query: QueryWord[], shortlist = SHORTLIST): number {
  const total = query.reduce((sum, q) => sum + q.idf, 0);
  if (total === 0) return 0;
  let closest = 0;
  for (const d of candidates(index, query, shortlist).docs)
    closest = Math.max(closest, questionF1(index, query, total, d));
  return closest;
}

/** F-measure of the query's information (precision) and the question's (recall) they share. */
function questionF1(index: SearchIndex, query: QueryWord[], total: number, d: number): number {
  const { docs } = index;
  let precision = 0;
  let recall = 0;
  for (const q of query) {
    let sure = 0;
    let idf = 0;
    for (const t of q.terms) {
      if (t.sure > sure && contains(docs.terms, d, t.term)) {
        sure = t.sure;
        idf = t.idf;
      }
    }
    precision += q.idf * sure;
    recall += idf * sure;
  }
  precision /= total;
  recall /= docs.weight[d] || 1;
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/**
 * Term at a time over the postings, rarest words first: sums each question's and each fact's matched
 * idf, then keeps the best SHORTLIST of each for full scoring.
 */
function candidates(
  index: SearchIndex,
  query: QueryWord[],
  shortlist: number,
): { docs: number[]; facts: Set<number> } {
  const { docSums, factSums } = index.scratch;
  const terms = query.flatMap((q) => q.terms).sort((a, b) => b.idf - a.idf);
  const touchedDocs: number[] = [];
  const touchedFacts: number[] = [];
  try {
    let read = 0;
    for (const [i, { term, sure, idf }] of terms.entries()) {
      if (i >= 2 && read > POSTINGS_BUDGET) break;
      const gain = sure * idf;
      accumulate(index.postings, term, gain, docSums, touchedDocs);
      accumulate(index.answerPostings, term, gain, factSums, touchedFacts);
      read += listLength(index.postings, term) + listLength(index.answerPostings, term);
    }
    const docs = best(touchedDocs, docSums, shortlist);
    const facts = new Set(best(touchedFacts, factSums, shortlist));
    for (const d of docs) facts.add(index.docs.fact[d] as number);
    return { docs, facts };
  } finally {
    // Zeroed even when a query fails half way, so the next one starts clean.
    for (const d of touchedDocs) docSums[d] = 0;
    for (const f of touchedFacts) factSums[f] = 0;
  }
}

/**
 * The `shortlist` touched entries with the largest sums. Equal sums go by position (question or fact number),
 * not by the order they were touched in, which follows the order of the query's words: that order must not
 * decide which of them are scored.
 */
function best(touched: number[], sums: Float64Array, shortlist: number): number[] {
  if (touched.length <= shortlist) return touched;
  return touched.sort((a, b) => (sums[b] ?? 0) - (sums[a] ?? 0) || a - b).slice(0, shortlist);
}

function accumulate(
  postings: IntLists,
  term: number,
  gain: number,
  sums: Float64Array,
  touched: number[],
): void {
  const end = postings.start[term + 1] ?? 0;
  for (let k = postings.start[term] ?? 0; k < end; k++) {
    const i = postings.flat[k] as number;
    if (sums[i] === 0) touched.push(i);
    sums[i] = (sums[i] ?? 0) + gain;
  }
}
