import { plural } from "../common/plural.js";
import { feedbackRecordSchema, unansweredRecordSchema } from "../storage/log-records.js";
import type { Storage } from "../storage/storage.js";
import { type DamageReport, validRecords } from "../storage/validate.js";
import { clusterGaps, type GapCluster, type Tokenizer } from "./cluster.js";
import { type FactFeedback, summarizeFeedback } from "./feedback.js";
import { type FactLocation, formatSuggestion, type Suggestion, suggestFor } from "./suggest.js";

/** What the report shows (the command line of npm run gaps, read by cli/gaps-args.ts). */
export interface GapsArgs {
  json: boolean;
  feedback: boolean;
  suggest: boolean;
  since?: Date;
  /** The --since text as given, for the heading. */
  sinceText?: string;
  limit: number;
  help: boolean;
}

/** What the report shows of a fact besides its id: its first English question, so the id needs no lookup. */
export type FactLabel = (factId: string) => string | undefined;

export interface GapsReportInput {
  storage: Storage;
  args: GapsArgs;
  tokenize?: Tokenizer;
  factLabel?: FactLabel;
  /** Where each fact is written, for --suggest; without it no snippet can point at a file. */
  locate?: FactLocation;
  /** Where the data came from (describeStorage), for the heading. */
  where: string;
  /** Told about each record left out because it is not of its log's shape (damaged, or hand-edited). */
  onDamaged?: DamageReport;
}

/** Builds the report text (or JSON text) for the given arguments. */
export async function gapsReport(input: GapsReportInput): Promise<string> {
  const { storage, args, where } = input;
  const period = args.since
    ? `since ${args.since.toISOString().slice(0, 16).replace("T", " ")} UTC${
        args.sinceText && /[hdw]$/i.test(args.sinceText) ? ` (last ${args.sinceText})` : ""
      }`
    : "in the whole log";
  if (args.feedback) {
    const votes = validRecords(
      await storage.read("feedback", args.since),
      feedbackRecordSchema,
      input.onDamaged,
    );
    const facts = summarizeFeedback(votes);
    if (args.json) return JSON.stringify({ since: args.since?.toISOString() ?? null, facts }, null, 2);
    return formatFeedback(facts, { period, where, limit: args.limit, factLabel: input.factLabel });
  }
  const records = validRecords(
    await storage.read("unanswered", args.since),
    unansweredRecordSchema,
    input.onDamaged,
  );
  const clusters = clusterGaps(records, { tokenize: input.tokenize });
  const locate = input.locate ?? (() => undefined);
  const suggest = args.suggest ? (c: GapCluster) => suggestFor(c, locate) : undefined;
  if (args.json) {
    const listed = clusters.map((c) => (suggest ? { ...c, suggestion: suggest(c) } : c));
    return JSON.stringify(
      { since: args.since?.toISOString() ?? null, total: records.length, clusters: listed },
      null,
      2,
    );
  }
  return formatClusters(clusters, { period, where, limit: args.limit, factLabel: input.factLabel, suggest });
}

interface FormatOptions {
  period: string;
  where: string;
  limit: number;
  factLabel?: FactLabel;
  suggest?: (cluster: GapCluster) => Suggestion;
}

export function formatClusters(clusters: GapCluster[], options: FormatOptions): string {
  const { period, where, limit, factLabel, suggest } = options;
  const total = clusters.reduce((n, c) => n + c.count, 0);
  if (total === 0) return `No unanswered questions ${period} (${where}).`;
  const shown = limit > 0 ? clusters.slice(0, limit) : clusters;
  const width = String(shown.length).length;
  const lines = [
    `Unanswered questions ${period} (${where}): ${plural(total, "question")} in ${plural(clusters.length, "cluster")}, largest first.`,
    "",
  ];
  shown.forEach((cluster, i) => {
    const pad = " ".repeat(width + 2);
    const languages = Object.entries(cluster.languages)
      .sort((a, b) => b[1] - a[1])
      .map(([lang, n]) => `${lang} ${n}`)
      .join(", ");
    lines.push(
      `${String(i + 1).padStart(width)}. ${cluster.count} × ${quote(cluster.label)}  (${languages}; last ${cluster.lastAt.slice(0, 10)})`,
    );
    const others = cluster.questions.slice(1);
    if (others.length) {
      const listed = others.slice(0, 3).map((q) => `${quote(q.text)}${q.count > 1 ? ` ×${q.count}` : ""}`);
      if (others.length > 3) listed.push(`… ${plural(others.length - 3, "more wording")}`);
      lines.push(`${pad}also: ${listed.join(", ")}`);
    }
    if (cluster.nearest) {
      const { factId, score, seen } = cluster.nearest;
      const label = factLabel?.(factId);
      lines.push(
        `${pad}nearest fact: ${factId} (score ${score.toFixed(2)}, in ${seen} of ${cluster.count})${label ? ` ${quote(label)}` : ""}`,
      );
    } else {
      lines.push(`${pad}nearest fact: none`);
    }
    if (suggest) lines.push(...formatSuggestion(suggest(cluster), pad));
  });
  if (shown.length < clusters.length) {
    lines.push("", `… ${plural(clusters.length - shown.length, "more cluster")} (--limit 0 shows all)`);
  }
  lines.push(
    "",
    "A large cluster near a fact: add its wordings to that fact's questions. Far from every fact (low score):",
    "the knowledge lacks it; add a fact if a source says it (see knowledge/README.md).",
  );
  return lines.join("\n");
}

export function formatFeedback(facts: FactFeedback[], options: FormatOptions): string {
  const { period, where, limit, factLabel } = options;
  const votes = facts.reduce((n, f) => n + f.votes, 0);
  if (votes === 0) return `No feedback ${period} (${where}).`;
  const shown = limit > 0 ? facts.slice(0, limit) : facts;
  const idWidth = Math.max(4, ...shown.map((f) => f.factId.length));
  const lines = [
    `Feedback ${period} (${where}): ${plural(votes, "vote")} on ${plural(facts.length, "fact")}, most 👎 first.`,
    "(one vote per person per fact: their latest)",
    "",
    `${"fact".padEnd(idWidth)}    👍    👎`,
  ];
  for (const f of shown) {
    const label = factLabel?.(f.factId);
    lines.push(
      `${f.factId.padEnd(idWidth)}  ${String(f.up).padStart(4)}  ${String(f.down).padStart(4)}${label ? `  ${quote(label)}` : ""}`,
    );
    const asked = f.downQuestions
      .slice(0, 3)
      .map((q) => `${quote(q.text)}${q.count > 1 ? ` ×${q.count}` : ""}`);
    if (asked.length) lines.push(`${" ".repeat(idWidth + 2)}👎 after: ${asked.join(", ")}`);
  }
  if (shown.length < facts.length)
    lines.push("", `… ${plural(facts.length - shown.length, "more fact")} (--limit 0 shows all)`);
  return lines.join("\n");
}

function quote(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return `"${short}"`;
}
