import { type Fact, type Knowledge, LANGUAGES } from "../knowledge/types.js";
import { dateWords, givesFigure } from "./fact-terms.js";
import { forEachIn, type IntLists, IntListsBuilder, invert } from "./int-lists.js";
import { type Normalizer, QUANTITY } from "./normalize.js";
import { OUTLET_WORDS } from "./outlet-words.js";
import { type StringTable, stringTable } from "./string-table.js";
import { type TypoIndex, typoIndex } from "./typo-index.js";
import { type WordForms, wordForms } from "./word-forms.js";

/**
 * The search index as data: typed arrays and string tables only, nothing that a worker could not hand over
 * or a cache file hold. Terms are small integers and every per-question or per-fact list of them is a
 * sorted run in one shared buffer, so 50,000 facts (a million questions) stay compact and a lookup is a
 * binary search.
 */
export interface IndexData {
  /** How many facts (documents of idf) the index was built from; facts are numbered 0 .. factCount - 1. */
  factCount: number;
  /** The terms (stems, synonyms folded), by term id. */
  terms: StringTable;
  /** idf by term id, over facts: a fact's questions, answers and tags count as one document. */
  idf: Float64Array;
  /** The idf of a word never seen in the knowledge: as informative as the rarest known word. */
  unknownIdf: number;
  /** One entry per question of every fact, in every language. */
  docs: {
    fact: Int32Array;
    terms: IntLists;
    /** Sum of the idf of its terms: how much there is of it to cover. */
    weight: Float64Array;
  };
  /** Per fact, the terms of its own questions, and those only in its answer or tags (weighted lower). */
  factTerms: IntLists;
  answerTerms: IntLists;
  /** term id → ids of the questions that contain it, and → facts that have it only in the answer. */
  postings: IntLists;
  answerPostings: IntLists;
  /** Words as written in the facts' questions, and the term each stands for (the last reading of it). */
  surfaces: StringTable;
  surfaceTerms: Int32Array;
  /** Known words as written within a typo of a misspelt one (typos break stemming, so not stems). */
  typos: TypoIndex;
  /** Stems that may be forms of one Russian or Ukrainian word, found by their beginning. */
  forms: WordForms;
}

/** An index ready to match with: its data, the normaliser it was read with, and per-query scratch space. */
export interface SearchIndex extends IndexData {
  /** How questions are read into terms: the same as the facts were, with the same lexicon. */
  normalizer: Normalizer;
  /**
   * Per-question and per-fact sums for one query at a time (matching is synchronous), all zero between
   * queries. Sized to this index once: allocating them per query would cost more than the matching.
   */
  scratch: { docSums: Float64Array; factSums: Float64Array };
}

/** For tests and small uses: the data and the index in one step. */
export function buildIndex(knowledge: Knowledge, normalizer: Normalizer): SearchIndex {
  return searchIndex(indexData(knowledge.facts, normalizer), normalizer);
}

/**
 * Cheap: the data is used as it is, only the scratch space is new. Afterwards only `scratch` changes, and
 * only during a query, so a reload can swap an index whole.
 */
export function searchIndex(data: IndexData, normalizer: Normalizer): SearchIndex {
  return {
    ...data,
    normalizer,
    scratch: { docSums: new Float64Array(data.docs.fact.length), factSums: new Float64Array(data.factCount) },
  };
}

/** Built once per knowledge base, off the answering path (in a worker, or before anything is answered). */
export function indexData(facts: readonly Fact[], normalizer: Normalizer): IndexData {
  const { words, tokenize } = normalizer;
  const termIds = new Map<string, number>();
  const id = (term: string) => {
    const known = termIds.get(term);
    if (known !== undefined) return known;
    termIds.set(term, termIds.size);
    return termIds.size - 1;
  };
  const docFact: number[] = [];
  const docTerms = new IntListsBuilder();
  const factTerms = new IntListsBuilder();
  const answerTerms = new IntListsBuilder();
  const quantity = id(QUANTITY);
  const surfaceTerms = new Map<string, number>();

  facts.forEach((fact, f) => {
    const own = new Set<number>();
    for (const lang of LANGUAGES) {
      for (const text of fact.questions[lang]) {
        const found = words(text, lang);
        if (found.length === 0) continue;
        const terms = found.map((w) => {
          const t = id(w.term);
          surfaceTerms.set(w.surface, t);
          return t;
        });
        for (const t of terms) own.add(t);
        docFact.push(f);
        docTerms.add(terms);
      }
    }
    const extra = new Set<number>();
    const add = (tokens: string[]) => {
      for (const t of tokens.map(id)) if (!own.has(t)) extra.add(t);
    };
    const when = dateWords(fact.asOf);
    for (const lang of LANGUAGES)
      add(tokenize(`${fact.answer[lang]} ${when[lang]} ${OUTLET_WORDS[lang]}`, lang));
    for (const tag of fact.tags) add(tokenize(tag, "en"));
    // Only a fact that gives a figure answers "how many"; its questions may say so, or not.
    own.delete(quantity);
    extra.delete(quantity);
    if (givesFigure(fact)) own.add(quantity);
    factTerms.add(own);
    answerTerms.add(extra);
  });

  const termCount = termIds.size;
  const docs = docTerms.build();
  const own = factTerms.build();
  const answerOnly = answerTerms.build();
  const df = new Int32Array(termCount);
  for (const t of own.flat) df[t] = (df[t] ?? 0) + 1;
  for (const t of answerOnly.flat) df[t] = (df[t] ?? 0) + 1;
  const n = Math.max(facts.length, 1);
  const idf = Float64Array.from(df, (count) => Math.log(1 + n / Math.max(count, 1)));
  const weight = new Float64Array(docFact.length);
  for (let d = 0; d < weight.length; d++)
    forEachIn(docs, d, (t) => (weight[d] = (weight[d] ?? 0) + (idf[t] ?? 0)));
  const surfaces = stringTable([...surfaceTerms.keys()], { lookup: true });
  const terms = [...termIds.keys()];

  return {
    factCount: facts.length,
    terms: stringTable(terms, { lookup: true }),
    idf,
    unknownIdf: Math.log(1 + n),
    docs: { fact: Int32Array.from(docFact), terms: docs, weight },
    factTerms: own,
    answerTerms: answerOnly,
    postings: invert(docs, termCount),
    answerPostings: invert(answerOnly, termCount),
    surfaces,
    surfaceTerms: Int32Array.from(surfaceTerms.values()),
    typos: typoIndex(surfaces),
    forms: wordForms(terms),
  };
}
