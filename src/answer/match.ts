import type { Lang } from "../knowledge/types.js";
import type { SearchIndex } from "./index.js";
import { tokenize } from "./normalize.js";

/** Longest question we read: a 4,000-character paste is not a question, and matching it would be slow. */
export const MAX_QUESTION_CHARS = 300;
const MAX_TOKENS = 30;
/** A word found only in a fact's answer counts for less than one in its questions. */
const ANSWER_ONLY = 0.7;

export interface FactMatch {
  fact: number;
  /** Blend of `coverage` and `question`, in [0, 1]. */
  score: number;
  /** Share of the query's information (idf-weighted) that the fact's questions or answer contain. */
  coverage: number;
  /** Best F-measure between the query and one of the fact's questions. */
  question: number;
  /** That question, preferring one in the asker's language: the "did you mean" text. */
  bestQuestion: number;
}

interface QueryTerm {
  idf: number;
  /** Known terms this query word stands for, with how sure we are (1 exact, less for a fuzzy match). */
  terms: { term: string; sure: number; idf: number }[];
}

export function queryTerms(index: SearchIndex, question: string, lang: Lang): QueryTerm[] {
  const tokens = [...new Set(tokenize(question.slice(0, MAX_QUESTION_CHARS), lang))].slice(0, MAX_TOKENS);
  return tokens.map((token) => {
    const terms = resolve(index, token);
    return { idf: terms.length ? Math.max(...terms.map((t) => t.idf)) : index.unknownIdf, terms };
  });
}

function resolve(index: SearchIndex, token: string): QueryTerm["terms"] {
  const idf = index.idf.get(token);
  if (idf !== undefined) return [{ term: token, sure: 1, idf }];
  // Numbers and short words are matched exactly: "2" is not "20", "war" is not "was".
  if (token.length < 4 || /\d/.test(token)) return [];
  const found: QueryTerm["terms"] = [];
  for (const hit of index.vocabulary.search(token, { limit: 5 })) {
    const lengthGap = Math.abs(hit.item.length - token.length);
    const sure = 1 - (hit.score ?? 1) - 0.1 * lengthGap;
    if (lengthGap <= 2 && sure >= 0.7) found.push({ term: hit.item, sure, idf: index.idf.get(hit.item) ?? 0 });
  }
  return found;
}

/** Scores every fact that shares a term with the query, best first. */
export function matchFacts(index: SearchIndex, query: QueryTerm[], lang: Lang): FactMatch[] {
  const total = query.reduce((sum, q) => sum + q.idf, 0);
  if (total === 0) return [];
  const n = query.length;
  // Per question doc and per fact: for each query word, how sure its best match there is.
  const docHits = new Map<number, Float64Array>();
  const docRecall = new Map<number, Float64Array>();
  const factHits = new Map<number, Float64Array>();
  const row = (map: Map<number, Float64Array>, key: number) => {
    let r = map.get(key);
    if (!r) map.set(key, (r = new Float64Array(n)));
    return r;
  };
  query.forEach((q, qi) => {
    for (const { term, sure, idf } of q.terms) {
      for (const d of index.postings.get(term) ?? []) {
        const hits = row(docHits, d);
        if (sure > (hits[qi] ?? 0)) {
          hits[qi] = sure;
          row(docRecall, d)[qi] = sure * idf;
        }
        const doc = index.questions[d];
        if (doc) {
          const f = row(factHits, doc.fact);
          f[qi] = Math.max(f[qi] ?? 0, sure);
        }
      }
      for (const fact of index.answerPostings.get(term) ?? []) {
        const f = row(factHits, fact);
        f[qi] = Math.max(f[qi] ?? 0, ANSWER_ONLY * sure);
      }
    }
  });

  const best = new Map<number, { question: number; doc: number; inLang: boolean }>();
  for (const [d, hits] of docHits) {
    const doc = index.questions[d];
    if (!doc) continue;
    const precision = query.reduce((sum, q, qi) => sum + q.idf * (hits[qi] ?? 0), 0) / total;
    const recall = sum(docRecall.get(d)) / (doc.weight || 1);
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    const prev = best.get(doc.fact);
    const inLang = doc.lang === lang;
    // Keep the best score; among near-equal questions prefer the asker's language for display.
    if (!prev || f1 > prev.question + 1e-9 || (Math.abs(f1 - prev.question) < 0.05 && inLang && !prev.inLang)) {
      best.set(doc.fact, { question: Math.max(f1, prev?.question ?? 0), doc: d, inLang });
    }
  }

  const matches: FactMatch[] = [];
  for (const [fact, hits] of factHits) {
    const coverage = query.reduce((sum, q, qi) => sum + q.idf * (hits[qi] ?? 0), 0) / total;
    const b = best.get(fact);
    const question = b?.question ?? 0;
    const bestQuestion = b?.doc ?? -1;
    matches.push({ fact, score: 0.5 * coverage + 0.5 * question, coverage, question, bestQuestion });
  }
  return matches.sort((a, b) => b.score - a.score);
}

function sum(values: Float64Array | undefined): number {
  let total = 0;
  for (const v of values ?? []) total += v;
  return total;
}
