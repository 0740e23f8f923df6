import { existsSync } from "node:fs";
import { join } from "node:path";
import { answersRow, type QuestionRow, readQuestionSet } from "../calibrate/question-sets.js";

/** The shared development set beside the project (../shared/eval/dev.jsonl), as the grader reads it. */
export const DEV_SET_PATH = join(import.meta.dirname, "../../../shared/eval/dev.jsonl");

export type DevRow = QuestionRow;

/** What a matcher said, in the terms the grader checks. */
export interface Said {
  answered: boolean;
  /** Plain answer text. */
  text: string;
  /** Title and publisher of each cited source. */
  cited: string[];
}

export function loadDevSet(path = DEV_SET_PATH): DevRow[] | undefined {
  return existsSync(path) ? readQuestionSet(path) : undefined;
}

export function isCorrect(row: DevRow, said: Said): boolean {
  if (row.kind !== "in") return !said.answered;
  return said.answered && answersRow(row, said.text, [], said.cited);
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
