import { type Fact, type Knowledge, LANGUAGES, type Lang } from "../knowledge/types.js";
import { dateWords, givesFigure } from "./fact-terms.js";
import { forEachIn, type IntLists, IntListsBuilder, invert } from "./int-lists.js";
import { type Normalizer, QUANTITY } from "./normalize.js";
import { TypoIndex } from "./typo-index.js";

/**
 * The search index. Terms are small integers and every per-question or per-fact list of them is a
 * sorted run in one shared buffer, so 50,000 facts (a million questions) stay compact and a lookup
 * is a binary search.
 */
export interface SearchIndex {
  facts: readonly Fact[];
  termIds: Map<string, number>;
  /** idf by term id, over facts: a fact's questions, answers and tags count as one document. */
  idf: Float64Array;
  /** The idf of a word never seen in the knowledge: as informative as the rarest known word. */
  unknownIdf: number;
  /** One entry per question of every fact, in every language. */
  docs: {
    fact: Int32Array;
    lang: Lang[];
    /** Position of the question in fact.questions[lang]. */
    position: Int32Array;
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
  /** Known words as written within a typo of a misspelt one (typos break stemming, so not stems). */
  typos: TypoIndex;
  /** A word as written in the facts' questions → its term. */
  surfaceTerms: Map<string, number>;
  /** How questions are read into terms: the same as the facts were, with the same lexicon. */
  normalizer: Normalizer;
  /**
   * Per-question and per-fact sums for one query at a time (matching is synchronous), all zero between
   * queries. Sized to this index once: allocating them per query would cost more than the matching.
   */
  scratch: { docSums: Float64Array; factSums: Float64Array };
}

/**
 * Built once per knowledge base; afterwards only `scratch` changes, and only during a query, so a reload
 * can swap it whole.
 */
export function buildIndex(knowledge: Knowledge, normalizer: Normalizer): SearchIndex {
  const { words, tokenize } = normalizer;
  const facts = knowledge.facts;
  const termIds = new Map<string, number>();
  const id = (term: string) => {
    const known = termIds.get(term);
    if (known !== undefined) return known;
    termIds.set(term, termIds.size);
    return termIds.size - 1;
  };
  const docFact: number[] = [];
  const docLang: Lang[] = [];
  const docPosition: number[] = [];
  const docTerms = new IntListsBuilder();
  const factTerms = new IntListsBuilder();
  const answerTerms = new IntListsBuilder();
  const quantity = id(QUANTITY);
  const surfaceTerms = new Map<string, number>();

  facts.forEach((fact, f) => {
    const own = new Set<number>();
    for (const lang of LANGUAGES) {
      fact.questions[lang].forEach((text, position) => {
        const found = words(text, lang);
        if (found.length === 0) return;
        const terms = found.map((w) => {
          const t = id(w.term);
          surfaceTerms.set(w.surface, t);
          return t;
        });
        for (const t of terms) own.add(t);
        docFact.push(f);
        docLang.push(lang);
        docPosition.push(position);
        docTerms.add(terms);
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

  return {
    facts,
    termIds,
    idf,
    unknownIdf: Math.log(1 + n),
    docs: {
      fact: Int32Array.from(docFact),
      lang: docLang,
      position: Int32Array.from(docPosition),
      terms: docs,
      weight,
    },
    factTerms: own,
    answerTerms: answerOnly,
    postings: invert(docs, termCount),
    answerPostings: invert(answerOnly, termCount),
    typos: new TypoIndex(surfaceTerms.keys()),
    surfaceTerms,
    normalizer,
    scratch: { docSums: new Float64Array(docFact.length), factSums: new Float64Array(facts.length) },
  };
}
