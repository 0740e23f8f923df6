import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { createEngine } from "../../src/answer/engine.js";
import { loadKnowledge } from "../../src/knowledge/load.js";

// Our own held-out-style set, written from the articles without seeing the facts' question lists:
// in-scope rows name every fact that answers them; out-of-scope and near-miss rows must not be answered.
interface Row {
  kind: "in" | "out" | "near";
  lang: "en" | "ru" | "uk";
  q: string;
  facts?: string[];
}
const rows = readFileSync(join(import.meta.dirname, "../fixtures/paraphrases.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Row);

it("answers paraphrases with the right fact and abstains on the rest", async () => {
  const { knowledge } = await loadKnowledge(join(import.meta.dirname, "../../knowledge"));
  if (!knowledge) throw new Error("knowledge does not validate");
  const engine = createEngine(knowledge);
  const tally: Record<string, [number, number]> = {};
  const wrong: string[] = [];
  for (const row of rows) {
    const r = engine.ask(row.q);
    const ok = row.kind === "in" ? r.answered && (row.facts ?? []).includes(r.factId ?? "") : !r.answered;
    if (!ok && r.answered) wrong.push(`${row.kind}/${row.lang}: ${row.q} → ${r.factId}`);
    for (const key of [row.kind, `in:${row.lang}`]) {
      if (key.startsWith("in:") && row.kind !== "in") continue;
      const [good, all] = tally[key] ?? [0, 0];
      tally[key] = [good + (ok ? 1 : 0), all + 1];
    }
  }
  // A category that lost its rows must fail, not score 100%.
  for (const key of ["in", "out", "near", "in:en", "in:ru", "in:uk"])
    expect(tally[key]?.[1], key).toBeGreaterThan(10);
  const rate = (key: string) => (tally[key] ? tally[key][0] / tally[key][1] : 0);
  // Measured at 95% / 100% / 100% with 2 wrong answers; the floors leave room for knowledge edits.
  expect(rate("in")).toBeGreaterThanOrEqual(0.88);
  for (const lang of ["en", "ru", "uk"]) expect(rate(`in:${lang}`)).toBeGreaterThanOrEqual(0.8);
  expect(rate("out")).toBeGreaterThanOrEqual(0.95);
  expect(rate("near")).toBeGreaterThanOrEqual(0.92);
  expect(wrong.length, wrong.join("\n")).toBeLessThanOrEqual(3);
});
