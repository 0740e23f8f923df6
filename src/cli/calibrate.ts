import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { collectExamples, fitConfidence, modelSource, WRONG_COST } from "../calibrate/fit-confidence.js";
import { readQuestionSets, SETS_DIR } from "../calibrate/question-sets.js";
import { loadKnowledge } from "../knowledge/load.js";
import { countProblems } from "../knowledge/problems.js";

// Fits the confidence model on the facts' own questions (held out) and the sets in tests/sets, and writes
// src/answer/confidence-model.ts. Run it after changing the knowledge, the sets or the engine's features.
const dir = resolve(process.env.KNOWLEDGE_DIR ?? "knowledge");
const { knowledge, problems } = await loadKnowledge(dir);
if (!knowledge) {
  console.error(`the knowledge in ${dir} has ${countProblems(problems).errors} errors: run npm run validate`);
  process.exit(1);
}
const started = Date.now();
const sets = readQuestionSets();
const examples = collectExamples(knowledge, sets);
const { model, report } = fitConfidence(examples);
const target = join(import.meta.dirname, "../answer/confidence-model.ts");
const summary = `${examples.length} examples from the facts' own questions and ${[...sets.keys()].join(", ")}`;
writeFileSync(target, modelSource(model, summary));

console.log(`fitted on ${summary} (${SETS_DIR}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`answer at confidence ≥ ${model.answerAt} (a wrong answer costs ${WRONG_COST} right ones)`);
for (const [origin, r] of Object.entries(report)) {
  console.log(`  ${origin.padEnd(32)} ${r.questions} questions: ${r.right} answered right, ${r.wrong} wrong`);
}
console.log(`  ${model.forest.trees.length} trees of depth ${model.forest.depth}`);
console.log(`wrote ${target}`);
