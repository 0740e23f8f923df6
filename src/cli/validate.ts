import { plural } from "../common/plural.js";
import { loadKnowledge } from "../knowledge/load.js";
import { countProblems, formatProblem } from "../knowledge/problems.js";
import { describeCliError, knowledgeDirArgument, parseCommandLine } from "./command-line.js";

const USAGE = `usage: npm run validate [-- DIR]

  Checks the knowledge in DIR: by default the bot's KNOWLEDGE_DIR (from the environment or .env), else
  ./knowledge. Prints every problem as file:line, then a summary; exits 1 on any error.`;

// npm run validate [-- DIR]: prints every problem like a linter, then a one-line summary.
let dir: string;
try {
  const { values, positionals } = parseCommandLine(
    process.argv.slice(2),
    { help: { type: "boolean", short: "h", default: false } },
    1,
  );
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  dir = knowledgeDirArgument(positionals[0]);
} catch (error) {
  console.error(describeCliError(error, USAGE));
  process.exit(2);
}

const { knowledge, problems } = await loadKnowledge(dir);
for (const problem of problems) console.error(formatProblem(problem));
const { errors, warnings } = countProblems(problems);
const summary = knowledge
  ? `${plural(knowledge.facts.length, "fact")}, ${plural(knowledge.sources.size, "source")}, `
  : "";
console.log(`${summary}${plural(errors, "error")}, ${plural(warnings, "warning")} in ${dir}`);
process.exitCode = errors > 0 ? 1 : 0;
