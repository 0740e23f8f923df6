import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "../..");

export interface BotProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything the process wrote to stderr so far (JSON log lines and human-readable messages). */
  stderr(): string;
  /** The JSON log lines parsed so far. */
  logs(): Record<string, unknown>[];
  /** Resolves with the first log line matching, or rejects after the timeout (or when the process exits). */
  waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  /** Sends a signal to the whole process group, as systemd, Docker or a terminal's Ctrl-C do. */
  signalGroup(signal: NodeJS.Signals): number;
  /** Kills the group if it is still running, and removes the data directory (unless it was given one). */
  dispose(): Promise<void>;
}

export interface BotProcessOptions {
  /** A data directory to use (and keep): a restart that must see what the previous process stored. */
  dataDir?: string;
}

/**
 * Starts the bot the way it is deployed, `npm start`, detached in its own process group, with a fresh
 * data directory (unless given one) and every setting given explicitly so a developer's .env cannot change the
 * test.
 */
export function startBotProcess(env: Record<string, string>, options: BotProcessOptions = {}): BotProcess {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "factline-e2e-"));
  const child = spawn("npm", ["start", "--silent"], {
    cwd: REPO,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      BOT_TOKEN: "",
      TELEGRAM_API_ROOT: "",
      KNOWLEDGE_DIR: join(REPO, "knowledge"),
      LOG_LEVEL: "info",
      WEBHOOK_URL: "",
      WEBHOOK_SECRET: "",
      PORT: "",
      DATA_DIR: dataDir,
      REDIS_URL: "",
      ADMIN_IDS: "",
      RETENTION_DAYS: "",
      RELOAD_MAX_DROP: "",
      KNOWLEDGE_WATCH: "false",
      STOP_TIMEOUT: "",
      ...env,
    },
  });
  const started = Date.now();
  let stderr = "";
  let parsed: Record<string, unknown>[] = [];
  const listeners = new Set<() => void>();
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderr += chunk;
    parsed = stderr
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
    for (const l of listeners) l();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((done) => {
    child.on("exit", (code, signal) => {
      done({ code, signal, ms: Date.now() - started });
      for (const l of listeners) l();
    });
  });
  let alive = true;
  void exited.then(() => {
    alive = false;
  });
  const pid = child.pid as number;

  return {
    child,
    pid,
    stderr: () => stderr,
    logs: () => parsed,
    exited,
    waitForLog(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = parsed.find(match);
          if (line) {
            finish();
            resolve(line);
          } else if (!alive) {
            finish();
            reject(new Error(`bot exited before the expected log line; stderr:\n${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`timed out waiting for a log line; stderr:\n${stderr}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    signalGroup(signal) {
      process.kill(-pid, signal);
      return Date.now();
    },
    async dispose() {
      if (alive) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // already gone
        }
        await exited;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
