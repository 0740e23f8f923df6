import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The shared development set beside the project (../shared/eval/dev.jsonl), as the grader reads it. */
export const DEV_SET_PATH = join(import.meta.dirname, "../../../shared/eval/dev.jsonl");

export interface DevRow {
  kind: "in" | "out" | "near";
  lang: string;
  q: string;
  expect?: string[];
  sources?: string[];
}

/** What a matcher said, in the terms the grader checks. */
export interface Said {
  answered: boolean;
  /** Plain answer text. */
  text: string;
  /** Title and publisher of each cited source. */
  cited: string[];
}

export function loadDevSet(path = DEV_SET_PATH): DevRow[] | undefined {
  if (!existsSync(path)) return undefined;
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DevRow);
}

// The grader's normalisation: case, odd spaces and digit grouping ("26,000" = "26000").
const norm = (s: string) => {
  let t = s.toLowerCase().replace(/[\u00a0\u202f\u2009]/g, " ");
  for (let i = 0; i < 3; i++) t = t.replace(/(\d)[ ,.'’](?=\d{3}(?!\d))/g, "$1");
  return t.replace(/\s+/g, " ");
};

export function isCorrect(row: DevRow, said: Said): boolean {
  if (row.kind !== "in") return !said.answered;
  const text = norm(said.text);
  const cited = said.cited.map(norm);
  const keyOk = (row.expect ?? []).some((k) => text.includes(norm(k)));
  const sourceOk =
    cited.length > 0 &&
    (!row.sources?.length || row.sources.some((s) => cited.some((c) => c.includes(norm(s)))));
  return said.answered && keyOk && sourceOk;
}

export interface Score {
  /** Share correct per kind ("in", "out", "near"), per language ("lang:en") and overall ("all"). */
  rates: Record<string, number>;
  misses: string[];
}

export function score(rows: DevRow[], ask: (question: string) => Said): Score {
  const tally = new Map<string, [number, number]>();
  const misses: string[] = [];
  for (const row of rows) {
    const ok = isCorrect(row, ask(row.q));
    if (!ok) misses.push(`${row.kind}/${row.lang}: ${row.q}`);
    for (const key of [row.kind, `lang:${row.lang}`, "all"]) {
      const [good, all] = tally.get(key) ?? [0, 0];
      tally.set(key, [good + (ok ? 1 : 0), all + 1]);
    }
  }
  const rates: Record<string, number> = {};
  for (const [key, [good, all]] of tally) rates[key] = good / all;
  return { rates, misses };
}
