export type Severity = "error" | "warning";

/** One finding of the validator, printed like a linter: `file:line: rule: message (hint)`. */
export interface Problem {
  file: string;
  line?: number;
  rule: string;
  message: string;
  hint?: string;
  severity: Severity;
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const label = p.severity === "warning" ? "warning " : "";
  return `${where}: ${label}${p.rule}: ${p.message}${p.hint ? ` (${p.hint})` : ""}`;
}

export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === "error").length;
  return { errors, warnings: problems.length - errors };
}
