import type { FeedbackRecord } from "../storage/log-records.js";

export interface FactFeedback {
  factId: string;
  /** Votes counted once per voter (their latest vote); votes without a voter count each. */
  up: number;
  down: number;
  /** Every vote recorded, before de-duplication. */
  votes: number;
  lastAt: string;
  /** Questions that led to a 👎, most frequent first: what the fact was wrongly matched to, or where it fails. */
  downQuestions: { text: string; count: number }[];
}

/** 👍/👎 per fact, worst first (most 👎, then fewest 👍), so bad facts or bad matches stand out. */
export function summarizeFeedback(records: readonly FeedbackRecord[]): FactFeedback[] {
  const ordered = [...records].sort((a, b) => a.at.localeCompare(b.at));
  // The latest vote of each voter per fact: changing one's mind, or pressing twice, is one opinion.
  const latest = new Map<string, FeedbackRecord>();
  ordered.forEach((record, i) => {
    latest.set(record.voter ? `${record.factId}\u0000${record.voter}` : `\u0001${i}`, record);
  });
  const byFact = new Map<string, FactFeedback>();
  const entry = (factId: string) => {
    let found = byFact.get(factId);
    if (!found) {
      found = { factId, up: 0, down: 0, votes: 0, lastAt: "", downQuestions: [] };
      byFact.set(factId, found);
    }
    return found;
  };
  for (const record of ordered) {
    const e = entry(record.factId);
    e.votes++;
    e.lastAt = record.at;
  }
  const downQuestions = new Map<string, Map<string, number>>();
  for (const record of latest.values()) {
    const e = entry(record.factId);
    if (record.vote === "up") e.up++;
    else {
      e.down++;
      const text = record.question?.trim().replace(/\s+/g, " ");
      if (text) {
        const counts = downQuestions.get(record.factId) ?? new Map<string, number>();
        counts.set(text, (counts.get(text) ?? 0) + 1);
        downQuestions.set(record.factId, counts);
      }
    }
  }
  for (const [factId, counts] of downQuestions) {
    entry(factId).downQuestions = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([text, count]) => ({ text, count }));
  }
  return [...byFact.values()].sort(
    (a, b) => b.down - a.down || a.up - b.up || a.factId.localeCompare(b.factId),
  );
}
