import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/answer/engine.js";
import {
  FACTS_PER_PLACE,
  heldOutQuestions,
  syntheticKnowledge,
} from "../../src/bench/synthetic-knowledge.js";
import { loadKnowledge } from "../../src/knowledge/load.js";

const { knowledge: real } = await loadKnowledge(join(import.meta.dirname, "../../knowledge"));
if (!real) throw new Error("knowledge does not validate");

describe("the benchmark's synthetic knowledge", () => {
  it("makes facts share place names, so a name alone does not tell them apart", () => {
    const synthetic = syntheticKnowledge(real, 200);
    const places = new Map<string, number>();
    for (const fact of synthetic.facts) {
      const place = fact.answer.en.split(":")[0] ?? "";
      places.set(place, (places.get(place) ?? 0) + 1);
    }
    expect(places.size).toBe(200 / FACTS_PER_PLACE);
    expect(Math.min(...places.values())).toBe(FACTS_PER_PLACE);
  });

  it("is the same on every run", () => {
    expect(syntheticKnowledge(real, 50)).toEqual(syntheticKnowledge(real, 50));
  });

  it("asks paraphrases the synthetic facts were not given, and the engine finds most of them", () => {
    const synthetic = syntheticKnowledge(real, 300);
    const held = heldOutQuestions(real, 300, 60);
    expect(held).toHaveLength(60);
    const ids = new Set(synthetic.facts.map((f) => f.id));
    const own = new Set(synthetic.facts.flatMap((f) => Object.values(f.questions).flat()));
    for (const { question, factId } of held) {
      expect(ids.has(factId)).toBe(true);
      expect(own.has(question)).toBe(false);
    }
    const engine = createEngine(synthetic);
    const right = held.filter(({ question, factId }) => engine.ask(question).factId === factId).length;
    // about 60% at 300 to 3,000 facts (npm run bench reports it per size)
    expect(right / held.length).toBeGreaterThan(0.45);
  });
});
