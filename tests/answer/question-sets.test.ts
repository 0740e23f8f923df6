import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { factsShown } from "../../src/answer/citation.js";
import { answerBody } from "../../src/answer/render-text.js";
import { readQuestionSets, SETS_DIR, scoreSet } from "../../src/calibrate/question-sets.js";
import { realEngine } from "./real-engine.js";

// Every set in tests/sets is a regression test: written from the reports, used to fit the confidence model
// (so not a measure of first-look quality: README's "Answer quality" has those), and held to the figures
// measured when it was added, less a small margin for knowledge edits. A kind that lost its rows fails.
// tests/sets/measured holds the blind sets that gave README's first-look figures: regression tests too, but
// never fitted on, so the figures stay those of the model that ships.
const FLOORS: Record<string, { in: number; lang: number; out: number; near: number; wrong: number }> = {
  // Figures of 2026-12-01 (fourth session) with the model fitted on the sets of tests/sets, whose near misses
  // are also in knowledge/unanswerable.yaml (in-sample, so not first looks: README's "Answer quality" has
  // those), less a margin for knowledge edits and refits: 4 points in-scope, 8 for a language, 4 near misses,
  // 3 wrong answers. Expected strings of ru/uk rows in sets A–D also accept the word without its last vowel
  // ("Голос Америк" for "Голосу Америки"), as answers inflect. A first look is the set's figures before
  // anything was fitted or tuned on it.
  // now in 77% (en 82, ru 79, uk 70), out 100%, near 100%, 1 wrong
  "blind-2026-12-a.jsonl": { in: 0.73, lang: 0.62, out: 0.97, near: 0.96, wrong: 4 },
  // now in 79% (en 76, ru 85, uk 75), out 100%, near 97%, 4 wrong
  "blind-2026-12-b.jsonl": { in: 0.75, lang: 0.67, out: 0.97, near: 0.93, wrong: 7 },
  // now in 84% (en 85, ru 89, uk 77), out 100%, near 100%, 1 wrong
  "blind-2026-12-c.jsonl": { in: 0.8, lang: 0.69, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 70%, near 87%, 19 wrong (6.2%); now in 78% (en 79, ru 82, uk 74), out 100%, near 100%, 5
  // wrong
  "blind-2026-12-d.jsonl": { in: 0.74, lang: 0.66, out: 0.97, near: 0.96, wrong: 8 },
  // first look: in 65%, near 88%, 15 wrong (4.9%); now in 81% (en 84, ru 77, uk 81), out 100%, near 99%, 4
  // wrong
  "blind-2026-12-e.jsonl": { in: 0.77, lang: 0.69, out: 0.97, near: 0.95, wrong: 7 },
  // first look: in 69%, near 88%, 13 wrong (4.2%); now in 82% (en 87, ru 84, uk 74), out 100%, near 100%, 2
  // wrong
  "blind-2026-12-f.jsonl": { in: 0.78, lang: 0.66, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 65%, near 91%, 11 wrong (3.6%); now in 78% (en 79, ru 81, uk 74), out 100%, near 100%, 2
  // wrong
  "blind-2026-12-g.jsonl": { in: 0.74, lang: 0.66, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 73%, near 96%, 4 wrong (1.3%); now in 85% (en 87, ru 85, uk 84), out 100%, near 100%, 0
  // wrong
  "blind-2026-12-h.jsonl": { in: 0.81, lang: 0.76, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 79%, near 87%, 13 wrong (4.2%); now in 85% (en 84, ru 79, uk 92), out 100%, near 96%, 4
  // wrong
  "blind-2026-12-i.jsonl": { in: 0.81, lang: 0.71, out: 0.97, near: 0.92, wrong: 7 },
  // first look: in 70%, near 95%, 7 wrong (2.3%); now in 79% (en 76, ru 85, uk 76), out 98%, near 96%, 4 wrong
  "blind-2026-12-j.jsonl": { in: 0.75, lang: 0.68, out: 0.97, near: 0.92, wrong: 7 },
  // first look: in 66%, near 95%, 8 wrong (2.6%); now in 77% (en 84, ru 81, uk 68), out 100%, near 99%, 3
  // wrong
  "blind-2026-12-k.jsonl": { in: 0.73, lang: 0.6, out: 0.97, near: 0.95, wrong: 6 },
  // now in 90% (en 93, ru 93, uk 83), out 100%, near 100%, 1 wrong
  "calibration-train.jsonl": { in: 0.86, lang: 0.75, out: 0.97, near: 0.96, wrong: 4 },
  // now in 91% (en 90, ru 93, uk 90), out 100%, near 100%, 1 wrong
  "paraphrases.jsonl": { in: 0.87, lang: 0.82, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 66% (en 73, ru 74, uk 50), near 92%, 11 wrong (3.6%); now in 73% (en 77, ru 82, uk 58), out
  // 100%, near 93%, 7 wrong
  "measured/blind-2026-12-l.jsonl": { in: 0.69, lang: 0.5, out: 0.97, near: 0.89, wrong: 10 },
  // first look: in 73% (en 81, ru 77, uk 61), near 99%, 7 wrong (2.3%); now in 77% (en 79, ru 82, uk 71), out
  // 100%, near 99%, 5 wrong
  "measured/blind-2026-12-m.jsonl": { in: 0.73, lang: 0.63, out: 0.97, near: 0.95, wrong: 8 },
  // first look: in 79% (en 79, ru 79, uk 79), near 95%, 10 wrong (3.3%); now in 79% (en 82, ru 79, uk 76), out
  // 100%, near 95%, 12 wrong
  "measured/blind-2026-12-n.jsonl": { in: 0.75, lang: 0.68, out: 0.97, near: 0.91, wrong: 15 },
  // first look: in 72% (en 74, ru 71, uk 69), near 89%, 13 wrong (4.2%); now in 73% (en 76, ru 76, uk 68), out
  // 100%, near 93%, 10 wrong
  "measured/blind-2026-12-o.jsonl": { in: 0.69, lang: 0.6, out: 0.97, near: 0.89, wrong: 13 },
  // first look: in 76% (en 84, ru 76, uk 69), out 98%, near 95%, 13 wrong (4.2%), on three averaged forests;
  // now in 77% (en 84, ru 79, uk 69), out 100%, near 99%, 4 wrong
  "measured/blind-2026-12-p.jsonl": { in: 0.73, lang: 0.61, out: 0.97, near: 0.95, wrong: 7 },
  // first look: in 75% (en 76, ru 77, uk 71), near 92%, 10 wrong (3.3%), on the fourth session's starting
  // engine; now in 76% (en 82, ru 74, uk 73), out 100%, near 92%, 10 wrong
  "measured/blind-2026-12-q.jsonl": { in: 0.72, lang: 0.65, out: 0.97, near: 0.88, wrong: 13 },
  // first look: in 85% (en 89, ru 81, uk 87), near 99%, 5 wrong (1.6%), on the engine that ships; now in 85%
  // (en 89, ru 81, uk 87), out 100%, near 99%, 5 wrong
  "measured/blind-2026-12-r.jsonl": { in: 0.81, lang: 0.73, out: 0.97, near: 0.95, wrong: 8 },
  // first look: in 80% (en 85, ru 76, uk 77), near 96%, 7 wrong (2.3%), on the engine that ships (a second set
  // sealed until the end of the fourth session); now the same
  "measured/blind-2026-12-s.jsonl": { in: 0.76, lang: 0.68, out: 0.97, near: 0.92, wrong: 10 },
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
        // As the grader reads `npm run ask -- --json`: every fact the reply shows, with its source.
        const used = factsShown(r);
        return {
          answered: r.answered,
          text: answerBody(r),
          facts: used.map((f) => f.factId),
          cited: used.map(({ citation }) => `${citation.title} ${citation.publisher}`),
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
