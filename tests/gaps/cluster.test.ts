import { describe, expect, it } from "vitest";
import { createNormalizer } from "../../src/answer/normalize.js";
import { clusterGaps, simpleTokenize } from "../../src/gaps/cluster.js";
import { summarizeFeedback } from "../../src/gaps/feedback.js";
import type { FeedbackRecord, UnansweredRecord } from "../../src/storage/log-records.js";

let minute = 0;
const q = (
  question: string,
  nearest: UnansweredRecord["nearest"] = [],
  language: UnansweredRecord["language"] = "en",
): UnansweredRecord => ({
  at: new Date(Date.UTC(2026, 10, 20, 10, minute++)).toISOString(),
  question,
  language,
  chatType: "private",
  nearest,
});

describe("clusterGaps", () => {
  it("groups similar wordings, largest cluster first, with counts, languages and the nearest fact", () => {
    const records = [
      q("how many generals surrendered", [{ factId: "surrendered-count", score: 0.4 }]),
      q("weather in kyiv"),
      q("How many generals surrendered?", [{ factId: "surrendered-count", score: 0.5 }]),
      q("generals surrendered how many", [
        { factId: "kuzminov-defection", score: 0.45 },
        { factId: "surrendered-count", score: 0.3 },
      ]),
      q("how many generals", [], "ru"),
    ];
    const clusters = clusterGaps(records, { tokenize: simpleTokenize });
    expect(clusters.map((c) => [c.label, c.count])).toEqual([
      ["how many generals surrendered", 4],
      ["weather in kyiv", 1],
    ]);
    const [top] = clusters;
    expect(top?.questions).toEqual([
      { text: "how many generals surrendered", count: 2 },
      { text: "generals surrendered how many", count: 1 },
      { text: "how many generals", count: 1 },
    ]);
    expect(top?.languages).toEqual({ en: 3, ru: 1 });
    expect(top?.terms).toEqual(["generals", "how", "many", "surrendered"]);
    expect(top?.nearest).toEqual({ factId: "surrendered-count", score: 0.4, seen: 3 });
    expect((top?.firstAt ?? "") < (top?.lastAt ?? "")).toBe(true);
    expect(clusters[1]?.nearest).toBeUndefined();
  });

  it("keeps unrelated questions apart and does not depend on input order", () => {
    const records = [
      q("kuzminov reward money"),
      q("kuzminov helicopter landing"),
      q("reward money for pilots"),
    ];
    const forward = clusterGaps(records);
    expect(forward).toHaveLength(3);
    expect(clusterGaps([...records].reverse()).map((c) => c.label)).toEqual(forward.map((c) => c.label));
  });

  it("groups questions without content words by their text", () => {
    const empty = () => [];
    const clusters = clusterGaps([q("???"), q("???"), q("hm")], { tokenize: empty });
    expect(clusters.map((c) => [c.label, c.count])).toEqual([
      ["???", 2],
      ["hm", 1],
    ]);
  });

  it("with the engine's tokenizer, folds inflections and stop words", () => {
    const clusters = clusterGaps(
      [
        q("Сколько генералов сдалось в плен?", [], "ru"),
        q("сколько генералов сдались в плен", [], "ru"),
        q("how many generals surrendered"),
        q("How many generals have surrendered?"),
      ],
      { tokenize: createNormalizer().tokenize },
    );
    expect(clusters.map((c) => [c.count, c.languages])).toEqual([
      [2, { en: 2 }],
      [2, { ru: 2 }],
    ]);
  });

  it("handles thousands of questions by comparing only wordings that share a word", () => {
    // Deterministic pseudo-random questions of 3-6 words from a 300-word vocabulary, a few very common.
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const word = () => `w${Math.floor(next() ** 2 * 300)}`;
    const many = Array.from({ length: 5000 }, () =>
      q(Array.from({ length: 3 + Math.floor(next() * 4) }, word).join(" ")),
    );
    const counts = { compared: 0 };
    const clusters = clusterGaps(many, { counts });
    expect(clusters.reduce((n, c) => n + c.count, 0)).toBe(5000);
    // Counted, not timed, so a loaded machine cannot fail it: comparing every pair took seconds. About 15% of
    // the pairs share a word here (a few words are very common); the input is seeded, so the count is fixed.
    const distinct = new Set(many.map((r) => [...new Set(r.question.split(" "))].sort().join(" "))).size;
    const everyPair = (distinct * (distinct - 1)) / 2;
    expect(counts.compared).toBeGreaterThan(0);
    expect(counts.compared).toBeLessThan(everyPair / 4);
  });
});

describe("summarizeFeedback", () => {
  const vote = (
    factId: string,
    v: FeedbackRecord["vote"],
    voter?: string,
    question?: string,
  ): FeedbackRecord => ({
    at: new Date(Date.UTC(2026, 10, 20, 10, minute++)).toISOString(),
    factId,
    vote: v,
    language: "en",
    chatType: "private",
    voter,
    question,
  });

  it("counts one vote per voter per fact (the latest), worst facts first, with the questions behind 👎", () => {
    const facts = summarizeFeedback([
      vote("good", "up", "a"),
      vote("good", "up", "b"),
      vote("bad", "down", "a", "how much was the reward"),
      vote("bad", "down", "a", "how much was the reward"),
      vote("bad", "down", undefined, "reward?"),
      vote("bad", "down", undefined, "how much was the reward"),
      vote("mixed", "down", "c", "q"),
      vote("mixed", "up", "c"),
    ]);
    expect(facts.map((f) => [f.factId, f.up, f.down, f.votes])).toEqual([
      ["bad", 0, 3, 4],
      ["mixed", 1, 0, 2],
      ["good", 2, 0, 2],
    ]);
    expect(facts[0]?.downQuestions).toEqual([
      { text: "how much was the reward", count: 2 },
      { text: "reward?", count: 1 },
    ]);
  });
});
