import Fuse from "fuse.js";
import { LANGUAGES, type Fact, type Knowledge, type Lang } from "../knowledge/types.js";
import { dateWords, givesFigure } from "./fact-terms.js";
import { QUANTITY, tokenize } from "./normalize.js";

/**
 * The search index. Terms are small integers and every per-document list is a sorted Int32Array,
 * so 50,000 facts (a million questions) fit in memory and a lookup is a binary search.
 */
export interface SearchIndex {
  facts: readonly Fact[];
  termIds: Map<string, number>;
  /** idf by term id, over facts: a fact's questions, answers and tags count as one document. */
  idf: Float64Array;
  /** The idf of a word never seen in the knowledge: it is as informative as a word can be. */
  unknownIdf: number;
  /** One entry per question of every fact, in every language. */
  docs: {
    fact: Int32Array;
    lang: Lang[];
    /** Position of the question in fact.questions[lang]. */
    position: Int32Array;
    terms: Int32Array[];
    /** Sum of the idf of its terms: how much there is of it to cover. */
    weight: Float64Array;
  };
  /** Per fact, the terms of its own questions, and those only in its answer or tags (weighted lower). */
  factTerms: Int32Array[];
  answerTerms: Int32Array[];
  /** term id → ids of the questions that contain it, and → facts that have it only in the answer. */
  postings: Int32Array[];
  answerPostings: Int32Array[];
  /** Fuzzy lookup of a misspelt word among known words of about its length (see `fuzzyTerms`). */
  vocabulary: Map<number, Fuse<string>>;
}

export function questionText(index: SearchIndex, doc: number): string {
  const fact = index.facts[index.docs.fact[doc] ?? -1];
  const lang = index.docs.lang[doc] ?? "en";
  return fact?.questions[lang][index.docs.position[doc] ?? 0] ?? "";
}

/** Built once per knowledge base; never mutated afterwards, so a reload can swap it whole. */
export function buildIndex(knowledge: Knowledge): SearchIndex {
  const facts = knowledge.facts;
  const termIds = new Map<string, number>();
  const id = (term: string) => {
    let i = termIds.get(term);
    if (i === undefined) termIds.set(term, (i = termIds.size));
    return i;
  };
  const docFact: number[] = [];
  const docLang: Lang[] = [];
  const docPosition: number[] = [];
  const docTerms: Int32Array[] = [];
  const factTerms: Int32Array[] = [];
  const answerTerms: Int32Array[] = [];

  facts.forEach((fact, f) => {
    const own = new Set<number>();
    for (const lang of LANGUAGES) {
      fact.questions[lang].forEach((text, position) => {
        const terms = sortedIds(tokenize(text, lang).map(id));
        if (terms.length === 0) return;
        for (const t of terms) own.add(t);
        docFact.push(f);
        docLang.push(lang);
        docPosition.push(position);
        docTerms.push(terms);
      });
    }
    const extra = new Set<number>();
    const add = (tokens: string[]) => {
      for (const t of tokens.map(id)) if (!own.has(t)) extra.add(t);
    };
    const when = dateWords(fact.asOf);
    for (const lang of LANGUAGES) add(tokenize(`${fact.answer[lang]} ${when[lang]}`, lang));
    for (const tag of fact.tags) add(tokenize(tag, "en"));
    // Only a fact that gives a figure answers "how many"; its questions may say so, or not.
    own.delete(id(QUANTITY));
    extra.delete(id(QUANTITY));
    if (givesFigure(fact)) own.add(id(QUANTITY));
    factTerms.push(sortedIds([...own]));
    answerTerms.push(sortedIds([...extra]));
  });

  const termCount = termIds.size;
  const df = new Int32Array(termCount);
  for (let f = 0; f < facts.length; f++) {
    for (const t of factTerms[f] ?? []) df[t] = (df[t] ?? 0) + 1;
    for (const t of answerTerms[f] ?? []) df[t] = (df[t] ?? 0) + 1;
  }
  const n = Math.max(facts.length, 1);
  const idf = Float64Array.from(df, (count) => Math.log(1 + n / Math.max(count, 1)));
  const weight = Float64Array.from(docTerms, (terms) => terms.reduce((sum, t) => sum + (idf[t] ?? 0), 0));

  return {
    facts,
    termIds,
    idf,
    unknownIdf: Math.log(1 + n / 0.5),
    docs: { fact: Int32Array.from(docFact), lang: docLang, position: Int32Array.from(docPosition), terms: docTerms, weight },
    factTerms,
    answerTerms,
    postings: invert(docTerms, termCount),
    answerPostings: invert(answerTerms, termCount),
    vocabulary: buildVocabulary(termIds),
  };
}

export function hasTerm(sorted: Int32Array, term: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v === term) return true;
    if (v < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function sortedIds(ids: number[]): Int32Array {
  return Int32Array.from(new Set(ids)).sort();
}

/** lists[i] holds terms → for each term, the i that hold it. */
function invert(lists: Int32Array[], termCount: number): Int32Array[] {
  const counts = new Int32Array(termCount);
  for (const list of lists) for (const t of list) counts[t] = (counts[t] ?? 0) + 1;
  const out = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(termCount);
  lists.forEach((list, i) => {
    for (const t of list) {
      (out[t] as Int32Array)[fill[t] as number] = i;
      fill[t] = (fill[t] ?? 0) + 1;
    }
  });
  return out;
}

/** Words shorter than this, and numbers, must match exactly: "war" is not "was", "2" is not "20". */
export const FUZZY_MIN_LENGTH = 4;

/**
 * One Fuse per word length: a misspelling is searched among words at most two letters longer or
 * shorter, which keeps each search small at 50,000 facts. The threshold is tight (the 0.6 default
 * turns "world" into "would" and a near miss into a confident answer); ignoreLocation because a
 * typo may sit anywhere in the word.
 */
function buildVocabulary(termIds: Map<string, number>): Map<number, Fuse<string>> {
  const byLength = new Map<number, string[]>();
  for (const term of termIds.keys()) {
    if (term.length < FUZZY_MIN_LENGTH || /\d/.test(term)) continue;
    const list = byLength.get(term.length) ?? [];
    list.push(term);
    byLength.set(term.length, list);
  }
  const fuses = new Map<number, Fuse<string>>();
  for (const length of byLength.keys()) {
    const nearby = [-2, -1, 0, 1, 2].flatMap((d) => byLength.get(length + d) ?? []);
    fuses.set(length, new Fuse(nearby, { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 }));
  }
  return fuses;
}
