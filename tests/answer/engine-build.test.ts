import { beforeAll, expect, it } from "vitest";
import { createEngine } from "../../src/answer/engine.js";
import { type Knowledge, LANGUAGES } from "../../src/knowledge/types.js";
import { realEngine, realKnowledge } from "./real-engine.js";

// The other answer tests build their engine once, before their tests; this one builds it inside the test, so
// that what building does (the index, the term ids, the links between facts) is checked by what it answers.
// From a quarter of the real facts (and the one the typo below asks for), with the real sources, lexicon and
// unanswerable questions: a mutation run builds it once for every mutant of the building code.

const PAID = "How much was the helicopter pilot Kuzminov paid?";
let knowledge: Knowledge;
beforeAll(async () => {
  const real = await realKnowledge();
  const paid = (await realEngine()).ask(PAID).factId;
  knowledge = { ...real, facts: real.facts.filter((f, i) => i % 4 === 0 || f.id === paid) };
});

it("an engine built from the knowledge answers each fact's own questions with that fact, and nothing off topic", () => {
  const engine = createEngine(knowledge);
  const notJudged: string[] = [];
  let answered = 0;
  let asked = 0;
  for (const fact of knowledge.facts) {
    for (const lang of LANGUAGES) {
      const question = fact.questions[lang][0] as string;
      asked += 1;
      // Among the facts the confidence model judges, whatever model is fitted: the matcher's part.
      if (!engine.inspect(question).candidates.some((c) => c.factId === fact.id)) {
        notJudged.push(`${lang} ${fact.id}`);
      }
      const result = engine.ask(question);
      if (result.answered && result.factId === fact.id) answered += 1;
    }
  }
  expect(notJudged).toEqual([]);
  // Whether each is answered depends on the fitted model and its threshold (all but one or two on 2026-12-01,
  // and `npm run calibrate` refits them): only that nearly all are.
  expect(answered / asked).toBeGreaterThan(0.95);
  for (const question of ["What is the capital of France?", "2+2", "Какая погода завтра в Берлине?"]) {
    expect(engine.ask(question).answered, question).toBe(false);
  }
  const typo = engine.ask("how much was the helicoptr pilot kuzminv paid");
  expect(typo).toMatchObject({
    answered: true,
    factId: engine.ask(PAID).factId,
  });
});
