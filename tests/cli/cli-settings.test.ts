import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileStorage } from "../../src/storage/file.js";

/**
 * Every CLI reads its settings the way the bot does (the environment, then .env in the current directory),
 * an argument on the command line wins over both, and a mistake on the command line gets the usage, exit 2.
 */

const REPO = join(import.meta.dirname, "../..");
const VALID = join(REPO, "tests/fixtures/valid");
const BROKEN = join(REPO, "tests/fixtures/yaml-syntax");
const run = promisify(execFile);
let cwd: string;

beforeAll(async () => {
  // A directory of its own: a developer's .env in the project must not change these tests.
  cwd = await mkdtemp(join(tmpdir(), "factline-cli-"));
});
afterAll(() => rm(cwd, { recursive: true, force: true }));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(name: string, args: string[], { env = {}, dotenv = "" } = {}): Promise<Outcome> {
  await writeFile(join(cwd, ".env"), dotenv);
  const tsx = join(REPO, "node_modules/tsx/dist/loader.mjs");
  // Only what the test sets: none of the bot's settings leak in from the environment running the tests.
  const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", `file://${tsx}`, join(REPO, "src/cli", `${name}.ts`), ...args],
      { cwd, env: { ...base, ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const noStack = (o: Outcome) => expect(o.stderr).not.toMatch(/\n\s+at /);

describe("CLIs read the bot's settings; an argument wins", () => {
  it("validate checks KNOWLEDGE_DIR from .env, the environment over .env, and DIR over both", async () => {
    const fromDotenv = await cli("validate", [], { dotenv: `KNOWLEDGE_DIR=${BROKEN}\n` });
    expect(fromDotenv.code).toBe(1);
    expect(fromDotenv.stderr).toContain(`${BROKEN}/facts/calls.yaml:15`);
    expect(fromDotenv.stdout).toContain(`in ${BROKEN}`);

    const fromEnv = await cli("validate", [], {
      env: { KNOWLEDGE_DIR: VALID },
      dotenv: `KNOWLEDGE_DIR=${BROKEN}\n`,
    });
    expect(fromEnv).toMatchObject({
      code: 0,
      stdout: `1 fact, 1 source, 0 errors, 0 warnings in ${VALID}\n`,
    });

    const fromArg = await cli("validate", [VALID], { env: { KNOWLEDGE_DIR: BROKEN } });
    expect(fromArg.code).toBe(0);
  }, 60_000);

  it("ask answers from KNOWLEDGE_DIR in .env, and --dir wins", async () => {
    const question = "How many calls did the demo hotline get?";
    const fromDotenv = await cli("ask", ["--json", question], { dotenv: `KNOWLEDGE_DIR=${VALID}\n` });
    expect(JSON.parse(fromDotenv.stdout)).toMatchObject({ answered: true, facts: [{ id: "demo-calls" }] });
    const fromArg = await cli("ask", ["--dir", BROKEN, question], { dotenv: `KNOWLEDGE_DIR=${VALID}\n` });
    expect(fromArg.code).toBe(1);
    expect(fromArg.stderr).toContain(`the knowledge in ${BROKEN} has`);
  }, 60_000);

  it("gaps reads DATA_DIR from .env and says which damaged lines it skipped, and where", async () => {
    const dataDir = join(cwd, "data");
    const storage = createFileStorage(dataDir);
    const at = new Date().toISOString();
    const day = at.slice(0, 10);
    await storage.append("unanswered", {
      at,
      question: "first",
      language: "en",
      chatType: "private",
      nearest: [],
    });
    await writeFile(
      join(dataDir, "logs/unanswered", `${day}.jsonl`),
      `garbage in the middle\n${JSON.stringify({ at, question: 7 })}\n`,
      { flag: "a" },
    );
    await storage.append("unanswered", {
      at,
      question: "second",
      language: "en",
      chatType: "private",
      nearest: [],
    });
    await mkdir(join(dataDir, "logs/feedback"), { recursive: true });
    await writeFile(join(dataDir, "logs/feedback", `${day}.jsonl`), "\0".repeat(512));

    const report = await cli("gaps", [], { dotenv: `DATA_DIR=${dataDir}\nKNOWLEDGE_DIR=${VALID}\n` });
    expect(report.code).toBe(0);
    expect(report.stdout).toContain(`(files under ${dataDir}): 2 questions`);
    expect(report.stderr).toBe(
      `gaps: skipped 2 log lines that could not be read; the report above leaves them out:\n` +
        `  ${dataDir}/logs/unanswered/${day}.jsonl:2: not valid JSON\n` +
        `  ${dataDir}/logs/unanswered/${day}.jsonl:3: not a record of this log (question: Invalid input: ` +
        'expected string, received number; language: Invalid option: expected one of "en"|"ru"|"uk"; ' +
        'chatType: Invalid option: expected one of "private"|"group"|"supergroup"; ' +
        "nearest: Invalid input: expected array, received undefined)\n",
    );

    const feedback = await cli("gaps", ["--feedback"], { env: { DATA_DIR: dataDir, KNOWLEDGE_DIR: VALID } });
    expect(feedback.stderr).toContain(`${dataDir}/logs/feedback/${day}.jsonl:1: 512 NUL bytes`);
  }, 60_000);

  it("bench reads the same settings: an invalid one in .env stops it before it builds anything", async () => {
    const outcome = await cli("bench", ["--quick"], { dotenv: "LOG_LEVEL=loud\n" });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe(
      "invalid setting LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (in the environment or .env)\n",
    );
  }, 60_000);
});

describe("CLI arguments: a mistake gets the usage and exit code 2", () => {
  const cases: [string, string[], string][] = [
    ["validate", ["--bogus"], "unknown option --bogus"],
    ["validate", ["--", "--bogus"], "unknown option --bogus"],
    ["validate", [VALID, VALID], `too many arguments: "${VALID}"`],
    ["ask", ["--bogus", "calls?"], "unknown option --bogus"],
    ["ask", ["--lang", "xx", "calls?"], '--lang: expected one of en, ru, uk, got "xx"'],
    ["ask", ["--lang"], "--lang needs a value"],
    ["ask", [], "no question given"],
    ["gaps", ["--bogus"], "unknown option --bogus"],
    ["gaps", ["--limit"], "--limit needs a value"],
    ["bench", ["--bogus"], "unknown option --bogus"],
    ["coverage", ["--bogus"], "unknown option --bogus"],
    ["calibrate", ["extra"], 'unexpected argument "extra"'],
  ];
  it.each(cases)(
    "%s %j",
    async (name, args, message) => {
      const outcome = await cli(name, args, { env: { KNOWLEDGE_DIR: VALID } });
      expect(outcome.code).toBe(2);
      expect(outcome.stderr.startsWith(`${message}\n\nusage: npm run ${name}`)).toBe(true);
      expect(outcome.stdout).toBe("");
      noStack(outcome);
    },
    30_000,
  );
});
