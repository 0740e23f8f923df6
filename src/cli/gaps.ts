import { compileLexicon } from "../answer/lexicon.js";
import { createNormalizer } from "../answer/normalize.js";
import type { Config } from "../config.js";
import { type GapsArgs, gapsReport } from "../gaps/report.js";
import { loadKnowledge } from "../knowledge/load.js";
import { describeStorage, openStorage } from "../storage/open-storage.js";
import type { DamagedRecord } from "../storage/storage.js";
import { asUsageError, describeCliError, readSettings } from "./command-line.js";
import { GAPS_USAGE, parseGapsArgs } from "./gaps-args.js";

// npm run gaps [-- --since 7d --json --feedback]: reads the same storage as the bot (DATA_DIR / REDIS_URL).
let args: GapsArgs;
let settings: Config;
try {
  try {
    args = parseGapsArgs(process.argv.slice(2));
  } catch (error) {
    throw asUsageError(error);
  }
  if (args.help) {
    console.log(GAPS_USAGE);
    process.exit(0);
  }
  settings = readSettings();
} catch (error) {
  console.error(describeCliError(error, GAPS_USAGE));
  process.exit(2);
}

// Lines that cannot be read are left out of the report, and said so: a damaged log must not look empty.
const damaged: DamagedRecord[] = [];
const storage = await openStorage({
  dataDir: settings.dataDir,
  redisUrl: settings.redisUrl,
  onDamaged: (damage) => damaged.push(damage),
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
try {
  // Best effort: with the knowledge at hand, fact ids come with their first question; without it, ids alone.
  const { knowledge } = await loadKnowledge(settings.knowledgeDir).catch(() => ({
    knowledge: undefined,
  }));
  const labels = new Map(knowledge?.facts.map((f) => [f.id, f.questions.en[0] ?? ""]));
  const places = new Map(knowledge?.facts.map((f) => [f.id, { file: f.file, line: f.line }]));
  // Clustered with the knowledge's lexicon, as the engine reads questions ("chopper" and "helicopter" join).
  const { tokenize } = createNormalizer(compileLexicon(knowledge?.lexicon));
  const report = await gapsReport({
    storage,
    args,
    tokenize,
    factLabel: (id) => labels.get(id) || (knowledge ? "(no longer in the knowledge)" : undefined),
    locate: (id) => places.get(id),
    where: describeStorage(settings),
    onDamaged: (damage) => damaged.push(damage),
  });
  console.log(report);
  if (damaged.length > 0) console.error(describeDamage(damaged));
} finally {
  await storage.close();
}

function describeDamage(list: DamagedRecord[], shown = 20): string {
  const count = `${list.length} log ${list.length === 1 ? "line" : "lines"}`;
  return [
    `gaps: skipped ${count} that could not be read; the report above leaves them out:`,
    ...list.slice(0, shown).map((d) => `  ${d.where}: ${d.reason}`),
    ...(list.length > shown ? [`  … and ${list.length - shown} more`] : []),
  ].join("\n");
}
