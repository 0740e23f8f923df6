import { execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { START_ENV, START_NODE_FLAGS } from "../bench/start-settings.js";
import { syntheticKnowledge } from "../bench/synthetic-knowledge.js";
import { writeKnowledge } from "../bench/write-knowledge.js";
import { loadKnowledge } from "../knowledge/load.js";
import { INDEX_CACHE_DIR } from "../reload/index-cache.js";
import { describeCliError, parseCommandLine, readSettings } from "./command-line.js";

const USAGE = `usage: npm run bench -- [--quick] [--json] [--dir DIR]

  Latency, start-up, memory and throughput (see README "Performance"). --quick skips 50,000 facts; --json
  adds one JSON object on the last line. The real knowledge, which the synthetic sizes are built from, is
  DIR: by default the bot's KNOWLEDGE_DIR (from the environment or .env), else ./knowledge.`;

// npm run bench [-- --quick] [-- --json]: a script, not a timed test. Each size runs in a process of
// its own (src/bench/size-worker.ts) so its memory is measured alone; see README "Performance".
let values: { quick: boolean; json: boolean };
let knowledgeDir: string;
try {
  const parsed = parseCommandLine(process.argv.slice(2), {
    quick: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    dir: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  });
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  values = parsed.values;
  // Absolute: the workers run from the project root, wherever this was started.
  knowledgeDir = resolve(parsed.values.dir ?? readSettings().knowledgeDir);
} catch (error) {
  console.error(describeCliError(error, USAGE));
  process.exit(2);
}
const root = join(import.meta.dirname, "../..");
const run = promisify(execFile);
const REAL_QUESTION = "Which agency launched the I Want to Live hotline?";
/** A synthetic fact's question (a real one with its place name): the start-up figure is for an answer. */
const SYNTHETIC_QUESTION = "How many soldiers surrendered in Kavintal?";
let startupMs = Number.NaN;
let startup10kMs = Number.NaN;
let startupColdMs = Number.NaN;
const log = (line: string) => process.stderr.write(`${line}\n`);

// The naive baseline takes seconds a question from 10,000 facts on: it is timed on at most this many
// questions of the same mix, within a time budget in seconds (the table says how many it got through).
const SIZES: [string, number, number][] = [
  ["real", 200, 10],
  ["1000", 50, 15],
  ["10000", 10, 30],
  ...(values.quick ? [] : ([["50000", 10, 30]] as [string, number, number][])),
];

/** The size whose reload is measured for stalls and whose start-up is timed from its cached index. */
const STALL_SIZE = "10000";

interface SizeResult {
  facts: number;
  p50_ms: number;
  p99_ms: number;
  naive_p50_ms: number;
  naive_p99_ms: number;
  naive_sample: number;
  build_ms: number;
  reload_ms: number;
  rss_mb: number;
  reload_stall_ms?: number;
  stall_baseline_ms?: number;
  reload_stall_cpu_ms?: number;
  stall_baseline_cpu_ms?: number;
  accuracy?: { ours: number; naive: number };
  /** Synthetic sizes: share of held-out paraphrases answered with their fact, and with another. */
  retrieval?: { asked: number; right: number; wrong: number };
}

// Measured as deployed: compiled once (npm run build) and run with plain node, not through tsx.
log("building dist/ (npm run build)…");
await run("npm", ["run", "--silent", "build"], { cwd: root });

// A DATA_DIR of the benchmark's own, for the index cache, and the synthetic knowledge as directories: each
// size is loaded, validated and built as the bot does it, from files.
const work = await mkdtemp(join(tmpdir(), "factline-bench-"));
const dataDir = join(work, "data");
const { knowledge: real } = await loadKnowledge(knowledgeDir);
if (!real) {
  console.error(`the knowledge in ${knowledgeDir} does not validate: run npm run validate`);
  process.exit(1);
}
const dirOf = (size: string) => (size === "real" ? knowledgeDir : join(work, `knowledge-${size}`));

const sizes: Record<string, SizeResult> = {};
try {
  for (const [size, naiveSample, naiveBudget] of SIZES) {
    if (size !== "real") {
      log(`size ${size}: writing the synthetic knowledge…`);
      await writeKnowledge(syntheticKnowledge(real, Number(size)), knowledgeDir, dirOf(size));
    }
    log(`size ${size}: building (in a worker, as the bot does) and timing…`);
    const { stdout } = await run(
      process.execPath,
      [
        ...START_NODE_FLAGS,
        "--expose-gc",
        "dist/bench/size-worker.js",
        size,
        String(naiveSample),
        String(naiveBudget),
        knowledgeDir,
        dirOf(size),
        join(dataDir, INDEX_CACHE_DIR),
        ...(size === STALL_SIZE ? ["--stall"] : []),
      ],
      { cwd: root, maxBuffer: 1 << 24, env: { ...process.env, ...START_ENV } },
    );
    sizes[size] = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as SizeResult;
  }

  // The size workers left each size's index in the cache: a start-up finds it, as a restarted bot would.
  log("start-up: process start to first answer, from the index cache…");
  startupMs = median(await starts(5, knowledgeDir, REAL_QUESTION, dataDir));
  startup10kMs = median(await starts(5, dirOf(STALL_SIZE), SYNTHETIC_QUESTION, dataDir));
  log("start-up without a cache: loading, validating and building the real knowledge…");
  startupColdMs = median(await starts(3, knowledgeDir, REAL_QUESTION));
} finally {
  await rm(work, { recursive: true, force: true });
}

log("end to end: the bot process against a local fake Bot API…");
const { measureThroughput } = await import("../bench/throughput.js");
// Two questions a person: the per-user rate limit (8 in 20 s) must not be what is measured.
const updatesPerS = await measureThroughput({ updates: 2000, users: 1000 });

const { accuracy } = sizes.real ?? {};
const stalled = sizes[STALL_SIZE];
const result = {
  sizes: Object.fromEntries(
    Object.entries(sizes).map(([k, s]) => [
      k,
      {
        facts: s.facts,
        p50_ms: s.p50_ms,
        p99_ms: s.p99_ms,
        naive_p50_ms: s.naive_p50_ms,
        naive_p99_ms: s.naive_p99_ms,
        build_ms: s.build_ms,
        reload_ms: s.reload_ms,
        rss_mb: s.rss_mb,
        ...(s.retrieval ? { retrieval: s.retrieval } : {}),
      },
    ]),
  ),
  startup_ms: round(startupMs),
  startup_10k_ms: round(startup10kMs),
  startup_cold_ms: round(startupColdMs),
  reload_stall_ms: round(stalled?.reload_stall_ms ?? Number.NaN),
  reload_stall_cpu_ms: round(stalled?.reload_stall_cpu_ms ?? Number.NaN),
  stall_baseline_ms: round(stalled?.stall_baseline_ms ?? Number.NaN),
  stall_baseline_cpu_ms: round(stalled?.stall_baseline_cpu_ms ?? Number.NaN),
  updates_per_s: round(updatesPerS),
  accuracy,
};

// Object keys that look like numbers come first in JS: list the sizes in the order they ran.
const rows = SIZES.map(([k]) => [k, sizes[k] as SizeResult] as const).map(([k, s]) => [
  k,
  String(s.facts),
  s.p50_ms.toFixed(3),
  s.p99_ms.toFixed(3),
  `${s.naive_p50_ms.toFixed(1)} / ${s.naive_p99_ms.toFixed(1)} (n=${s.naive_sample})`,
  `${(s.naive_p50_ms / s.p50_ms).toFixed(0)}×`,
  s.build_ms.toFixed(0),
  s.reload_ms.toFixed(0),
  s.rss_mb.toFixed(0),
  s.retrieval ? `${pct(s.retrieval.right)} / ${pct(s.retrieval.wrong)}` : "",
]);
const header = [
  "size",
  "facts",
  "p50 ms",
  "p99 ms",
  "naive p50 / p99 ms",
  "naive/ours p50",
  "build ms",
  "reload ms",
  "RSS MB",
  "paraphrases right / wrong",
];
console.log(table([header, ...rows]));
console.log(
  `\nstart-up to first answer (node, median of 5), index cached: real knowledge ${startupMs.toFixed(0)} ms, ` +
    `${STALL_SIZE} facts ${startup10kMs.toFixed(0)} ms; real knowledge without a cache ${startupColdMs.toFixed(0)} ms`,
);
console.log(
  `while ${STALL_SIZE} facts reload (built in a worker, a question answered every 10 ms; median of 3 reloads): ` +
    `the event loop's worst delay ${fixed(stalled?.reload_stall_ms)} ms, of which the answering thread ran ` +
    `${fixed(stalled?.reload_stall_cpu_ms)} ms; as long without a reload: ${fixed(stalled?.stall_baseline_ms)} ms, ` +
    `ran ${fixed(stalled?.stall_baseline_cpu_ms)} ms`,
);
console.log(
  `end to end, long polling against a local fake Bot API: ${updatesPerS.toFixed(0)} answered updates/s`,
);
if (accuracy)
  console.log(
    `accuracy on the dev set (real knowledge): ours ${pct(accuracy.ours)}, naive ${pct(accuracy.naive)}`,
  );
if (values.json) console.log(JSON.stringify(result));

async function starts(n: number, dir: string, question: string, data?: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    // Without a DATA_DIR of its own, each start gets an empty one: no cache, a build every time.
    const fresh = data ?? (await mkdtemp(join(work, "empty-")));
    times.push(await firstAnswerMs(dir, question, fresh));
  }
  return times;
}

/**
 * From spawning the compiled ask CLI with node (not npm, which adds ~300 ms a deployed bot does not pay,
 * nor tsx, which compiles on the fly) to its first line of output. It opens the knowledge as the bot does:
 * from DATA_DIR's index cache when the knowledge and the code are unchanged.
 */
function firstAnswerMs(dir: string, question: string, data: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const args = [...START_NODE_FLAGS, "dist/cli/ask.js", "--json", "--dir", dir, question];
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, ...START_ENV, DATA_DIR: data },
    });
    child.stdout.once("data", () => resolve(performance.now() - t0));
    child.on("error", reject);
    child.on("exit", (code) => code !== 0 && reject(new Error(`ask exited with ${code}`)));
  });
}

function fixed(x: number | undefined): string {
  return x === undefined ? "?" : x.toFixed(1);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(0)}%`;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padStart(widths[i] ?? 0)).join("  ")).join("\n");
}
