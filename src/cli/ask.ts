import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createEngine } from "../answer/engine.js";
import { answerBody, renderText } from "../answer/render-text.js";
import type { AnswerResult } from "../answer/types.js";
import { loadKnowledge } from "../knowledge/load.js";
import { countProblems, formatProblem } from "../knowledge/problems.js";

const USAGE = `usage: npm run ask -- [--json] [--lang en|ru|uk] [--dir DIR] "question"
       npm run ask -- [--json] --batch FILE     (one question per line)`;

// stdout carries only answers (one JSON line each with --json); everything else goes to stderr.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean", default: false },
    batch: { type: "string" },
    lang: { type: "string" },
    dir: { type: "string", default: process.env.KNOWLEDGE_DIR ?? "knowledge" },
    help: { type: "boolean", short: "h", default: false },
  },
});

const questions = values.batch
  ? await readQuestions(values.batch)
  : positionals.length
    ? [positionals.join(" ")]
    : [];
if (values.help || questions.length === 0) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

const { knowledge, problems } = await loadKnowledge(resolve(values.dir));
if (!knowledge) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(
    `the knowledge in ${values.dir} has ${countProblems(problems).errors} errors: run npm run validate`,
  );
  process.exit(1);
}
const engine = createEngine(knowledge);
const language =
  values.lang === "en" || values.lang === "ru" || values.lang === "uk" ? values.lang : undefined;

for (const question of questions) {
  const result = engine.ask(question, { language });
  console.log(values.json ? JSON.stringify(toJson(question, result)) : `${renderText(result)}\n`);
}

function toJson(question: string, r: AnswerResult) {
  const used =
    r.answered && r.factId && r.citation ? [{ factId: r.factId, citation: r.citation }, ...r.more] : [];
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
