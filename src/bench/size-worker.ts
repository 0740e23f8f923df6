// One benchmark size in a process of its own, so its memory is measured alone.
// Usage: node --expose-gc dist/bench/size-worker.js <real|N> <naive sample size> <naive time budget, s>
//          <real knowledge dir> <knowledge dir to serve> <index cache dir> [--stall]
// (after npm run build; npm run bench writes the synthetic knowledge and passes the directories)
// Prints one JSON line: { facts, reload_ms, rss_mb, build_ms, p50_ms, p99_ms, naive_*, reload_stall_ms?, … }
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createEngine } from "../answer/engine.js";
import { answerBody } from "../answer/render-text.js";
import type { Engine } from "../answer/types.js";
import { loadKnowledge } from "../knowledge/load.js";
import { LANGUAGES } from "../knowledge/types.js";
import { createKnowledgeReloader } from "../reload/reloader.js";
import { loadDevSet, score } from "./dev-set.js";
import { naiveMatcher } from "./naive.js";
import { questionMix } from "./question-mix.js";
import { heldOutQuestions, syntheticKnowledge } from "./synthetic-knowledge.js";

const args = process.argv.slice(2);
const [sizeArg = "real", naiveArg = "200", naiveBudgetArg = "30", knowledgeDir = "knowledge"] = args;
const servedDir = args[4] ?? knowledgeDir;
const cacheDir = args[5];
const measureStall = args.includes("--stall");
/** Timed passes over the question mix; the one with the lowest p99 is reported. */
const LATENCY_PASSES = 3;
/** Reloads whose worst event-loop delay is measured; the median is reported (see reloadStall). */
const STALL_RELOADS = 3;

// 1. What the bot holds. Nothing is loaded on this thread first: the engine is built the bot's way, in a
// worker that loads, validates and builds the knowledge directory, hands the index over in one buffer and
// ends (filling the index cache on the way). Then RSS, after a full GC: node, the engine's modules and the
// engine, none of the build's garbage and no Knowledge objects.
const reloadStart = performance.now();
const reloader = createKnowledgeReloader({ dir: servedDir, cacheDir });
const first = await reloader.reload({ trigger: "bench" });
if (!first.ok) throw new Error(`the knowledge in ${servedDir} does not load: run npm run validate`);
const reloadMs = performance.now() - reloadStart;
const memory = await settledMemory();
const engine = reloader.current();

// 2. A reload while questions come in: the same build again, the event loop's worst delay recorded.
const stall = measureStall ? await reloadStall() : undefined;

// 3. The rest uses the knowledge itself, on this thread: timing a build, the question mix, the naive baseline.
const { knowledge: real } = await loadKnowledge(knowledgeDir);
if (!real) throw new Error("the knowledge does not validate: run npm run validate");
const knowledge = sizeArg === "real" ? real : syntheticKnowledge(real, Number(sizeArg));
if (knowledge.facts.length !== engine.knowledge.factIds.length)
  throw new Error(`${servedDir} is not the synthetic knowledge of size ${sizeArg}: remove it and run again`);
const dev = loadDevSet() ?? [];

const t0 = performance.now();
createEngine(knowledge);
const buildMs = performance.now() - t0;

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

// The engine the bot serves: the one the worker built.
time((q) => engine.ask(q), questions); // warm-up: one pass, so every code path is compiled
// The least disturbed of a few passes: on a shared machine one pass's p99 is often another process's doing.
const ours =
  Array.from({ length: LATENCY_PASSES }, () => time((q) => engine.ask(q), questions)).sort(
    (a, b) => pct(a, 99) - pct(b, 99),
  )[0] ?? [];

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
  reload_ms: round(reloadMs),
  rss_mb: round(memory.rss),
  heap_mb: round(memory.heap),
  array_buffers_mb: round(memory.arrayBuffers),
  p50_ms: round(pct(ours, 50)),
  p99_ms: round(pct(ours, 99)),
  naive_p50_ms: round(pct(theirs, 50)),
  naive_p99_ms: round(pct(theirs, 99)),
  naive_sample: theirs.length,
  questions: questions.length,
  ...(stall
    ? {
        reload_stall_ms: round(stall.reload.worstDelayMs),
        reload_stall_cpu_ms: round(stall.reload.worstRunMs),
        stall_reload_ms: round(stall.reload.ms),
        answered_during_reload: stall.reload.answered,
        stall_baseline_ms: round(stall.baseline.worstDelayMs),
        stall_baseline_cpu_ms: round(stall.baseline.worstRunMs),
      }
    : {}),
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

/** Memory in MB after two full collections a moment apart (with --expose-gc; as it is, without). */
async function settledMemory(): Promise<{ rss: number; heap: number; arrayBuffers: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  const m = process.memoryUsage();
  return { rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20, arrayBuffers: m.arrayBuffers / 2 ** 20 };
}

interface LoopWatch {
  /** The event loop's worst delay (monitorEventLoopDelay, 1 ms resolution): wall clock, scheduling included. */
  worstDelayMs: number;
  /**
   * The longest the answering thread ran between two turns of its loop, by the kernel's count of its time on a
   * CPU (Linux; elsewhere the loop's busy time, which counts waiting for a CPU too). The rest of a delay is
   * waiting for a CPU, which on a shared machine the other processes decide.
   */
  worstRunMs: number;
  ms: number;
  answered: number;
}

/** The answering thread's time on a CPU so far, ms (Linux: its schedstat); undefined where it cannot be read. */
function threadRunMs(): number | undefined {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` while a question is answered every ANSWER_EVERY_MS from the serving engine, as a busy bot's
 * would be, and records how late the event loop got.
 */
async function watchLoop(work: () => Promise<unknown>): Promise<LoopWatch> {
  const ANSWER_EVERY_MS = 10;
  const asked = ["How many calls had the hotline received?", "Кто запустил линию?", "Скільки здалося?"];
  let answered = 0;
  let running = true;
  const answer = (serving: Engine) => {
    serving.ask(asked[answered % asked.length] as string);
    answered++;
  };
  const tick = () => {
    if (!running) return;
    answer(reloader.current());
    setTimeout(tick, ANSWER_EVERY_MS);
  };
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let worstRunMs = 0;
  let ran = threadRunMs();
  let before = performance.eventLoopUtilization();
  const busy = setInterval(() => {
    const runs = threadRunMs();
    const now = performance.eventLoopUtilization();
    const stretch =
      runs !== undefined && ran !== undefined
        ? runs - ran
        : performance.eventLoopUtilization(now, before).active;
    worstRunMs = Math.max(worstRunMs, stretch);
    ran = runs;
    before = now;
  }, 1);
  delay.enable();
  tick();
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  running = false;
  clearInterval(busy);
  delay.disable();
  return { worstDelayMs: delay.max / 1e6, worstRunMs, ms, answered };
}

/**
 * STALL_RELOADS reloads (the cache emptied first, so each really builds), then as long again without one.
 * A stall the reload causes happens at every reload, so the median of the reloads' worst figures is reported;
 * a shared machine's hiccups come now and then, and the window without a reload says how large they get.
 */
async function reloadStall(): Promise<{ reload: LoopWatch; baseline: LoopWatch }> {
  const reloads: LoopWatch[] = [];
  for (let i = 0; i < STALL_RELOADS; i++) {
    if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
    reloads.push(
      await watchLoop(async () => {
        const result = await reloader.reload({ trigger: "bench" });
        if (!result.ok) throw new Error("the reload under measurement failed");
      }),
    );
  }
  const median = (pick: (w: LoopWatch) => number) =>
    reloads.map(pick).sort((a, b) => a - b)[Math.floor(reloads.length / 2)] ?? Number.NaN;
  const reload: LoopWatch = {
    worstDelayMs: median((w) => w.worstDelayMs),
    worstRunMs: median((w) => w.worstRunMs),
    ms: median((w) => w.ms),
    answered: median((w) => w.answered),
  };
  const baseline = await watchLoop(() => new Promise((resolve) => setTimeout(resolve, reload.ms)));
  return { reload, baseline };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
