import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { factsShown } from "../answer/citation.js";
import { isLang } from "../answer/language.js";
import { answerBody, renderText } from "../answer/render-text.js";
import type { AnswerResult } from "../answer/types.js";
import type { Config } from "../config.js";
import { countProblems, formatProblem } from "../knowledge/problems.js";
import { LANGUAGES, type Lang } from "../knowledge/types.js";
import { cachedBuild } from "../reload/cached-build.js";
import { INDEX_CACHE_DIR } from "../reload/index-cache.js";
import { describeCliError, parseCommandLine, readSettings, UsageError } from "./command-line.js";

const USAGE = `usage: npm run ask -- [--json] [--lang en|ru|uk] [--dir DIR] "question"
       npm run ask -- [--json] [--lang en|ru|uk] [--dir DIR] --batch FILE     (one question per line)

  Answers from the knowledge in DIR: by default the bot's KNOWLEDGE_DIR (from the environment or .env), else
  ./knowledge.`;

// stdout carries only answers (one JSON line each with --json); everything else goes to stderr.
let options: {
  json: boolean;
  batch?: string;
  language?: Lang;
  dir: string;
  question: string;
  cacheDir?: string;
};
try {
  const { values, positionals } = parseCommandLine(
    process.argv.slice(2),
    {
      json: { type: "boolean", default: false },
      batch: { type: "string" },
      lang: { type: "string" },
      dir: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    Number.POSITIVE_INFINITY,
  );
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const { lang } = values;
  if (lang !== undefined && !isLang(lang)) {
    throw new UsageError(`--lang: expected one of ${LANGUAGES.join(", ")}, got "${lang}"`);
  }
  const question = positionals.join(" ");
  if (values.batch !== undefined && question)
    throw new UsageError("give either a question or --batch FILE, not both");
  if (values.batch === undefined && !question.trim()) throw new UsageError("no question given");
  // With --dir, settings the bot could not start with do not stop an answer: only the cache is skipped.
  let settings: Config | undefined;
  try {
    settings = readSettings();
  } catch (error) {
    if (values.dir === undefined) throw error;
  }
  options = {
    json: values.json,
    batch: values.batch,
    language: lang,
    // The directory `npm start` reads unless one is named here.
    dir: values.dir ?? (settings as Config).knowledgeDir,
    question,
    // The bot's index cache (DATA_DIR/index-cache): unchanged knowledge is answered from without building.
    ...(settings ? { cacheDir: join(settings.dataDir, INDEX_CACHE_DIR) } : {}),
  };
} catch (error) {
  console.error(describeCliError(error, USAGE));
  process.exit(2);
}

const questions = options.batch === undefined ? [options.question] : await readQuestions(options.batch);
// On this thread: a CLI has nothing to answer meanwhile, and a worker would only add its start-up.
const built = await cachedBuild({ cacheDir: options.cacheDir, inWorker: false })(options.dir);
const { engine } = built;
if (!engine) {
  const problems = built.engineFailure ? [...built.problems, built.engineFailure] : built.problems;
  for (const p of problems) console.error(formatProblem(p));
  console.error(
    `the knowledge in ${options.dir} has ${countProblems(problems).errors} errors: run npm run validate -- ${options.dir}`,
  );
  process.exit(1);
}
for (const question of questions) {
  const result = engine.ask(question, { language: options.language });
  console.log(
    options.json ? JSON.stringify(toJson(question, result)) : `${renderText(result, engine.knowledge)}\n`,
  );
}

function toJson(question: string, r: AnswerResult) {
  const used = factsShown(r);
  const sources = [...new Map(used.map((f) => [f.citation.sourceId, f.citation])).values()];
  return {
    question,
    answered: r.answered,
    ...(r.smallTalk ? { small_talk: r.smallTalk } : {}),
    language: r.language,
    confidence: r.score,
    answer: answerBody(r),
    facts: used.length
      ? used.map((f) => ({ id: f.factId }))
      : r.nearest.map((n) => ({ id: n.factId, score: n.score })),
    sources: sources.map((c) => ({
      id: c.sourceId,
      title: c.title,
      publisher: c.publisher,
      date: c.published,
      url: c.url,
    })),
  };
}

async function readQuestions(file: string): Promise<string[]> {
  try {
    // Blank lines are kept: the output must line up with the input, one result per line.
    const lines = (await readFile(file, "utf8")).split(/\r?\n/);
    if (lines.at(-1) === "") lines.pop();
    return lines;
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    process.exit(2);
  }
}
