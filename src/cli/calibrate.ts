import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  collectExamples,
  countSetWords,
  fitConfidence,
  labelRows,
  learnedWordsSource,
  modelSource,
  WRONG_COST,
} from "../calibrate/fit-confidence.js";
import { SETS_DIR, trainingSets } from "../calibrate/question-sets.js";
import { LEARNED_WORDS_FILE } from "../knowledge/files.js";
import { loadKnowledge } from "../knowledge/load.js";
import { countProblems } from "../knowledge/problems.js";
import { describeCliError, parseCommandLine, readSettings } from "./command-line.js";

const USAGE = `usage: npm run calibrate

  Refits the confidence model on the knowledge in the bot's KNOWLEDGE_DIR (from the environment or .env,
  else ./knowledge) and tests/sets (with its measured/ folder), and writes src/answer/confidence-model.ts
  and the knowledge's learned-words.json.`;

// Fits the confidence model on the facts' own questions (held out) and the sets in tests/sets and
// tests/sets/measured, and writes src/answer/confidence-model.ts and the word model's counts of those sets
// (knowledge/learned-words.json). Run it after changing the knowledge, the sets or the engine's features.
let dir: string;
try {
  const { values } = parseCommandLine(process.argv.slice(2), {
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  dir = readSettings().knowledgeDir;
} catch (error) {
  console.error(describeCliError(error, USAGE));
  process.exit(2);
}
const { knowledge, problems } = await loadKnowledge(dir);
if (!knowledge) {
  console.error(`the knowledge in ${dir} has ${countProblems(problems).errors} errors: run npm run validate`);
  process.exit(1);
}
const started = Date.now();
const sets = trainingSets();
const labelled = labelRows(knowledge, sets);
const examples = collectExamples(knowledge, sets, labelled);
const { model, report } = fitConfidence(examples);
const target = join(import.meta.dirname, "../answer/confidence-model.ts");
const summary = `${examples.length} examples from the facts' own questions and ${[...sets.keys()].join(", ")}`;
writeFileSync(target, modelSource(model, summary));
const wordsFile = join(dir, LEARNED_WORDS_FILE);
writeFileSync(wordsFile, learnedWordsSource(countSetWords(labelled)));

console.log(`fitted on ${summary} (${SETS_DIR}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`answer at confidence ≥ ${model.answerAt} (a wrong answer costs ${WRONG_COST} right ones)`);
for (const [origin, r] of Object.entries(report)) {
  console.log(`  ${origin.padEnd(32)} ${r.questions} questions: ${r.right} answered right, ${r.wrong} wrong`);
}
console.log(`  ${model.forest.trees.length} trees of depth ${model.forest.depth}`);
console.log(`wrote ${target} and ${wordsFile}`);
