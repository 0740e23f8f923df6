import { describe, expect, it } from "vitest";
import { countWords, NONE, wordModel, wordModelData } from "../../src/answer/word-model.js";

// The word model: which fact a question's words ask for, counted from questions whose answer is known.

const counts = countWords([
  { terms: ["lawyer", "soldier"], classes: ["rights"] },
  { terms: ["lawyer", "legal"], classes: ["rights"] },
  { terms: ["call", "many"], classes: ["calls"] },
  { terms: ["phone", "number"], classes: [NONE] },
  // Answered by two facts (two reports of one figure): half a question each.
  { terms: ["surrender", "many"], classes: ["calls", "surrenders"] },
  { terms: ["weather"], classes: [] },
]);

describe("counting questions", () => {
  it("counts each question's words for its class, a share for each of several", () => {
    expect(counts.classes).toEqual(["rights", "calls", NONE, "surrenders"]);
    expect(counts.questions).toEqual([2, 1.5, 1, 0.5]);
    expect(counts.terms.lawyer).toEqual([0, 2]);
    expect(counts.terms.many).toEqual([1, 1.5, 3, 0.5]);
    // A question no class answers teaches nothing.
    expect(counts.terms.weather).toBeUndefined();
  });
});

describe("the model over an engine's facts", () => {
  const facts = ["calls", "rights", "pilot"];
  const data = wordModelData(facts, counts, countWords([{ terms: ["helicopter"], classes: ["pilot"] }]));
  const posterior = wordModel(data);
  const p = (terms: string[], id: string) =>
    posterior(terms)[id === NONE ? facts.length : facts.indexOf(id)] as number;

  it("maps the counts to the engine's fact numbers, merges several and drops facts it does not have", () => {
    // Questions per class (calls, rights, pilot, none): 1.5, 2, 1 and 1 of 5.5, each smoothed by one.
    const prior = [1.5, 2, 1, 1].map((n) => Math.log((n + 1) / (5.5 + 4)));
    expect([...data.logPrior]).toEqual(prior);
    // "surrenders" is not one of this engine's facts: its half of "surrender" is gone, the other half stays.
    expect(p(["surrender"], "calls")).toBeGreaterThan(0.5);
  });

  it("gives a probability to each class, most to the class whose questions used the words", () => {
    const all = posterior(["lawyer", "soldier"]);
    expect(all.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(p(["lawyer", "soldier"], "rights")).toBeGreaterThan(0.9);
    expect(p(["helicopter"], "pilot")).toBe(Math.max(...posterior(["helicopter"])));
    expect(p(["phone", "number"], NONE)).toBeGreaterThan(0.9);
  });

  it("reads only words it has seen: none at all leaves the prior, the share of questions per class", () => {
    const prior = posterior(["photosynthesis"]);
    expect(posterior([])).toEqual(prior);
    expect(p(["photosynthesis"], "rights")).toBeGreaterThan(p(["photosynthesis"], "pilot"));
    expect(p(["lawyer", "photosynthesis"], "rights")).toBeCloseTo(p(["lawyer"], "rights"), 9);
  });
});
