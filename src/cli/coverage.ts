import { relative } from "node:path";
import { knowledgeCoverage } from "../knowledge/coverage.js";
import { loadKnowledge } from "../knowledge/load.js";
import { countProblems, formatProblem } from "../knowledge/problems.js";
import { describeCliError, knowledgeDirArgument, parseCommandLine } from "./command-line.js";

const USAGE = `usage: npm run coverage -- [--json] [DIR]

  For each source in DIR (default: the bot's KNOWLEDGE_DIR from the environment or .env, else ./knowledge),
  the share of its article's sentences that facts quote, and the sentences no fact quotes, with their
  file:line. A sentence no fact needs goes into the source's front matter under not_covered (its first words
  and why), and then counts as explained.`;

// npm run coverage [-- --json] [-- DIR]: per source, the article's sentences no fact quotes.
let json: boolean;
let dir: string;
try {
  const { values, positionals } = parseCommandLine(
    process.argv.slice(2),
    {
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    1,
  );
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  json = values.json;
  dir = knowledgeDirArgument(positionals[0]);
} catch (error) {
  console.error(describeCliError(error, USAGE));
  process.exit(2);
}
const { knowledge, problems } = await loadKnowledge(dir);
if (!knowledge) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`the knowledge in ${dir} has ${countProblems(problems).errors} errors: run npm run validate`);
  process.exit(1);
}
const report = knowledgeCoverage(knowledge);
if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  for (const source of report) {
    const open = source.sentences.filter((s) => !s.covered && !s.why);
    const file = relative(process.cwd(), source.file) || source.file;
    console.log(
      `${file}: ${Math.round(source.share * 100)}% of ${source.sentences.length} sentences quoted or explained`,
    );
    for (const s of open)
      console.log(`  ${file}:${s.line}: ${s.text.length > 140 ? `${s.text.slice(0, 139)}…` : s.text}`);
    for (const starts of source.unusedNotCovered)
      console.log(`  ${file}: not_covered "${starts}" explains no uncovered sentence: remove it`);
  }
}
