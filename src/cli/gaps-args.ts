import { parseArgs } from "node:util";
import type { GapsArgs } from "../gaps/report.js";

export const GAPS_USAGE = `usage: npm run gaps -- [--since 7d|24h|2w|YYYY-MM-DD] [--json] [--limit N] [--feedback] [--suggest]

  Unanswered questions grouped by similar wording, largest cluster first, with the nearest fact.
  --suggest    for each cluster, a YAML snippet adding its wordings to the nearest fact, or "needs a new fact"
  --feedback   👍/👎 per fact instead, worst first
  --since      only records from this long ago (7d, 24h, 2w) or this date on (default: everything kept)
  --limit      clusters or facts to print (default 30, 0 = all; --json always prints all)
  --json       machine-readable output on stdout

  Reads the bot's storage: REDIS_URL when set, otherwise files under DATA_DIR (default ./data).`;

/** Parses the command line; throws an Error whose message is ready to print (with the usage) on bad input. */
export function parseGapsArgs(argv: string[], now = new Date()): GapsArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: "boolean", default: false },
      feedback: { type: "boolean", default: false },
      suggest: { type: "boolean", default: false },
      since: { type: "string" },
      limit: { type: "string", default: "30" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (!/^\d+$/.test(values.limit)) throw new Error(`--limit: expected a whole number, got "${values.limit}"`);
  return {
    json: values.json,
    feedback: values.feedback,
    suggest: values.suggest,
    since: values.since === undefined ? undefined : parseSince(values.since, now),
    sinceText: values.since,
    limit: Number(values.limit),
    help: values.help,
  };
}

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** "7d", "24h", "2w" back from now, or a date (YYYY-MM-DD, UTC midnight) or full ISO timestamp. */
export function parseSince(text: string, now = new Date()): Date {
  const relative = /^(\d+)\s*([hdw])$/i.exec(text.trim());
  if (relative) {
    const unit = (relative[2] as string).toLowerCase() as keyof typeof UNIT_MS;
    return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[unit]);
  }
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) {
    const date = new Date(/T/.test(text) ? text : `${text.trim()}T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new Error(`--since: expected a duration like 7d, 24h, 2w or a date like 2026-11-01, got "${text}"`);
}
