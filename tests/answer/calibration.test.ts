import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { predictForest } from "../../src/answer/boosted-trees.js";
import { FEATURE_NAMES } from "../../src/answer/confidence.js";
import { CONFIDENCE_MODEL } from "../../src/answer/confidence-model.js";
import { collectExamples, fitConfidence } from "../../src/calibrate/fit-confidence.js";
import { fitForest, TREE_OPTIONS } from "../../src/calibrate/fit-trees.js";
import { readQuestionSets } from "../../src/calibrate/question-sets.js";
import { loadKnowledge } from "../../src/knowledge/load.js";

describe("the confidence model", () => {
  it("is what npm run calibrate fits from the repository's knowledge and sets", async () => {
    const { knowledge } = await loadKnowledge(join(import.meta.dirname, "../../knowledge"));
    if (!knowledge) throw new Error("knowledge does not validate");
    const { model } = fitConfidence(collectExamples(knowledge, readQuestionSets()));
    expect(model.features).toEqual([...FEATURE_NAMES]);
    expect([...CONFIDENCE_MODEL.features]).toEqual([...FEATURE_NAMES]);
    // Knowledge, sets or features changed without `npm run calibrate`: the checked-in model is stale.
    expect(CONFIDENCE_MODEL.answerAt).toBe(model.answerAt);
    expect(CONFIDENCE_MODEL.forest.trees.length).toBe(model.forest.trees.length);
    for (const [i, tree] of CONFIDENCE_MODEL.forest.trees.entries()) {
      const fitted = model.forest.trees[i];
      expect(tree.feature, `tree ${i}`).toEqual(fitted?.feature);
      for (const [j, leaf] of tree.leaf.entries())
        expect(leaf, `tree ${i}`).toBeCloseTo(fitted?.leaf[j] ?? Number.NaN, 4);
    }
  }, 120_000);

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
});
