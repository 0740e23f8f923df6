import { describe, expect, it } from "vitest";
import { describeReload } from "../../src/reload/messages.js";
import { error } from "./fakes.js";

describe("describeReload", () => {
  it("lists at most maxProblems errors and says how many more", () => {
    const problems = Array.from({ length: 20 }, (_, i) => error("knowledge/facts/x.yaml", i + 1));
    const text = describeReload(
      { ok: false, problems, diff: { added: [], removed: [], changed: [] }, facts: 4, previousFacts: 4 },
      { maxProblems: 3 },
    );
    expect(text.split("\n")).toEqual([
      "Reload failed: 20 errors. Still serving the previous 4 facts.",
      "knowledge/facts/x.yaml:1: quote-not-found: quote not found in source src-a (copy the words exactly)",
      "knowledge/facts/x.yaml:2: quote-not-found: quote not found in source src-a (copy the words exactly)",
      "knowledge/facts/x.yaml:3: quote-not-found: quote not found in source src-a (copy the words exactly)",
      "… and 17 more (see the log)",
      "Fix the files (npm run validate lists every problem); the bot reloads when they are saved.",
    ]);
  });

  it("says what changed on success, shortening long id lists", () => {
    const text = describeReload(
      {
        ok: true,
        problems: [],
        diff: { added: ["a", "b", "c"], removed: [], changed: ["d"] },
        facts: 12,
        previousFacts: 10,
      },
      { maxIds: 2 },
    );
    expect(text).toBe("Knowledge reloaded: 12 facts (was 10).\nadded 3: a, b, … (1 more)\nchanged 1: d");
    expect(
      describeReload({
        ok: true,
        problems: [],
        diff: { added: [], removed: [], changed: [] },
        facts: 1,
        previousFacts: 1,
      }),
    ).toBe("Knowledge reloaded: 1 fact (was 1).\nno fact changed");
  });

  it("says when the lexicon changed, which changes answers though no fact did", () => {
    const text = describeReload({
      ok: true,
      problems: [],
      diff: { added: [], removed: [], changed: [] },
      lexiconChanged: true,
      facts: 1,
      previousFacts: 1,
    });
    expect(text.split("\n")).toEqual([
      "Knowledge reloaded: 1 fact (was 1).",
      "no fact changed",
      "lexicon.yaml changed: questions are read with the new one",
    ]);
  });
});
