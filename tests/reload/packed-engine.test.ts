import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type InspectableEngine } from "../../src/answer/engine.js";
import { misspell } from "../../src/bench/question-mix.js";
import { seededRandom } from "../../src/common/seeded-random.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { type Knowledge, LANGUAGES } from "../../src/knowledge/types.js";
import { buildInWorker } from "../../src/reload/build-thread.js";
import { digestKnowledge } from "../../src/reload/diff.js";
import { openPacked } from "../../src/reload/packed-build.js";

// The bot's path (a worker loads, validates and builds, hands one buffer over, the engine is made from it)
// against createEngine on the same knowledge: nothing may be lost or changed on the way.
const KNOWLEDGE = join(import.meta.dirname, "../../knowledge");

let knowledge: Knowledge;
let reference: InspectableEngine;
let built: ReturnType<typeof openPacked>;
let questions: string[];

beforeAll(async () => {
  const loaded = await loadKnowledge(KNOWLEDGE);
  if (!loaded.knowledge) throw new Error("the knowledge does not validate");
  knowledge = loaded.knowledge;
  reference = createEngine(knowledge);
  const packed = await buildInWorker({ dir: KNOWLEDGE });
  if (!packed.buffer) throw new Error(`the worker built nothing: ${JSON.stringify(packed.problems)}`);
  built = openPacked(packed.buffer);
  // A few hundred of the facts' own questions, as written and with a typo, and the known unanswerable ones.
  const random = seededRandom(5);
  const own = knowledge.facts.flatMap((f) => LANGUAGES.flatMap((lang) => f.questions[lang]));
  const sample = own.filter((_, i) => i % 8 === 0);
  const unanswerable = LANGUAGES.flatMap((lang) => knowledge.unanswerable?.[lang] ?? []).slice(0, 30);
  questions = [...sample, ...sample.map((q) => misspell(q, random)), ...unanswerable, "thanks!", "2+2"];
}, 120_000);

describe("an engine built in a worker and handed over", () => {
  it("answers like createEngine: the same fact, confidence and reply to every question", () => {
    expect(questions.length).toBeGreaterThan(300);
    for (const q of questions) expect(built.engine.ask(q), q).toEqual(reference.ask(q));
  });

  it("judges the same candidates with the same features", () => {
    for (const q of questions.slice(0, 150)) {
      const a = built.engine.inspect(q);
      const b = reference.inspect(q);
      expect(a.candidates, q).toEqual(b.candidates);
      expect(a.matches.slice(0, 5), q).toEqual(b.matches.slice(0, 5));
    }
  });

  it("answers each fact directly, titles it and samples questions like createEngine", () => {
    for (const fact of knowledge.facts) {
      for (const lang of LANGUAGES) {
        expect(built.engine.answerFact(fact.id, lang)).toEqual(reference.answerFact(fact.id, lang));
        expect(built.engine.question(fact.id, lang)).toBe(fact.questions[lang][0]);
      }
    }
    for (const lang of LANGUAGES)
      expect(built.engine.sampleQuestions(lang, 3)).toEqual(reference.sampleQuestions(lang, 3));
    expect(built.engine.answerFact("no-such-fact", "en")).toBeUndefined();
  });

  it("tells the bot what the knowledge is, without the sources' text", () => {
    expect(built.engine.knowledge.factIds).toEqual(knowledge.facts.map((f) => f.id));
    expect([...built.engine.knowledge.sources.keys()]).toEqual([...knowledge.sources.keys()]);
    for (const source of built.engine.knowledge.sources.values()) expect(source).not.toHaveProperty("text");
    expect(built.engine.knowledge.about).toEqual(knowledge.about);
  });

  it("comes with the digest of its knowledge, for the next reload to compare with", () => {
    const digest = digestKnowledge(knowledge);
    expect(built.digest.factIds).toEqual(digest.factIds);
    expect([...built.digest.prints]).toEqual([...digest.prints]);
    expect(built.digest.lexicon).toBe(digest.lexicon);
  });
});
