import { resolve } from "node:path";
import { loadKnowledge } from "../knowledge/load.js";
import { countProblems, formatProblem } from "../knowledge/problems.js";

// npm run validate [-- DIR]: prints every problem like a linter, then a one-line summary.
const dir = resolve(process.argv[2] ?? "knowledge");
const { knowledge, problems } = await loadKnowledge(dir);
for (const problem of problems) console.error(formatProblem(problem));
const { errors, warnings } = countProblems(problems);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const summary = knowledge
  ? `${plural(knowledge.facts.length, "fact")}, ${plural(knowledge.sources.size, "source")}, `
  : "";
console.log(`${summary}${plural(errors, "error")}, ${plural(warnings, "warning")}`);
process.exitCode = errors > 0 ? 1 : 0;
