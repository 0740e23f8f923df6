// One benchmark size in a process of its own, so its memory is measured alone.
// Usage: node dist/bench/size-worker.js <real|N> <naive sample size> <naive time budget, s> <knowledge dir>
// (after npm run build; npm run bench passes the bot's KNOWLEDGE_DIR)
// Prints one JSON line: { facts, build_ms, rss_mb, p50_ms, p99_ms, naive_p50_ms, naive_p99_ms, naive_sample, accuracy? }
import { join } from "node:path";
import { createEngine } from "../answer/engine.js";
import { answerBody } from "../answer/render-text.js";
import { loadKnowledge } from "../knowledge/load.js";
import { LANGUAGES } from "../knowledge/types.js";
import { loadDevSet, score } from "./dev-set.js";
import { naiveMatcher } from "./naive.js";
import { questionMix } from "./question-mix.js";
import { heldOutQuestions, syntheticKnowledge } from "./synthetic-knowledge.js";

const [sizeArg = "real", naiveArg = "200", naiveBudgetArg = "30", knowledgeDir] = process.argv.slice(2);
const { knowledge: real } = await loadKnowledge(knowledgeDir ?? join(import.meta.dirname, "../../knowledge"));
if (!real) throw new Error("the knowledge does not validate: run npm run validate");
const knowledge = sizeArg === "real" ? real : syntheticKnowledge(real, Number(sizeArg));
const dev = loadDevSet() ?? [];

const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const engine = createEngine(knowledge);
const buildMs = performance.now() - t0;
const rssMb = process.memoryUsage().rss / 2 ** 20;

const questions = questionMix(knowledge, dev, 2000);
const time = (fn: (q: string) => unknown, qs: string[]) =>
  qs.map((q) => {
    const s = performance.now();
    fn(q);
    return performance.now() - s;
  });
const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

time((q) => engine.ask(q), questions); // warm-up: one pass, so every code path is compiled
const ours = time((q) => engine.ask(q), questions);

const naive = naiveMatcher(knowledge);
// The naive matcher takes seconds a question from 10,000 facts on: time it on the first questions of
// the same mix until the sample or the time budget is used up (at least one question).
const theirs: number[] = [];
if (knowledge.facts.length <= 1000) time(naive, questions.slice(0, 3)); // warm-up where it is affordable
const naiveDeadline = performance.now() + Number(naiveBudgetArg) * 1000;
for (const q of questions.slice(0, Number(naiveArg))) {
  theirs.push(...time(naive, [q]));
  if (performance.now() > naiveDeadline) break;
}

const result: Record<string, unknown> = {
  facts: knowledge.facts.length,
  build_ms: round(buildMs),
  rss_mb: round(rssMb),
  rss_before_mb: round(rssBefore / 2 ** 20),
  p50_ms: round(pct(ours, 50)),
  p99_ms: round(pct(ours, 99)),
  naive_p50_ms: round(pct(theirs, 50)),
  naive_p99_ms: round(pct(theirs, 99)),
  naive_sample: theirs.length,
  questions: questions.length,
};
if (sizeArg !== "real") {
  // Retrieval as the knowledge grows: a paraphrase of a synthetic fact (one of its real fact's questions it
  // was not given) must find that fact among facts that share its place name and its subject.
  const held = heldOutQuestions(real, knowledge.facts.length, 300);
  let right = 0;
  let wrong = 0;
  for (const { question, factId } of held) {
    const r = engine.ask(question);
    if (r.answered) r.factId === factId ? right++ : wrong++;
  }
  result.retrieval = {
    asked: held.length,
    right: round(right / held.length),
    wrong: round(wrong / held.length),
  };
}
if (sizeArg === "real" && dev.length) {
  const oursScore = score(dev, (q) => {
    const r = engine.ask(q);
    return {
      answered: r.answered,
      text: answerBody(r),
      cited: r.citation ? [`${r.citation.title} ${r.citation.publisher}`] : [],
    };
  });
  const naiveScore = score(dev, (q) => {
    const hit = naive(q);
    const fact = hit ? knowledge.facts[hit.fact] : undefined;
    const source = fact ? knowledge.sources.get(fact.source) : undefined;
    const text = fact ? LANGUAGES.map((l) => fact.answer[l]).join(" ") : "";
    return { answered: !!fact, text, cited: source ? [`${source.title} ${source.publisher}`] : [] };
  });
  result.accuracy = { ours: round(oursScore.rates.all ?? 0), naive: round(naiveScore.rates.all ?? 0) };
}
console.log(JSON.stringify(result));

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
