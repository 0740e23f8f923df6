import Fuse from "fuse.js";
import { LANGUAGES, type Fact, type Knowledge, type Lang } from "../knowledge/types.js";
import { tokenize } from "./normalize.js";

/** One of a fact's questions, as tokens. */
export interface QuestionDoc {
  fact: number;
  lang: Lang;
  text: string;
  terms: string[];
  /** Sum of the idf of its distinct terms: the denominator of how much of it a query covers. */
  weight: number;
}

export interface SearchIndex {
  facts: readonly Fact[];
  questions: QuestionDoc[];
  /** term → idf, over facts (a fact's questions, answers and tags count as one document). */
  idf: Map<string, number>;
  /** The idf a word never seen in the knowledge gets: it is as informative as a word can be. */
  unknownIdf: number;
  /** term → indexes of the questions that contain it. */
  postings: Map<string, number[]>;
  /**
   * term → facts whose own questions lack it but whose answer or tags have it, weighted lower:
   * it lets a question in other words still reach the fact that says it.
   */
  answerPostings: Map<string, number[]>;
  /** Fuzzy lookup of misspelt words among the known terms. */
  vocabulary: Fuse<string>;
}

/** Built once per knowledge base; everything in it is derived from the facts and never mutated. */
export function buildIndex(knowledge: Knowledge): SearchIndex {
  const facts = knowledge.facts;
  const questions: QuestionDoc[] = [];
  const factTerms: Set<string>[] = [];
  const answerTerms: Set<string>[] = [];
  facts.forEach((fact, factIndex) => {
    const own = new Set<string>();
    for (const lang of LANGUAGES) {
      for (const text of fact.questions[lang]) {
        const terms = [...new Set(tokenize(text, lang))];
        if (terms.length === 0) continue;
        for (const t of terms) own.add(t);
        questions.push({ fact: factIndex, lang, text, terms, weight: 0 });
      }
    }
    const extra = new Set<string>();
    for (const lang of LANGUAGES) for (const t of tokenize(fact.answer[lang], lang)) if (!own.has(t)) extra.add(t);
    for (const tag of fact.tags) for (const t of tokenize(tag, "en")) if (!own.has(t)) extra.add(t);
    factTerms.push(own);
    answerTerms.push(extra);
  });

  const df = new Map<string, number>();
  for (let i = 0; i < facts.length; i++) {
    for (const t of new Set([...(factTerms[i] ?? []), ...(answerTerms[i] ?? [])])) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(facts.length, 1);
  const idf = new Map<string, number>();
  for (const [t, count] of df) idf.set(t, Math.log(1 + n / count));
  const unknownIdf = Math.log(1 + n / 0.5);

  const postings = new Map<string, number[]>();
  questions.forEach((q, qi) => {
    q.weight = q.terms.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0);
    for (const t of q.terms) push(postings, t, qi);
  });
  const answerPostings = new Map<string, number[]>();
  answerTerms.forEach((terms, fi) => {
    for (const t of terms) push(answerPostings, t, fi);
  });

  // Fuse ranks candidate spellings; a tight threshold because a loose one (the 0.6 default) turns
  // "world" into "would" and a near-miss into a confident answer. ignoreLocation: a typo may be anywhere.
  const vocabulary = new Fuse([...df.keys()].filter((t) => t.length >= 4 && !/\d/.test(t)), {
    includeScore: true,
    threshold: 0.3,
    ignoreLocation: true,
    minMatchCharLength: 3,
  });
  return { facts, questions, idf, unknownIdf, postings, answerPostings, vocabulary };
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
