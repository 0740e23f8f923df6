import type { Lang } from "../knowledge/types.js";
import type { GapCluster } from "./cluster.js";

/** Where a fact is written: to point a maintainer at the lines to edit. */
export type FactLocation = (factId: string) => { file: string; line: number } | undefined;

/** A nearest fact scoring below this is a neighbour of the gap, not its answer. */
export const SUGGEST_MIN_SCORE = 0.3;

export type Suggestion =
  | { kind: "add-questions"; factId: string; file: string; line: number; language: Lang; yaml: string }
  | { kind: "new-fact"; reason: string };

/**
 * What to do about one cluster of unanswered questions: add its wordings to the nearest fact (as a YAML
 * snippet for that fact's questions in the cluster's main language), or a new fact or source when no fact
 * is close. It suggests; a maintainer reads the fact and decides.
 */
export function suggestFor(cluster: GapCluster, locate: FactLocation): Suggestion {
  const near = cluster.nearest;
  const at = near ? locate(near.factId) : undefined;
  if (!near || !at || near.score < SUGGEST_MIN_SCORE) {
    return {
      kind: "new-fact",
      reason: near
        ? `the nearest fact (${near.factId}, score ${near.score.toFixed(2)}) is about something else`
        : "no fact shares its words",
    };
  }
  const language = (Object.entries(cluster.languages).sort((a, b) => b[1] - a[1])[0]?.[0] ?? "en") as Lang;
  const lines = cluster.questions.slice(0, 5).map((q) => `      - ${JSON.stringify(q.text)}`);
  return {
    kind: "add-questions",
    factId: near.factId,
    file: at.file,
    line: at.line,
    language,
    yaml: [`  questions:`, `    ${language}:`, ...lines].join("\n"),
  };
}

/** The suggestion as lines under a cluster in the text report. */
export function formatSuggestion(s: Suggestion, pad: string): string[] {
  if (s.kind === "new-fact") {
    return [`${pad}suggest: no fact is close (${s.reason}): needs a new fact, or a source that says it`];
  }
  return [
    `${pad}suggest: if ${s.factId} answers these, add them to its ${s.language} questions at ${s.file}:${s.line}:`,
    ...s.yaml.split("\n").map((l) => `${pad}  ${l}`),
  ];
}
