import { resolve } from "node:path";
import { config as loadDotenv } from "dotenv";
import { compileLexicon } from "../answer/lexicon.js";
import { createNormalizer } from "../answer/normalize.js";
import { parseConfig } from "../config.js";
import { GAPS_USAGE, type GapsArgs, gapsReport, parseGapsArgs } from "../gaps/report.js";
import { loadKnowledge } from "../knowledge/load.js";
import { describeStorage, openStorage } from "../storage/open-storage.js";

// npm run gaps [-- --since 7d --json --feedback]: reads the same storage as the bot (DATA_DIR / REDIS_URL).
loadDotenv({ quiet: true });

let args: GapsArgs;
let settings: ReturnType<typeof parseConfig>;
try {
  args = parseGapsArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${GAPS_USAGE}`);
  process.exit(2);
}
try {
  settings = parseConfig(process.env);
} catch (error) {
  console.error(`invalid setting ${(error as Error).message}`);
  process.exit(2);
}
if (args.help) {
  console.log(GAPS_USAGE);
  process.exit(0);
}

const storage = await openStorage({ dataDir: settings.dataDir, redisUrl: settings.redisUrl }).catch(
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
try {
  // Best effort: with the knowledge at hand, fact ids come with their first question; without it, ids alone.
  const { knowledge } = await loadKnowledge(resolve(settings.knowledgeDir)).catch(() => ({
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
  });
  console.log(report);
} finally {
  await storage.close();
}
