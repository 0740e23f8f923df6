import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type InspectableEngine } from "../../src/answer/engine.js";
import { LEXICON_FILE } from "../../src/knowledge/files.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { Knowledge } from "../../src/knowledge/types.js";

const KNOWLEDGE = join(import.meta.dirname, "../../knowledge");
const REVERSE = "Is there a reward for Ukrainian pilots who defect to Russia?";

describe("the engine reads with its own knowledge's lexicon", () => {
  let root: string;
  let withLexicon: Knowledge;
  let without: Knowledge;
  let topic: InspectableEngine;
  let plain: InspectableEngine;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "factline-lexicon-"));
    await cp(KNOWLEDGE, root, { recursive: true });
    await rm(join(root, LEXICON_FILE));
    const loaded = await loadKnowledge(KNOWLEDGE);
    const loadedWithout = await loadKnowledge(root);
    expect(loadedWithout.problems.filter((p) => p.severity === "error")).toEqual([]);
    withLexicon = loaded.knowledge as Knowledge;
    without = loadedWithout.knowledge as Knowledge;
    topic = createEngine(withLexicon);
    plain = createEngine(without);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("loads and answers without knowledge/lexicon.yaml: plain matching", () => {
    expect(withLexicon.lexicon).toBeDefined();
    expect(without.lexicon).toBeUndefined();
    expect(without.facts.length).toBe(withLexicon.facts.length);
    const question = withLexicon.facts[0]?.questions.en[0] ?? "";
    expect(plain.ask(question)).toMatchObject({ answered: true, factId: withLexicon.facts[0]?.id });
  });

  it("applies no synonym, phrase or out-of-scope rule without it", () => {
    // Out of scope by the lexicon's rule, with its reason; without the lexicon nothing rules it out.
    expect(topic.inspect(REVERSE)).toMatchObject({
      inScope: false,
      outOfScope: expect.stringMatching(/Russia/),
    });
    expect(plain.inspect(REVERSE).inScope).toBe(true);
    expect(plain.inspect(REVERSE).outOfScope).toBeUndefined();
    // "bonus" and "flier" are known words only through the lexicon's synonym groups (reward, pilot).
    const features = (engine: InspectableEngine) =>
      engine.inspect("kuzminov bonus flier").candidates[0]?.features;
    expect(features(topic)?.["unknown-words"]).toBe(0);
    expect(features(plain)?.["unknown-words"]).toBeGreaterThan(0);
  });

  it("keeps two engines apart: building one does not change how the other reads", () => {
    const before = topic.inspect("kuzminov bounty aviator").matches.slice(0, 3);
    createEngine(without);
    expect(topic.inspect("kuzminov bounty aviator").matches.slice(0, 3)).toEqual(before);
    expect(topic.inspect(REVERSE).inScope).toBe(false);
  });
});
