import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/**
 * A question set in the grader's format (../shared/eval/grade.mjs): "in" rows must be answered and the
 * answer must contain one of `expect` and cite one of `sources`; or, instead, name the right `facts`.
 * "out" and "near" rows must not be answered.
 */
export const questionRowSchema = z.object({
  kind: z.enum(["in", "out", "near"]),
  lang: z.enum(["en", "ru", "uk"]),
  q: z.string(),
  expect: z.array(z.string()).optional(),
  sources: z.array(z.string()).optional(),
  facts: z.array(z.string()).optional(),
});
export type QuestionRow = z.infer<typeof questionRowSchema>;

/** The project's own sets: regression tests, and the calibration's training data. */
export const SETS_DIR = join(import.meta.dirname, "../../tests/sets");

export function readQuestionSet(path: string): QuestionRow[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim())
    .map(([line, n]) => {
      const parsed = questionRowSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${n}: not a question row: ${parsed.error.message}`);
      return parsed.data;
    });
}

export function readQuestionSets(dir = SETS_DIR): Map<string, QuestionRow[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort();
  return new Map(files.map((f) => [f, readQuestionSet(join(dir, f))]));
}

/** The sets of one folder of tests/sets, named "folder/…"; none if it does not exist. */
function subfolderSets(dir: string, folder: string): [string, QuestionRow[]][] {
  const path = join(dir, folder);
  return existsSync(path)
    ? [...readQuestionSets(path)].map(([name, rows]) => [`${folder}/${name}`, rows])
    : [];
}

/**
 * The calibration's training data: every set of tests/sets and of its measured/ folder (blind sets that gave
 * README's first looks, then were fitted on).
 */
export function trainingSets(dir = SETS_DIR): Map<string, QuestionRow[]> {
  return new Map([...readQuestionSets(dir), ...subfolderSets(dir, "measured")]);
}

/**
 * The regression tests: the training sets and those of sealed/, which gave the first looks of the model that
 * ships and so are not fitted on until the next model (then they move to measured/).
 */
export function regressionSets(dir = SETS_DIR): Map<string, QuestionRow[]> {
  return new Map([...trainingSets(dir), ...subfolderSets(dir, "sealed")]);
}

// The grader's normalisation: case, odd spaces and digit grouping ("26,000" = "26000").
const norm = (s: string) => {
  let t = s.toLowerCase().replace(/[\u00a0\u202f\u2009]/g, " ");
  for (let i = 0; i < 3; i++) t = t.replace(/(\d)[ ,.'’](?=\d{3}(?!\d))/g, "$1");
  return t.replace(/\s+/g, " ");
};

/** Whether an answer (its text, the facts and the titles/publishers it cites) is right for an "in" row. */
export function answersRow(row: QuestionRow, text: string, facts: string[], cited: string[]): boolean {
  if (row.kind !== "in") return false;
  if (row.facts) return facts.some((f) => row.facts?.includes(f));
  const t = norm(text);
  const c = cited.map(norm);
  const keyOk = (row.expect ?? []).some((k) => t.includes(norm(k)));
  const sourceOk =
    c.length > 0 && (!row.sources?.length || row.sources.some((s) => c.some((x) => x.includes(norm(s)))));
  return keyOk && sourceOk;
}

/** What an engine's reply said, in the terms `answersRow` checks. */
export interface Reply {
  answered: boolean;
  text: string;
  facts: string[];
  cited: string[];
}

export interface SetScore {
  /** Right / asked per "in", "out", "near" and "in:en", "in:ru", "in:uk". */
  tally: Record<string, [right: number, asked: number]>;
  /** Answers that were not right: a wrong fact, or any answer to an out or near row. */
  wrong: string[];
}

export function scoreSet(rows: QuestionRow[], ask: (question: string) => Reply): SetScore {
  const tally: SetScore["tally"] = {};
  const wrong: string[] = [];
  for (const row of rows) {
    const reply = ask(row.q);
    const ok =
      row.kind === "in"
        ? reply.answered && answersRow(row, reply.text, reply.facts, reply.cited)
        : !reply.answered;
    if (!ok && reply.answered) wrong.push(`${row.kind}/${row.lang}: ${row.q} → ${reply.facts.join(", ")}`);
    for (const key of row.kind === "in" ? ["in", `in:${row.lang}`] : [row.kind]) {
      const [right, asked] = tally[key] ?? [0, 0];
      tally[key] = [right + (ok ? 1 : 0), asked + 1];
    }
  }
  return { tally, wrong };
}
