import { plural } from "../common/plural.js";
import { formatProblem } from "../knowledge/problems.js";
import type { ReloadDiff } from "./diff.js";
import type { ReloadResult } from "./result.js";

/**
 * One paragraph for the /reload reply and the log line: the outcome, what changed, and on failure the errors
 * (at most `maxProblems` of them, so a Telegram message stays under its length limit).
 */
export function describeReload(result: ReloadResult, { maxProblems = 15, maxIds = 20 } = {}): string {
  const ids = (list: string[]) =>
    list.length <= maxIds
      ? list.join(", ")
      : `${list.slice(0, maxIds).join(", ")}, … (${list.length - maxIds} more)`;
  const changes = (diff: ReloadDiff) => {
    const lines = (
      [
        ["added", diff.added],
        ["removed", diff.removed],
        ["changed", diff.changed],
      ] as const
    )
      .filter(([, list]) => list.length > 0)
      .map(([label, list]) => `${label} ${list.length}: ${ids(list)}`);
    return lines.length ? lines.join("\n") : "no fact changed";
  };

  if (result.ok) {
    const warnings = result.problems.length;
    return [
      `Knowledge reloaded: ${plural(result.facts, "fact")} (was ${result.previousFacts}).`,
      changes(result.diff),
      ...(result.lexiconChanged ? ["lexicon.yaml changed: questions are read with the new one"] : []),
      ...(warnings ? [`${plural(warnings, "warning")} (see the log or npm run validate).`] : []),
    ].join("\n");
  }
  if (result.refused) {
    const { removed, before, share, maxDrop } = result.refused;
    return [
      `Reload refused: the new knowledge removes ${removed} of ${before} facts (${percent(share)}), more than the ` +
        `allowed ${percent(maxDrop)} (RELOAD_MAX_DROP). Still serving the previous ${plural(before, "fact")}.`,
      changes(result.diff),
      "If this is intended, send /reload force.",
    ].join("\n");
  }
  const errors = result.problems.filter((p) => p.severity === "error");
  const shown = errors.slice(0, maxProblems).map(formatProblem);
  if (errors.length > shown.length) shown.push(`… and ${errors.length - shown.length} more (see the log)`);
  return [
    `Reload failed: ${plural(errors.length, "error")}. Still serving the previous ${plural(result.facts, "fact")}.`,
    ...shown,
    "Fix the files (npm run validate lists every problem); the bot reloads when they are saved.",
  ].join("\n");
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
