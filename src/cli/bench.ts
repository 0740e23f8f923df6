import { execFile, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
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
const log = (line: string) => process.stderr.write(`${line}\n`);

// The naive baseline takes seconds a question from 10,000 facts on: it is timed on at most this many
// questions of the same mix, within a time budget in seconds (the table says how many it got through).
const SIZES: [string, number, number][] = [
  ["real", 200, 10],
  ["1000", 50, 15],
  ["10000", 10, 30],
  ...(values.quick ? [] : ([["50000", 10, 30]] as [string, number, number][])),
];

interface SizeResult {
  facts: number;
  p50_ms: number;
  p99_ms: number;
  naive_p50_ms: number;
  naive_p99_ms: number;
  naive_sample: number;
  build_ms: number;
  rss_mb: number;
  accuracy?: { ours: number; naive: number };
  /** Synthetic sizes: share of held-out paraphrases answered with their fact, and with another. */
  retrieval?: { asked: number; right: number; wrong: number };
}

// Measured as deployed: compiled once (npm run build) and run with plain node, not through tsx.
log("building dist/ (npm run build)…");
await run("npm", ["run", "--silent", "build"], { cwd: root });

const sizes: Record<string, SizeResult> = {};
for (const [size, naiveSample, naiveBudget] of SIZES) {
  log(`size ${size}: building and timing…`);
  const { stdout } = await run(
    process.execPath,
    ["dist/bench/size-worker.js", size, String(naiveSample), String(naiveBudget), knowledgeDir],
    {
      cwd: root,
      maxBuffer: 1 << 24,
    },
  );
  sizes[size] = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as SizeResult;
}

log("cold start: process start to first answer…");
const startupMs = median(await coldStarts(5));

log("end to end: the bot process against a local fake Bot API…");
const { measureThroughput } = await import("../bench/throughput.js");
// Two questions a person: the per-user rate limit (8 in 20 s) must not be what is measured.
const updatesPerS = await measureThroughput({ updates: 2000, users: 1000 });

const { accuracy } = sizes.real ?? {};
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
        rss_mb: s.rss_mb,
        ...(s.retrieval ? { retrieval: s.retrieval } : {}),
      },
    ]),
  ),
  startup_ms: round(startupMs),
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
  "RSS MB",
  "paraphrases right / wrong",
];
console.log(table([header, ...rows]));
console.log(`\ncold start to first answer (node, median of 5): ${startupMs.toFixed(0)} ms`);
console.log(
  `end to end, long polling against a local fake Bot API: ${updatesPerS.toFixed(0)} answered updates/s`,
);
if (accuracy)
  console.log(
    `accuracy on the dev set (real knowledge): ours ${pct(accuracy.ours)}, naive ${pct(accuracy.naive)}`,
  );
if (values.json) console.log(JSON.stringify(result));

async function coldStarts(n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await firstAnswerMs());
  return times;
}

/**
 * From spawning the compiled ask CLI with node (not npm, which adds ~300 ms a deployed bot does not pay,
 * nor tsx, which compiles on the fly) to its first line of output.
 */
function firstAnswerMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [
        "dist/cli/ask.js",
        "--json",
        "--dir",
        knowledgeDir,
        "Which agency launched the I Want to Live hotline?",
      ],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    child.stdout.once("data", () => resolve(performance.now() - t0));
    child.on("error", reject);
    child.on("exit", (code) => code !== 0 && reject(new Error(`ask exited with ${code}`)));
  });
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
