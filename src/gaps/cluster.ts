import { DisjointSets } from "../common/disjoint-sets.js";
import { round } from "../common/round.js";
import type { Lang } from "../knowledge/types.js";
import type { UnansweredRecord } from "../storage/log-records.js";

export type Tokenizer = (text: string, lang: Lang) => string[];

/** Lowercased words: the fallback when no stemming tokenizer is given (tests, tools). */
export const simpleTokenize: Tokenizer = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export interface GapCluster {
  /** The most frequent wording in the cluster (ties: the earliest asked). */
  label: string;
  count: number;
  /** Distinct wordings, most frequent first. */
  questions: { text: string; count: number }[];
  languages: Partial<Record<Lang, number>>;
  chatTypes: Partial<Record<UnansweredRecord["chatType"], number>>;
  firstAt: string;
  lastAt: string;
  /** Tokens found in at least half of the cluster's questions, most common first: what it is about. */
  terms: string[];
  /**
   * The fact that came nearest across the cluster (highest summed score): the place to add a question
   * or the neighbour of a missing fact. `score` is its mean where it appeared, `seen` in how many records.
   */
  nearest?: { factId: string; score: number; seen: number };
}

export interface ClusterOptions {
  tokenize?: Tokenizer;
  /** Jaccard similarity of token sets at which two wordings join one cluster. */
  threshold?: number;
  /**
   * Counts the pairs of distinct wordings compared: what the clustering's cost grows with, for a test that
   * it stays far below every pair without timing it.
   */
  counts?: { compared: number };
}

/**
 * Groups questions by similar wording: identical token sets first, then any two groups whose token sets
 * overlap by at least `threshold` (Jaccard) are joined, transitively. Only groups sharing a token are
 * compared, so thousands of questions stay fast. Deterministic: the result does not depend on input order
 * beyond tie-breaks on time.
 */
export function clusterGaps(
  records: readonly UnansweredRecord[],
  options: ClusterOptions = {},
): GapCluster[] {
  const { tokenize = simpleTokenize, threshold = 0.5, counts } = options;
  const groups: { key: string; tokens: string[]; records: UnansweredRecord[] }[] = [];
  const byKey = new Map<string, number>();
  for (const record of records) {
    const tokens = [...new Set(tokenize(record.question, record.language))].sort();
    // A question of stop words only ("what?") has no tokens: it is grouped by its literal text instead.
    const key = tokens.length ? tokens.join(" ") : `\u0000${record.question.trim().toLowerCase()}`;
    let index = byKey.get(key);
    if (index === undefined) {
      index = groups.push({ key, tokens, records: [] }) - 1;
      byKey.set(key, index);
    }
    groups[index]?.records.push(record);
  }

  const sets = new DisjointSets(groups.length);
  // Shared-token counts against every earlier group, through an inverted index: only groups that share a
  // token are touched, and counting in a typed array keeps even thousands of distinct wordings fast.
  const postings = new Map<string, number[]>();
  const shared = new Int32Array(groups.length);
  const touched: number[] = [];
  groups.forEach((group, i) => {
    for (const token of group.tokens) {
      const list = postings.get(token);
      for (const j of list ?? []) {
        if (shared[j] === 0) touched.push(j);
        shared[j] = (shared[j] ?? 0) + 1;
      }
      if (list) list.push(i);
      else postings.set(token, [i]);
    }
    if (counts) counts.compared += touched.length;
    for (const j of touched) {
      const both = shared[j] ?? 0;
      const union = group.tokens.length + (groups[j]?.tokens.length ?? 0) - both;
      if (both / union >= threshold) sets.union(j, i);
      shared[j] = 0;
    }
    touched.length = 0;
  });

  return sets
    .groups()
    .map((indices) => summarize(indices.map((i) => groups[i] as (typeof groups)[number])))
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt) || a.label.localeCompare(b.label));
}

function summarize(groups: { tokens: string[]; records: UnansweredRecord[] }[]): GapCluster {
  const records = groups.flatMap((g) => g.records).sort((a, b) => a.at.localeCompare(b.at));
  const wordings = new Map<string, { text: string; count: number; first: string }>();
  const languages: GapCluster["languages"] = {};
  const chatTypes: GapCluster["chatTypes"] = {};
  const near = new Map<string, { sum: number; seen: number }>();
  for (const record of records) {
    const text = record.question.trim().replace(/\s+/g, " ");
    const key = wordingKey(text);
    const wording = wordings.get(key) ?? { text, count: 0, first: record.at };
    wording.count++;
    wordings.set(key, wording);
    languages[record.language] = (languages[record.language] ?? 0) + 1;
    chatTypes[record.chatType] = (chatTypes[record.chatType] ?? 0) + 1;
    for (const { factId, score } of record.nearest ?? []) {
      const entry = near.get(factId) ?? { sum: 0, seen: 0 };
      entry.sum += score;
      entry.seen++;
      near.set(factId, entry);
    }
  }
  const questions = [...wordings.values()]
    .sort((a, b) => b.count - a.count || a.first.localeCompare(b.first))
    .map(({ text, count }) => ({ text, count }));

  const tokenCounts = new Map<string, number>();
  for (const group of groups) {
    for (const token of group.tokens)
      tokenCounts.set(token, (tokenCounts.get(token) ?? 0) + group.records.length);
  }
  const terms = [...tokenCounts]
    .filter(([, n]) => n * 2 >= records.length)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([token]) => token);

  const best = [...near].sort((a, b) => b[1].sum - a[1].sum || a[0].localeCompare(b[0]))[0];
  return {
    label: questions[0]?.text ?? "",
    count: records.length,
    questions,
    languages,
    chatTypes,
    firstAt: records[0]?.at ?? "",
    lastAt: records.at(-1)?.at ?? "",
    terms,
    ...(best && {
      nearest: { factId: best[0], score: round(best[1].sum / best[1].seen, 2), seen: best[1].seen },
    }),
  };
}

// "How many?" and "how many" are one wording: case and surrounding punctuation do not make a new one.
function wordingKey(text: string): string {
  return text.toLowerCase().replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "");
}
