import { describe, expect, it } from "vitest";
import { factsShown } from "../../src/answer/citation.js";
import { answerBody } from "../../src/answer/render-text.js";
import { regressionSets, scoreSet } from "../../src/calibrate/question-sets.js";
import { realEngine } from "./real-engine.js";

// Every set in tests/sets is a regression test: written from the reports, used to fit the confidence model
// (so not a measure of first-look quality: README's "Answer quality" has those), and held to the figures
// measured when it was added, less a small margin for knowledge edits. A kind that lost its rows fails.
// tests/sets/measured holds the blind sets that gave README's first-look figures: regression tests and,
// since the seventh session, training data too (more sets written blind made the model refuse fewer right
// answers and give fewer wrong ones on the sets it was not fitted on), so their "now" figures are in-sample.
// tests/sets/sealed holds those that gave the first looks of the model that ships: not fitted on yet.
// Measured/ AA and AB gave the first looks of the seventh session's first round and were then fitted on.
const FLOORS: Record<string, { in: number; lang: number; out: number; near: number; wrong: number }> = {
  // "Now" figures of 2026-12-02 (eleventh session) with the model fitted on every set but sealed/; the near misses
  // of every set but sealed/ are also in knowledge/unanswerable.yaml, so their near-miss figures are in-sample too
  // (not first looks: README's "Answer quality" has those). Floors are those less a margin for knowledge edits and refits: 4 points in-scope, 8 for a language, 4 near misses,
  // 3 wrong answers. Expected strings of ru/uk rows in sets A–D also accept the word without its last vowel
  // ("Голос Америк" for "Голосу Америки"), as answers inflect. A first look is the set's figures before
  // anything was fitted or tuned on it.
  // now in 92% (en 92, ru 97, uk 88), out 100%, near 100%, 2 wrong
  "blind-2026-12-a.jsonl": { in: 0.88, lang: 0.79, out: 0.97, near: 0.96, wrong: 5 },
  // now in 94% (en 94, ru 95, uk 93), out 100%, near 99%, 5 wrong
  "blind-2026-12-b.jsonl": { in: 0.9, lang: 0.85, out: 0.97, near: 0.94, wrong: 8 },
  // now in 96% (en 95, ru 98, uk 95), out 100%, near 100%, 1 wrong
  "blind-2026-12-c.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 70%, near 87%, 19 wrong (6.2%); now in 97% (en 98, ru 98, uk 94), out 100%, near 100%, 0
  // wrong
  "blind-2026-12-d.jsonl": { in: 0.92, lang: 0.85, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 65%, near 88%, 15 wrong (4.9%); now in 94% (en 94, ru 94, uk 95), out 100%, near 100%, 1
  // wrong
  "blind-2026-12-e.jsonl": { in: 0.9, lang: 0.85, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 69%, near 88%, 13 wrong (4.2%); now in 96% (en 95, ru 95, uk 97), out 100%, near 99%, 3
  // wrong
  "blind-2026-12-f.jsonl": { in: 0.91, lang: 0.87, out: 0.97, near: 0.94, wrong: 6 },
  // first look: in 65%, near 91%, 11 wrong (3.6%); now in 95% (en 94, ru 94, uk 97), out 100%, near 99%, 1
  // wrong
  "blind-2026-12-g.jsonl": { in: 0.9, lang: 0.85, out: 0.97, near: 0.94, wrong: 4 },
  // first look: in 73%, near 96%, 4 wrong (1.3%); now in 97% (en 95, ru 98, uk 98), out 100%, near 100%, 0
  // wrong
  "blind-2026-12-h.jsonl": { in: 0.93, lang: 0.87, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 79%, near 87%, 13 wrong (4.2%); now in 97% (en 97, ru 95, uk 98), out 100%, near 100%, 1
  // wrong
  "blind-2026-12-i.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 70%, near 95%, 7 wrong (2.3%); now in 97% (en 95, ru 97, uk 98), out 100%, near 100%, 1
  // wrong
  "blind-2026-12-j.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 66%, near 95%, 8 wrong (2.6%); now in 91% (en 90, ru 90, uk 94), out 100%, near 99%, 6
  // wrong
  "blind-2026-12-k.jsonl": { in: 0.87, lang: 0.82, out: 0.97, near: 0.94, wrong: 9 },
  // now in 98% (en 98, ru 98, uk 98), out 100%, near 100%, 0 wrong
  "calibration-train.jsonl": { in: 0.93, lang: 0.89, out: 0.97, near: 0.96, wrong: 3 },
  // now in 97% (en 100, ru 97, uk 93), out 100%, near 100%, 0 wrong
  "paraphrases.jsonl": { in: 0.93, lang: 0.85, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 66% (en 73, ru 74, uk 50), near 92%, 11 wrong (3.6%); now in 97% (en 97, ru 98, uk 95),
  // out 100%, near 97%, 4 wrong
  "measured/blind-2026-12-l.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.93, wrong: 7 },
  // first look: in 73% (en 81, ru 77, uk 61), near 99%, 7 wrong (2.3%); now in 95% (en 94, ru 95, uk 95), out
  // 100%, near 100%, 0 wrong
  "measured/blind-2026-12-m.jsonl": { in: 0.9, lang: 0.85, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 79% (en 79, ru 79, uk 79), near 95%, 10 wrong (3.3%); now in 97% (en 97, ru 97, uk 97),
  // out 100%, near 100%, 1 wrong
  "measured/blind-2026-12-n.jsonl": { in: 0.92, lang: 0.88, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 72% (en 74, ru 71, uk 69), near 89%, 13 wrong (4.2%); now in 95% (en 92, ru 97, uk 95),
  // out 100%, near 99%, 1 wrong
  "measured/blind-2026-12-o.jsonl": { in: 0.9, lang: 0.83, out: 0.97, near: 0.94, wrong: 4 },
  // first look: in 76% (en 84, ru 76, uk 69), out 98%, near 95%, 13 wrong (4.2%), on three averaged forests;
  // now in 96% (en 97, ru 98, uk 92), out 100%, near 100%, 1 wrong
  "measured/blind-2026-12-p.jsonl": { in: 0.91, lang: 0.83, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 75% (en 76, ru 77, uk 71), near 92%, 10 wrong (3.3%), on the fourth session's starting
  // engine; now in 95% (en 94, ru 98, uk 92), out 100%, near 99%, 1 wrong
  "measured/blind-2026-12-q.jsonl": { in: 0.9, lang: 0.83, out: 0.97, near: 0.94, wrong: 4 },
  // first look: in 85% (en 89, ru 81, uk 87), near 99%, 5 wrong (1.6%), on the engine that ships; now in 98%
  // (en 98, ru 95, uk 100), out 100%, near 100%, 0 wrong
  "measured/blind-2026-12-r.jsonl": { in: 0.93, lang: 0.87, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 80% (en 85, ru 76, uk 77), near 96%, 7 wrong (2.3%), on the engine that ships (a second
  // set sealed until the end of the fourth session); now in 94% (en 95, ru 94, uk 94), out 100%, near 99%, 2
  // wrong
  "measured/blind-2026-12-s.jsonl": { in: 0.9, lang: 0.85, out: 0.97, near: 0.94, wrong: 5 },
  // first look: in 80% (en 79, ru 84, uk 76), near 99%, 7 wrong (2.3%), on the fifth session's starting
  // engine; now in 97% (en 97, ru 95, uk 98), out 100%, near 100%, 1 wrong
  "measured/blind-2026-12-t.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 80% (en 77, ru 82, uk 81), near 93%, 9 wrong (2.9%), on the engine that ships (sealed
  // until the end of the fifth session's work; the starting engine: in 73%, near 96%, 9 wrong); now in 92%
  // (en 95, ru 90, uk 92), out 100%, near 100%, 2 wrong
  "measured/blind-2026-12-u.jsonl": { in: 0.88, lang: 0.82, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 83% (en 82, ru 85, uk 81), near 96%, 4 wrong (1.3%), on the engine that ships (a second
  // set sealed until the end of the fifth session; the starting engine: in 72%, near 95%, 10 wrong); now in
  // 96% (en 94, ru 98, uk 95), out 100%, near 100%, 0 wrong
  "measured/blind-2026-12-v.jsonl": { in: 0.91, lang: 0.85, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 83% (en 87, ru 84, uk 79), near 99%, 3 wrong (1.0%), on the sixth session's starting
  // engine; now in 96% (en 97, ru 97, uk 95), out 100%, near 100%, 1 wrong
  "measured/blind-2026-12-w.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 88% (en 85, ru 89, uk 89), near 93%, 6 wrong (2.0%), on the engine that ships (sealed
  // until the end of the sixth session; the starting engine: in 87%, near 95%, 7 wrong); now in 96% (en 98,
  // ru 95, uk 95), out 100%, near 100%, 1 wrong
  "measured/blind-2026-12-x.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 87% (en 85, ru 92, uk 82), near 100%, 2 wrong (0.7%), on the engine that ships (a second
  // set sealed until the end of the sixth session; the starting engine: in 87%, near 100%, 2 wrong); now in
  // 96% (en 97, ru 97, uk 94), out 100%, near 100%, 0 wrong
  "measured/blind-2026-12-y.jsonl": { in: 0.91, lang: 0.85, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 85% (en 84, ru 84, uk 89), near 99%, 1 wrong (0.3%), on the seventh session's starting
  // engine; now in 98% (en 98, ru 100, uk 97), out 100%, near 100%, 0 wrong
  "measured/blind-2026-12-z.jsonl": { in: 0.94, lang: 0.88, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 88% (en 89, ru 87, uk 89), near 92%, 12 wrong (3.9%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z, threshold 0.77); the starting engine: in 83%,
  // 6 wrong; now in 95% (en 95, ru 95, uk 94), out 100%, near 100%, 1 wrong
  "measured/blind-2026-12-z1.jsonl": { in: 0.9, lang: 0.85, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 89% (en 90, ru 87, uk 89), near 100%, 2 wrong (0.7%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z, threshold 0.77); the starting engine: in 83%,
  // 4 wrong; now in 98% (en 95, ru 98, uk 100), out 100%, near 100%, 1 wrong
  "measured/blind-2026-12-z2.jsonl": { in: 0.93, lang: 0.87, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 86% (en 85, ru 89, uk 84), out 98%, near 91%, 10 wrong (3.3%), written blind in the
  // seventh session and run once on its engine of that hour (fitted on L to Z, threshold 0.77); the starting
  // engine: in 84%, 14 wrong; now in 96% (en 95, ru 97, uk 97), out 100%, near 99%, 3 wrong
  "measured/blind-2026-12-z3.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.94, wrong: 6 },
  // first look: in 85% (en 87, ru 84, uk 85), near 97%, 5 wrong (1.6%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z, threshold 0.77); the starting engine: in 83%,
  // 4 wrong; now in 94% (en 95, ru 95, uk 92), out 100%, near 100%, 0 wrong
  "measured/blind-2026-12-z4.jsonl": { in: 0.9, lang: 0.83, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 84% (en 85, ru 82, uk 85), near 96%, 4 wrong (1.3%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z4, threshold 0.80); the starting engine: in 83%,
  // 9 wrong; now in 94% (en 92, ru 95, uk 95), out 100%, near 100%, 0 wrong
  "measured/blind-2026-12-z5.jsonl": { in: 0.9, lang: 0.83, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 84% (en 82, ru 90, uk 81), near 88%, 14 wrong (4.6%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z4, threshold 0.80); the starting engine: in 84%,
  // 14 wrong; now in 96% (en 97, ru 98, uk 92), out 100%, near 100%, 1 wrong
  "measured/blind-2026-12-z6.jsonl": { in: 0.91, lang: 0.83, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 89% (en 89, ru 92, uk 87), near 99%, 3 wrong (1.0%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z4, threshold 0.80); the starting engine: in 89%,
  // 6 wrong; now in 97% (en 97, ru 98, uk 95), out 100%, near 100%, 1 wrong
  "measured/blind-2026-12-z7.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 89% (en 92, ru 90, uk 84), near 93%, 9 wrong (2.9%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z4, threshold 0.80); the starting engine: in 86%,
  // 10 wrong; now in 98% (en 95, ru 100, uk 98), out 100%, near 100%, 1 wrong
  "measured/blind-2026-12-z8.jsonl": { in: 0.93, lang: 0.87, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 80% (en 82, ru 81, uk 77), near 96%, 7 wrong (2.3%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z4, threshold 0.80); the starting engine: in 83%,
  // 8 wrong; now in 96% (en 95, ru 97, uk 95), out 100%, near 100%, 2 wrong
  "measured/blind-2026-12-z9.jsonl": { in: 0.91, lang: 0.87, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 86% (en 87, ru 87, uk 84), near 99%, 2 wrong (0.7%), on the engine of that hour (sealed
  // until the end of the seventh session's first round; the starting engine: in 86%, near 99%, 2 wrong); now
  // in 94% (en 94, ru 98, uk 89), out 100%, near 100%, 2 wrong
  "measured/blind-2026-12-aa.jsonl": { in: 0.89, lang: 0.8, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 88% (en 85, ru 90, uk 89), near 99%, 2 wrong (0.7%), on the engine of that hour (a second
  // set sealed until the end of the seventh session's first round; the starting engine: in 89%, near 97%, 4
  // wrong); now in 98% (en 98, ru 98, uk 97), out 100%, near 100%, 0 wrong
  "measured/blind-2026-12-ab.jsonl": { in: 0.93, lang: 0.88, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 81% (en 81, ru 82, uk 79), near 97%, 4 wrong (1.3%), on the engine that ships (sealed
  // until the end of the seventh session; the engine AA and AB measured: in 80%, 5 wrong; the starting
  // engine: in 77%, near 95%, 6 wrong); now in 96% (en 95, ru 98, uk 95), out 100%, near 100%, 0 wrong
  "measured/blind-2026-12-ac.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 81% (en 74, ru 84, uk 84), near 92%, 11 wrong (3.6%), on the engine that ships (a second
  // set sealed until the end of the seventh session; the engine AA and AB measured: in 81%, 11 wrong; the
  // starting engine: in 78%, near 93%, 13 wrong); now in 94% (en 90, ru 94, uk 97), out 100%, near 100%, 2
  // wrong
  "measured/blind-2026-12-ad.jsonl": { in: 0.89, lang: 0.82, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 80% (en 85, ru 81, uk 74), near 97%, 6 wrong (2.0%), on the eighth session's starting
  // engine (the seventh's final one); the engine with the word model, fitted without it, at 0.76: in 90%, 7
  // wrong; now in 95% (en 95, ru 92, uk 97), out 100%, near 100%, 4 wrong
  "measured/blind-2026-12-ae.jsonl": { in: 0.9, lang: 0.83, out: 0.97, near: 0.96, wrong: 7 },
  // first look: in 91% (en 89, ru 94, uk 90), near 95%, 11 wrong (3.6%), on the engine that ships (sealed
  // until the end of the eighth session; the starting engine: in 86%, near 93%, 12 wrong); now in 96% (en 95,
  // ru 98, uk 95), out 100%, near 100%, 4 wrong
  "measured/blind-2026-12-af.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 7 },
  // first look: in 90% (en 92, ru 89, uk 89), near 97%, 8 wrong (2.6%), on the engine that ships (a second
  // set sealed until the end of the eighth session; the starting engine: in 80%, near 97%, 6 wrong); now in
  // 96% (en 98, ru 94, uk 95), out 100%, near 99%, 5 wrong
  "measured/blind-2026-12-ag.jsonl": { in: 0.91, lang: 0.85, out: 0.97, near: 0.94, wrong: 8 },
  // first look: in 91% (en 95, ru 92, uk 85), near 95%, 10 wrong (3.3%), on the engine that ships (written
  // blind during the eighth session, after AF and AG, and run once; the starting engine: in 79%, 11 wrong);
  // now in 92% (en 97, ru 90, uk 89), out 100%, near 100%, 5 wrong
  "measured/blind-2026-12-ah.jsonl": { in: 0.87, lang: 0.8, out: 0.97, near: 0.96, wrong: 8 },
  // first look: in 94% (en 97, ru 98, uk 87), near 95%, 9 wrong (2.9%), on the engine that ships (written the
  // same way as AH; the starting engine: in 83%, 10 wrong); now in 96% (en 98, ru 97, uk 92), out 100%, near
  // 100%, 3 wrong
  "measured/blind-2026-12-ai.jsonl": { in: 0.91, lang: 0.83, out: 0.97, near: 0.96, wrong: 6 },
  // first look: in 83% (en 87, ru 85, uk 76), near 93%, 8 wrong (2.6%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z4, threshold 0.80); the starting engine: in 83%,
  // 11 wrong; now in 93% (en 97, ru 92, uk 90), out 100%, near 100%, 3 wrong
  "measured/blind-2026-12-z10.jsonl": { in: 0.89, lang: 0.82, out: 0.97, near: 0.96, wrong: 6 },
  // first look: in 80% (en 87, ru 77, uk 74), near 93%, 7 wrong (2.3%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z10, threshold 0.81); the starting engine: in
  // 78%, 9 wrong; now in 95% (en 98, ru 92, uk 94), out 100%, near 100%, 0 wrong
  "measured/blind-2026-12-z11.jsonl": { in: 0.9, lang: 0.83, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 81% (en 73, ru 89, uk 81), near 99%, 3 wrong (1.0%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z10, threshold 0.81); the starting engine: in
  // 81%, 6 wrong; now in 95% (en 92, ru 97, uk 95), out 100%, near 100%, 2 wrong
  "measured/blind-2026-12-z12.jsonl": { in: 0.9, lang: 0.83, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 85% (en 85, ru 85, uk 85), out 98%, near 96%, 7 wrong (2.3%), written blind in the seventh
  // session and run once on its engine of that hour (fitted on L to Z10, threshold 0.81); the starting
  // engine: in 84%, 8 wrong; now in 98% (en 98, ru 95, uk 100), out 100%, near 100%, 2 wrong
  "measured/blind-2026-12-z13.jsonl": { in: 0.93, lang: 0.87, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 82% (en 77, ru 89, uk 81), near 97%, 8 wrong (2.6%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z10, threshold 0.81); the starting engine: in
  // 84%, 8 wrong; now in 96% (en 95, ru 98, uk 95), out 100%, near 100%, 2 wrong
  "measured/blind-2026-12-z14.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 80% (en 81, ru 84, uk 74), near 97%, 5 wrong (1.6%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z10, threshold 0.81); the starting engine: in
  // 77%, 5 wrong; now in 94% (en 92, ru 98, uk 92), out 100%, near 100%, 2 wrong
  "measured/blind-2026-12-z15.jsonl": { in: 0.9, lang: 0.83, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 82% (en 79, ru 89, uk 79), near 97%, 5 wrong (1.6%), written blind in the seventh session
  // and run once on its engine of that hour (fitted on L to Z10, threshold 0.81); the starting engine: in
  // 84%, 8 wrong; now in 96% (en 95, ru 95, uk 97), out 100%, near 100%, 2 wrong
  "measured/blind-2026-12-z16.jsonl": { in: 0.91, lang: 0.87, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 84%, near 91%, 9 wrong (2.9%), written blind in the seventh session and run once on its
  // engine of that hour (the one AA and AB measured, fitted on every set to Z16, threshold 0.80); the
  // starting engine: in 84%, 7 wrong; now in 95% (en 94, ru 97, uk 94), out 100%, near 100%, 2 wrong
  "measured/blind-2026-12-z17.jsonl": { in: 0.9, lang: 0.85, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 87%, near 97%, 2 wrong (0.7%), written blind in the seventh session and run once on its
  // engine of that hour (the one AA and AB measured, fitted on every set to Z16, threshold 0.80); the
  // starting engine: in 85%, 4 wrong; now in 98% (en 97, ru 98, uk 100), out 100%, near 100%, 0 wrong
  "measured/blind-2026-12-z18.jsonl": { in: 0.94, lang: 0.88, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 88%, near 99%, 4 wrong (1.3%), written blind in the seventh session and run once on its
  // engine of that hour (the one AA and AB measured, fitted on every set to Z16, threshold 0.80); the
  // starting engine: in 89%, 4 wrong; now in 96% (en 95, ru 97, uk 97), out 100%, near 100%, 2 wrong
  "measured/blind-2026-12-z19.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 84%, near 97%, 7 wrong (2.3%), written blind in the seventh session and run once on its
  // engine of that hour (the one AA and AB measured, fitted on every set to Z16, threshold 0.80); the
  // starting engine: in 82%, 6 wrong; now in 96% (en 97, ru 95, uk 97), out 100%, near 100%, 0 wrong
  "measured/blind-2026-12-z20.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 82%, near 93%, 8 wrong (2.6%), written blind in the seventh session and run once on its
  // engine of that hour (the one AA and AB measured, fitted on every set to Z16, threshold 0.80); the
  // starting engine: in 82%, 8 wrong; now in 96% (en 97, ru 95, uk 97), out 100%, near 100%, 0 wrong
  "measured/blind-2026-12-z21.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 76%, near 99%, 3 wrong (1.0%), written blind in the seventh session and run once on its
  // engine of that hour (the one AA and AB measured, fitted on every set to Z16, threshold 0.80); the
  // starting engine: in 77%, 7 wrong; now in 96% (en 97, ru 98, uk 92), out 100%, near 100%, 1 wrong
  "measured/blind-2026-12-z22.jsonl": { in: 0.91, lang: 0.83, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 90% (en 90, ru 90, uk 89), near 96%, 8 wrong (2.6%), on the ninth session's starting
  // engine (the eighth's final one); then held out, with AF–AI and AN–AQ, to choose the ninth session's
  // mechanisms, and fitted on; now in 95% (en 94, ru 97, uk 95), out 100%, near 100%, 4 wrong
  "measured/blind-2026-12-aj.jsonl": { in: 0.91, lang: 0.85, out: 0.97, near: 0.96, wrong: 7 },
  // written blind in the ninth session; first look on its starting engine (AN–AQ pooled: in 91.0%, 2.7%
  // wrong); then held out to choose the mechanisms, and fitted on; now in 94% (en 97, ru 90, uk 94), out
  // 100%, near 100%, 3 wrong
  "measured/blind-2026-12-an.jsonl": { in: 0.89, lang: 0.82, out: 0.97, near: 0.96, wrong: 6 },
  // written and used as AN; now in 95% (en 95, ru 92, uk 97), out 100%, near 99%, 5 wrong
  "measured/blind-2026-12-ao.jsonl": { in: 0.9, lang: 0.83, out: 0.97, near: 0.94, wrong: 8 },
  // written and used as AN; now in 94% (en 92, ru 95, uk 94), out 100%, near 100%, 4 wrong
  "measured/blind-2026-12-ap.jsonl": { in: 0.89, lang: 0.83, out: 0.97, near: 0.96, wrong: 7 },
  // written and used as AN; now in 96% (en 94, ru 98, uk 95), out 100%, near 100%, 4 wrong
  "measured/blind-2026-12-aq.jsonl": { in: 0.91, lang: 0.85, out: 0.97, near: 0.96, wrong: 7 },
  // first look: in 94% (en 95, ru 92, uk 94), near 99%, 8 wrong (2.6%), on the ninth session's engine before
  // its last two fixes (sealed from the session's start; the starting engine: in 91%, 9 wrong); fitted on
  // since the tenth session; now in 94% (en 95, ru 94, uk 94), out 100%, near 100%, 8 wrong
  "measured/blind-2026-12-ak.jsonl": { in: 0.9, lang: 0.85, out: 0.97, near: 0.96, wrong: 11 },
  // first look: in 86% (en 92, ru 87, uk 79), near 96%, 5 wrong (1.6%), on the same engine as AK (the
  // starting engine: in 88%, 6 wrong); its misses showed the last two fixes; fitted on since the tenth; now
  // in 94% (en 95, ru 94, uk 94), out 100%, near 97%, 4 wrong
  "measured/blind-2026-12-al.jsonl": { in: 0.9, lang: 0.85, out: 0.97, near: 0.93, wrong: 7 },
  // first look: in 94% (en 97, ru 92, uk 92), near 97%, 5 wrong (1.6%), on the same engine as AK (the
  // starting engine: in 91%, 8 wrong); fitted on since the tenth; now in 96% (en 97, ru 94, uk 97), out 100%,
  // near 100%, 1 wrong
  "measured/blind-2026-12-am.jsonl": { in: 0.91, lang: 0.85, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 93% (en 94, ru 92, uk 94), near 97%, 5 wrong (1.6%), on the engine that ships (written
  // blind at the end of the ninth session, run once; the starting engine: in 90%, 9 wrong); fitted on since
  // the tenth; now in 96% (en 98, ru 92, uk 98), out 100%, near 100%, 2 wrong
  "measured/blind-2026-12-ar.jsonl": { in: 0.92, lang: 0.83, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 94% (en 95, ru 95, uk 92), near 97%, 6 wrong (2.0%), on the engine that ships (written
  // like AR; the starting engine: in 93%, 3 wrong); fitted on since the tenth; now in 96% (en 98, ru 97, uk
  // 94), out 100%, near 100%, 0 wrong
  "measured/blind-2026-12-as.jsonl": { in: 0.92, lang: 0.85, out: 0.97, near: 0.96, wrong: 3 },
  // first look: in 92% (en 95, ru 90, uk 92), near 97%, 7 wrong (2.3%), on the tenth session's starting
  // engine (the ninth's final one); then held out to choose the session's mechanisms, and fitted on; now in
  // 97% (en 97, ru 98, uk 97), out 100%, near 100%, 4 wrong
  "measured/blind-2026-12-at.jsonl": { in: 0.93, lang: 0.88, out: 0.97, near: 0.96, wrong: 7 },
  // first look: in 94% (en 94, ru 95, uk 92), near 99%, 3 wrong (1.0%), written and used as AT; now in 97%
  // (en 98, ru 95, uk 97), out 100%, near 100%, 2 wrong
  "measured/blind-2026-12-au.jsonl": { in: 0.92, lang: 0.87, out: 0.97, near: 0.96, wrong: 5 },
  // short plain questions (2 to 9 words; 120 in-scope, 30 off-topic, 60 near misses), written blind in the
  // tenth session; first look on its starting engine: in 79% (en 80, ru 80, uk 78), near 100%, 7 wrong
  // (3.3%); then held out to choose the mechanisms, and fitted on; now in 88% (en 90, ru 85, uk 88), out
  // 100%, near 100%, 5 wrong
  "measured/short-2026-12-sa.jsonl": { in: 0.83, lang: 0.77, out: 0.97, near: 0.96, wrong: 8 },
  // short plain questions, written as SA; first look on the starting engine: in 70% (en 73, ru 70, uk 68),
  // near 98%, 3 wrong (1.4%); fitted on; now in 81% (en 88, ru 80, uk 75), out 100%, near 100%, 1 wrong
  "measured/short-2026-12-sc.jsonl": { in: 0.76, lang: 0.67, out: 0.97, near: 0.96, wrong: 4 },
  // written as SA; first look on the starting engine: in 78% (en 88, ru 78, uk 68), near 100%, 2 wrong
  // (1.0%); fitted on; now in 89% (en 95, ru 88, uk 85), out 100%, near 100%, 2 wrong
  "measured/short-2026-12-sd.jsonl": { in: 0.85, lang: 0.77, out: 0.97, near: 0.96, wrong: 5 },
  // written as SA; first look on the starting engine: in 76% (en 78, ru 78, uk 73), near 97%, 6 wrong (2.9%);
  // held out with SA to choose the mechanisms, then fitted on; now in 82% (en 80, ru 82, uk 85), out 100%,
  // near 100%, 6 wrong
  "measured/short-2026-12-se.jsonl": { in: 0.78, lang: 0.72, out: 0.97, near: 0.96, wrong: 9 },
  // written as SA; first look on the starting engine: in 83% (en 78, ru 75, uk 98), near 97%, 5 wrong (2.4%);
  // fitted on; now in 88% (en 85, ru 85, uk 95), out 100%, near 100%, 2 wrong
  "measured/short-2026-12-sf.jsonl": { in: 0.84, lang: 0.77, out: 0.97, near: 0.96, wrong: 5 },
  // written as SA; first look on the starting engine: in 77% (en 80, ru 73, uk 78), near 98%, 4 wrong (1.9%);
  // fitted on; now in 84% (en 90, ru 78, uk 85), out 100%, near 100%, 4 wrong
  "measured/short-2026-12-sg.jsonl": { in: 0.8, lang: 0.69, out: 0.97, near: 0.96, wrong: 7 },
  // written as SA; first look on the starting engine: in 86% (en 88, ru 80, uk 90), near 95%, 5 wrong (2.4%);
  // fitted on; now in 87% (en 90, ru 82, uk 88), out 97%, near 100%, 4 wrong
  "measured/short-2026-12-sh.jsonl": { in: 0.82, lang: 0.74, out: 0.93, near: 0.96, wrong: 7 },
  // first look: in 88% (en 85, ru 89, uk 89), near 99%, 6 wrong (2.0%), on the engine that ships (written
  // blind early in the tenth session and sealed until its end; the starting engine, run afterwards: in 88%, 5
  // wrong); fitted on since the eleventh session; now in 94% (en 95, ru 95, uk 92), out 100%, near 100%, 5
  // wrong
  "measured/blind-2026-12-av.jsonl": { in: 0.9, lang: 0.83, out: 0.97, near: 0.96, wrong: 8 },
  // first look: in 90% (en 87, ru 89, uk 94), near 100%, 3 wrong (1.0%), written and run as AV (the starting
  // engine: in 91%, 3 wrong); fitted on since the eleventh session; now in 95% (en 97, ru 92, uk 97), out
  // 100%, near 100%, 2 wrong
  "measured/blind-2026-12-aw.jsonl": { in: 0.91, lang: 0.83, out: 0.97, near: 0.96, wrong: 5 },
  // first look: in 94% (en 94, ru 95, uk 94), near 96%, 4 wrong (1.3%), written and run as AV (the starting
  // engine: in 92%, 3 wrong); fitted on since the eleventh session; now in 97% (en 98, ru 95, uk 98), out
  // 100%, near 100%, 0 wrong
  "measured/blind-2026-12-ax.jsonl": { in: 0.93, lang: 0.87, out: 0.97, near: 0.96, wrong: 3 },
  // short plain questions written as SA and sealed until the end; first look: in 75% (en 73, ru 78, uk 75),
  // near 100%, 2 wrong (1.0%), on the engine that ships (the starting engine: in 68%, 3 wrong); fitted on
  // since the eleventh session; now in 79% (en 78, ru 80, uk 80), out 100%, near 100%, 3 wrong
  "measured/short-2026-12-sb.jsonl": { in: 0.75, lang: 0.69, out: 0.97, near: 0.96, wrong: 6 },
  // first look: in 90% (en 94, ru 92, uk 85), near 96%, 8 wrong (2.6%), on the eleventh session's starting
  // engine (the tenth's, refitted with AV–AX and SB); then fitted on, and its near misses listed in
  // unanswerable.yaml; now in 95% (en 98, ru 95, uk 90), out 100%, near 100%, 3 wrong
  "measured/blind-2026-12-ay.jsonl": { in: 0.9, lang: 0.82, out: 0.97, near: 0.96, wrong: 6 },
  // first look: in 94% (en 94, ru 95, uk 92), near 99%, 6 wrong (2.0%), written and run as AY; now in 96% (en
  // 95, ru 100, uk 92), out 98%, near 100%, 3 wrong
  "measured/blind-2026-12-az.jsonl": { in: 0.91, lang: 0.83, out: 0.94, near: 0.96, wrong: 6 },
  // short plain questions; first look: in 86% (en 83, ru 88, uk 88), near 98%, 5 wrong (2.4%), run as AY; now
  // in 88% (en 85, ru 88, uk 92), out 100%, near 100%, 2 wrong
  "measured/short-2026-12-si.jsonl": { in: 0.84, lang: 0.77, out: 0.97, near: 0.96, wrong: 5 },
  // short plain questions; first look: in 83% (en 88, ru 75, uk 88), near 100%, 2 wrong (1.0%), run as AY;
  // now in 88% (en 90, ru 80, uk 92), out 100%, near 100%, 1 wrong
  "measured/short-2026-12-sj.jsonl": { in: 0.83, lang: 0.72, out: 0.97, near: 0.96, wrong: 4 },
  // first look: in 95% (en 95, ru 97, uk 92), near 99%, 1 wrong (0.3%), on the engine that ships (written
  // blind early in the eleventh session and sealed until its end; the starting engine, run afterwards: in
  // 94%, 3 wrong); not fitted on; now in 95% (en 95, ru 97, uk 92), out 100%, near 99%, 1 wrong
  "sealed/blind-2026-12-ba.jsonl": { in: 0.9, lang: 0.83, out: 0.97, near: 0.94, wrong: 4 },
  // first look: in 92% (en 92, ru 95, uk 90), near 97%, 3 wrong (1.0%), written and run as BA (the starting
  // engine: in 90%, 5 wrong); not fitted on; now in 92% (en 92, ru 95, uk 90), out 100%, near 97%, 3 wrong
  "sealed/blind-2026-12-bb.jsonl": { in: 0.88, lang: 0.82, out: 0.97, near: 0.93, wrong: 6 },
  // first look: in 94% (en 97, ru 90, uk 94), near 97%, 5 wrong (1.6%), written and run as BA (the starting
  // engine: in 91%, 6 wrong); not fitted on; now in 94% (en 97, ru 90, uk 94), out 100%, near 97%, 5 wrong
  "sealed/blind-2026-12-bc.jsonl": { in: 0.89, lang: 0.82, out: 0.97, near: 0.93, wrong: 8 },
  // short plain questions written as SI and sealed until the end; first look: in 79% (en 83, ru 80, uk 75),
  // near 100%, 5 wrong (2.4%), on the engine that ships (the starting engine: in 78%, 6 wrong); not fitted
  // on; now in 79% (en 82, ru 80, uk 75), out 100%, near 100%, 5 wrong
  "sealed/short-2026-12-sk.jsonl": { in: 0.75, lang: 0.67, out: 0.97, near: 0.96, wrong: 8 },
  // short plain questions, written and run as SK; first look: in 88% (en 85, ru 85, uk 93), near 100%, 3
  // wrong (1.4%) (the starting engine: in 82%, 3 wrong); not fitted on; now in 88% (en 85, ru 85, uk 92), out
  // 100%, near 100%, 3 wrong
  "sealed/short-2026-12-sl.jsonl": { in: 0.83, lang: 0.77, out: 0.97, near: 0.96, wrong: 6 },
};

const engine = await realEngine();
const sets = regressionSets();

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
