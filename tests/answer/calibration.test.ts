import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FEATURE_NAMES } from "../../src/answer/confidence.js";
import { CONFIDENCE_MODEL } from "../../src/answer/confidence-model.js";
import { fitLogistic, predict } from "../../src/answer/logistic.js";
import { collectExamples, fitConfidence } from "../../src/calibrate/fit-confidence.js";
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
    for (const [i, name] of FEATURE_NAMES.entries()) {
      expect(CONFIDENCE_MODEL.weights[i], name).toBeCloseTo(model.weights[i] ?? Number.NaN, 4);
    }
    expect(CONFIDENCE_MODEL.bias).toBeCloseTo(model.bias, 4);
    expect(CONFIDENCE_MODEL.answerAt).toBe(model.answerAt);
  });

  it("fits a separable toy problem and predicts on the right side", () => {
    const xs = [[0], [0.1], [0.2], [0.8], [0.9], [1]];
    const ys = [0, 0, 0, 1, 1, 1];
    const m = fitLogistic(xs, ys, { l2: 0.1 });
    expect(predict(m, [0.05])).toBeLessThan(0.3);
    expect(predict(m, [0.95])).toBeGreaterThan(0.7);
    // sample weights: a heavy negative at 0.9 pulls the prediction there down
    const weighted = fitLogistic([...xs, [0.9]], [...ys, 0], { l2: 0.1, weights: [1, 1, 1, 1, 1, 1, 20] });
    expect(predict(weighted, [0.9])).toBeLessThan(predict(m, [0.9]));
  });
});
