import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { predictForest } from "../../src/answer/boosted-trees.js";
import { FEATURE_NAMES } from "../../src/answer/confidence.js";
import { CONFIDENCE_MODEL } from "../../src/answer/confidence-model.js";
import {
  chooseThreshold,
  collectExamples,
  countSetWords,
  type Example,
  examplesDigest,
  fitConfidence,
  foldOfSet,
  labelRows,
} from "../../src/calibrate/fit-confidence.js";
import { fitForest, TREE_OPTIONS } from "../../src/calibrate/fit-trees.js";
import { trainingSets } from "../../src/calibrate/question-sets.js";
import { loadKnowledge } from "../../src/knowledge/load.js";

describe("the confidence model", () => {
  it("was fitted on what the repository's knowledge, sets and features give now", async () => {
    const { knowledge } = await loadKnowledge(join(import.meta.dirname, "../../knowledge"));
    if (!knowledge) throw new Error("knowledge does not validate");
    expect([...CONFIDENCE_MODEL.features]).toEqual([...FEATURE_NAMES]);
    // Knowledge, sets, features or fitting settings changed without `npm run calibrate`: the model is stale.
    // (Fitting is deterministic, tested below, so the same examples give the same model.)
    const sets = trainingSets();
    const labelled = labelRows(knowledge, sets);
    const digest = examplesDigest(collectExamples(knowledge, sets, labelled));
    expect(CONFIDENCE_MODEL.fittedOn, "the confidence model is stale: run npm run calibrate").toBe(digest);
    const stale = JSON.stringify(knowledge.learnedWords) !== JSON.stringify(countSetWords(labelled));
    expect(stale, "knowledge/learned-words.json is stale: run npm run calibrate").toBe(false);
  }, 180_000);

  it("labels a set's row with every fact that answers it, a near miss with none, and leaves out the rest", async () => {
    const { knowledge } = await loadKnowledge(join(import.meta.dirname, "../../knowledge"));
    if (!knowledge) throw new Error("knowledge does not validate");
    const rows = labelRows(
      knowledge,
      new Map([
        [
          "set.jsonl",
          [
            { kind: "in", lang: "en", q: "who is kuzminov", expect: ["Mi-8"], sources: [] },
            { kind: "near", lang: "en", q: "what is the hotline's phone number" },
            { kind: "in", lang: "en", q: "who is kuzminov", expect: ["no fact says this"], sources: [] },
          ],
        ],
      ]),
    );
    expect(rows[0]?.classes).toContain("kuzminov-defection");
    expect(rows[0]?.terms).toContain("kuzminov");
    expect(rows[1]?.classes).toEqual([""]);
    expect(rows[2]?.classes).toEqual([]);
  });

  it("counts a set's row for the word model in every fold but its set's", () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      question: `q${i}`,
      set: `set-${i % 8}.jsonl`,
      terms: [`w${i}`],
      classes: ["f"],
    }));
    const folds = [0, 1, 2, 3, 4].map((fold) => countSetWords(rows, fold));
    for (const row of rows) {
      const counted = folds.map((f, fold) => (f.terms[row.terms[0] as string] ? fold : -1));
      // Left out of exactly one fold, the one of its set.
      expect(counted.filter((fold) => fold < 0)).toHaveLength(1);
      expect(counted.indexOf(-1)).toBe(foldOfSet(row.set));
    }
    expect(countSetWords(rows).terms.w0).toEqual([0, 1]);
  });

  it("is what fitting gives from those examples, to the last digit", () => {
    // A small fit through the same code path, twice: fitConfidence has no hidden state or randomness.
    const examples: Example[] = Array.from({ length: 300 }, (_, i) => ({
      question: `q${i % 100}`,
      origin: i % 3 === 0 ? "own" : "set.jsonl",
      group: i % 100,
      label: (i * 7) % 5 > 2 ? 1 : 0,
      features: FEATURE_NAMES.map((_, f) => ((i * (f + 3)) % 11) / 10),
    }));
    expect(fitConfidence(examples)).toEqual(fitConfidence(examples));
    expect(fitConfidence(examples).model.fittedOn).toBe(examplesDigest(examples));
  }, 30_000);

  it("learns what a weighted sum cannot: a signal that matters only together with another", () => {
    // Right only when the first is high and the second low: neither alone tells, nor does their sum.
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 200; i++) {
      const [a, b] = [(i % 10) / 10, Math.floor(i / 10) / 20];
      xs.push([a, b]);
      ys.push(a > 0.45 && b < 0.45 ? 1 : 0);
    }
    const forest = fitForest(
      xs,
      ys,
      xs.map(() => 1),
      { ...TREE_OPTIONS, rounds: 50 },
    );
    expect(predictForest(forest, [0.9, 0.1])).toBeGreaterThan(0.8);
    expect(predictForest(forest, [0.9, 0.9])).toBeLessThan(0.2);
    expect(predictForest(forest, [0.1, 0.1])).toBeLessThan(0.2);
    // sample weights: heavy negatives where the positives were pull the prediction there down
    const weighted = fitForest([...xs, [0.9, 0.1]], [...ys, 0], [...xs.map(() => 1), 200], {
      ...TREE_OPTIONS,
      rounds: 50,
    });
    expect(predictForest(weighted, [0.9, 0.1])).toBeLessThan(predictForest(forest, [0.9, 0.1]));
  });

  it("fits the same forest twice from the same examples", () => {
    const xs = Array.from({ length: 60 }, (_, i) => [(i * 7) % 13, i % 5]);
    const ys = xs.map(([a = 0, b = 0]) => (a + b > 8 ? 1 : 0));
    const once = fitForest(
      xs,
      ys,
      xs.map(() => 1),
    );
    expect(
      fitForest(
        xs,
        ys,
        xs.map(() => 1),
      ),
    ).toEqual(once);
  });

  it("fits each tree on a drawn share of the examples, the same draws every time, and averages forests of other draws", () => {
    const xs = Array.from({ length: 60 }, (_, i) => [(i * 7) % 13, i % 5]);
    const ys = xs.map(([a = 0, b = 0]) => (a + b > 8 ? 1 : 0));
    const ones = xs.map(() => 1);
    const drawn = { ...TREE_OPTIONS, rounds: 20, subsample: 0.5 };
    expect(fitForest(xs, ys, ones, drawn)).toEqual(fitForest(xs, ys, ones, drawn));
    expect(fitForest(xs, ys, ones, drawn)).not.toEqual(fitForest(xs, ys, ones, { ...drawn, subsample: 1 }));
    // Several forests on other draws, averaged: all their trees at a share of the rate.
    const one = fitForest(xs, ys, ones, { ...drawn, bags: 1 });
    const two = fitForest(xs, ys, ones, { ...drawn, bags: 2 });
    expect(two.trees).toHaveLength(2 * one.trees.length);
    expect(two.rate).toBeCloseTo(one.rate / 2);
    expect(two.trees.slice(0, one.trees.length)).toEqual(one.trees);
  });

  it("answers from the middle of the gain's plateau, not at a one-step spike, and keeps wrong answers within 3%", () => {
    const picks = (right: number, p: number, label = 1) =>
      Array.from({ length: right }, () => ({ e: { label } as Example, p }));
    // Gain (right − 4 × wrong) by threshold: 6 at 0.90 alone, 2 from 0.61 to 0.89, 5 from 0.60 down.
    const spiky = [...picks(100, 0.99), ...picks(6, 0.905), ...picks(1, 0.895, 0), ...picks(3, 0.605)];
    expect(chooseThreshold(spiky)).toBe(0.2);
    // Five more wrong answers at 0.50: more than 2% of the questions answered below 0.51.
    const bounded = chooseThreshold([...spiky, ...picks(5, 0.5, 0)]);
    expect(bounded).toBeGreaterThan(0.5);
    expect(bounded).toBeLessThanOrEqual(0.6);
  });
});
