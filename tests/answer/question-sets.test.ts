import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerBody } from "../../src/answer/render-text.js";
import { readQuestionSets, SETS_DIR, scoreSet } from "../../src/calibrate/question-sets.js";
import { realEngine } from "./real-engine.js";

// Every set in tests/sets is a regression test: written from the reports, used to fit the confidence model
// (so not a measure of first-look quality: README's "Answer quality" has those), and held to the figures
// measured when it was added, less a small margin for knowledge edits. A kind that lost its rows fails.
// tests/sets/measured holds the blind sets that gave README's first-look figures: regression tests too, but
// never fitted on, so the figures stay those of the model that ships.
const FLOORS: Record<string, { in: number; lang: number; out: number; near: number; wrong: number }> = {
  // Figures of 2026-12-01 with the model fitted on the sets of tests/sets, whose near misses are also in
  // knowledge/unanswerable.yaml (in-sample, so not first looks: README's "Answer quality" has those), less a
  // margin for knowledge edits. Expected strings of ru/uk rows in sets A–D also accept the word without its
  // last vowel ("Голос Америк" for "Голосу Америки"), as answers inflect.
  // in 70% (en 74, ru 79, uk 58), out 100%, near 100%, 1 wrong
  "blind-2026-12-a.jsonl": { in: 0.66, lang: 0.53, out: 0.97, near: 0.96, wrong: 4 },
  // in 68% (en 62, ru 73, uk 69), out 100%, near 99%, 6 wrong
  "blind-2026-12-b.jsonl": { in: 0.64, lang: 0.57, out: 0.97, near: 0.95, wrong: 9 },
  // in 77% (en 81, ru 77, uk 73), out 100%, near 100%, 4 wrong
  "blind-2026-12-c.jsonl": { in: 0.73, lang: 0.68, out: 0.97, near: 0.96, wrong: 7 },
  // first look: in 70%, near 87%, 19 wrong (6.2%); now in 76% (en 76, ru 77, uk 74), out 100%, near 100%, 5
  // wrong
  "blind-2026-12-d.jsonl": { in: 0.72, lang: 0.69, out: 0.97, near: 0.96, wrong: 8 },
  // first look: in 65%, near 88%, 15 wrong (4.9%); now in 70% (en 73, ru 73, uk 65), out 100%, near 100%, 3
  // wrong
  "blind-2026-12-e.jsonl": { in: 0.66, lang: 0.6, out: 0.97, near: 0.96, wrong: 6 },
  // first look: in 69%, near 88%, 13 wrong (4.2%); now in 74% (en 81, ru 73, uk 69), out 100%, near 100%, 0
  // wrong
  "blind-2026-12-f.jsonl": { in: 0.7, lang: 0.64, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 65%, near 91%, 11 wrong (3.6%); now in 71% (en 74, ru 73, uk 66), out 100%, near 100%, 4
  // wrong
  "blind-2026-12-g.jsonl": { in: 0.67, lang: 0.61, out: 0.97, near: 0.96, wrong: 7 },
  // in 82% (en 86, ru 79, uk 80), out 100%, near 99%, 1 wrong
  "calibration-train.jsonl": { in: 0.78, lang: 0.74, out: 0.97, near: 0.95, wrong: 4 },
  // in 88% (en 88, ru 97, uk 80), out 100%, near 100%, 2 wrong
  "paraphrases.jsonl": { in: 0.84, lang: 0.75, out: 0.97, near: 0.96, wrong: 5 },
  // never fitted on, but looked at while tuning after its first look 2026-12-01: in 73% (en 74, ru 73, uk 73),
  // out 100%, near 96%, 4 wrong (1.3%); now in 76% (en 76, ru 73, uk 79), out 100%, near 97%, 5 wrong
  "measured/blind-2026-12-h.jsonl": { in: 0.72, lang: 0.68, out: 0.97, near: 0.93, wrong: 8 },
  // never fitted on; first look 2026-12-01: in 79% (en 71, ru 79, uk 87), out 100%, near 87%,
  // 13 wrong (4.2%); now in 77% (en 71, ru 73, uk 87), out 100%, near 87%, 12 wrong
  "measured/blind-2026-12-i.jsonl": { in: 0.73, lang: 0.66, out: 0.97, near: 0.83, wrong: 15 },
  // never fitted on; first look 2026-12-01: in 70% (en 73, ru 73, uk 66), out 100%, near 95%, 7 wrong (2.3%);
  // now 6 wrong (an article's outlet is no longer "which outlet interviewed him")
  "measured/blind-2026-12-j.jsonl": { in: 0.66, lang: 0.61, out: 0.97, near: 0.91, wrong: 9 },
};

const MEASURED = join(SETS_DIR, "measured");
const engine = await realEngine();
const sets = new Map([
  ...readQuestionSets(),
  ...[...(existsSync(MEASURED) ? readQuestionSets(MEASURED) : [])].map(
    ([name, rows]) => [`measured/${name}`, rows] as const,
  ),
]);

describe("question sets in tests/sets", () => {
  it("has a floor for every set", () => {
    expect([...sets.keys()].sort()).toEqual(Object.keys(FLOORS).sort());
  });

  for (const [name, rows] of sets) {
    it(`${name} holds its measured figures`, () => {
      const floor = FLOORS[name] ?? { in: 1, lang: 1, out: 1, near: 1, wrong: 0 };
      const { tally, wrong } = scoreSet(rows, (q) => {
        const r = engine.ask(q);
        const used = r.answered && r.citation ? [r, ...r.more] : [];
        return {
          answered: r.answered,
          text: answerBody(r),
          facts: used.map((f) => f.factId ?? ""),
          cited: used.flatMap((f) => (f.citation ? [`${f.citation.title} ${f.citation.publisher}`] : [])),
        };
      });
      const rate = (key: string) => {
        const [right, asked] = tally[key] ?? [0, 0];
        expect(asked, `${name} has no ${key} rows`).toBeGreaterThan(5);
        return right / asked;
      };
      const report = `${name}: ${JSON.stringify(tally)}\nwrong:\n${wrong.join("\n")}`;
      expect(rate("in"), report).toBeGreaterThanOrEqual(floor.in);
      for (const lang of ["en", "ru", "uk"])
        expect(rate(`in:${lang}`), report).toBeGreaterThanOrEqual(floor.lang);
      expect(rate("out"), report).toBeGreaterThanOrEqual(floor.out);
      expect(rate("near"), report).toBeGreaterThanOrEqual(floor.near);
      expect(wrong.length, report).toBeLessThanOrEqual(floor.wrong);
    });
  }
});
