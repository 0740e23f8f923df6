import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { knowledgeCoverage } from "../knowledge/coverage.js";
import { loadKnowledge } from "../knowledge/load.js";
import { countProblems, formatProblem } from "../knowledge/problems.js";

// npm run coverage [-- --json] [-- DIR]: per source, the article's sentences no fact quotes.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(`usage: npm run coverage -- [--json] [DIR]

  For each source in DIR (default ./knowledge), the share of its article's sentences that facts quote, and
  the sentences no fact quotes, with their file:line. A sentence no fact needs goes into the source's
  front matter under not_covered (its first words and why), and then counts as explained.`);
  process.exit(0);
}
const dir = resolve(positionals[0] ?? process.env.KNOWLEDGE_DIR ?? "knowledge");
const { knowledge, problems } = await loadKnowledge(dir);
if (!knowledge) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`the knowledge in ${dir} has ${countProblems(problems).errors} errors: run npm run validate`);
  process.exit(1);
}
const report = knowledgeCoverage(knowledge);
if (values.json) {
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
