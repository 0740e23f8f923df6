import { randomBytes } from "node:crypto";
import { appendFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import {
  appendTime,
  type DamagedRecord,
  DamagedValueError,
  LOG_NAMES,
  type LogName,
  recordTime,
  type Storage,
  type StoredRecord,
} from "./storage.js";

export interface FileStorageOptions {
  /** Told about each log line that could not be read and was skipped, so that nothing is lost silently. */
  onDamaged?: (damage: DamagedRecord) => void;
}

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;
// A temp file this old cannot belong to a write still in progress: it is what a crash left behind.
const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * Storage in plain files under `dir`, for a single bot process (several instances share state through Redis):
 * - settings/<key>.json: one JSON value per key, replaced by write + fsync + rename, so a crash leaves either
 *   the old or the new value, never a torn one (at worst a stray *.tmp file, which is ignored and swept);
 * - logs/<log>/<YYYY-MM-DD>.jsonl: one JSON record per line, appended, one file per UTC day of `at`, so that
 *   retention deletes whole files. A line cut short by a crash (or a full disk) is skipped and reported when
 *   reading, and the next append starts on a fresh line so that it is not glued to the damaged one.
 */
export function createFileStorage(dir: string, options: FileStorageOptions = {}): Storage {
  const settingsDir = join(dir, "settings");
  const logDir = (log: LogName) => join(dir, "logs", log);
  const locks = new Map<string, Promise<unknown>>();
  let swept: Promise<void> | undefined;

  const settingFile = (key: string) => join(settingsDir, `${encodeKey(key)}.json`);

  // Serialises writes to one file within this process: an append must not land between a prune's read and rename.
  function withLock<T>(file: string, run: () => Promise<T>): Promise<T> {
    const previous = locks.get(file) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    locks.set(file, settled);
    void settled.then(() => {
      if (locks.get(file) === settled) locks.delete(file);
    });
    return next;
  }

  function sweepOnce(): Promise<void> {
    swept ??= sweepStaleTemps([settingsDir, ...LOG_NAMES.map(logDir)]);
    return swept;
  }

  async function appendLine(file: string, line: string): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    // A crash, or a full disk, can cut an append short, also one of this process's: checked before every
    // append (one byte read), so the torn line stays one reported line instead of swallowing this record too.
    const prefix = (await endsMidLine(file)) ? "\n" : "";
    await appendFile(file, `${prefix}${line}\n`, "utf8");
  }

  /** The readable records of one day file, each with its time and file:line. */
  async function readLogFile(file: string): Promise<(StoredRecord & { time: number })[]> {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    const records: (StoredRecord & { time: number })[] = [];
    const lines = text.split("\n");
    lines.forEach((line, index) => {
      if (line.trim() === "") return;
      const where = `${file}:${index + 1}`;
      const read = readLine(line, index === lines.length - 1);
      if ("reason" in read) options.onDamaged?.({ where, reason: read.reason });
      else records.push({ where, record: read.record, time: read.time });
    });
    return records;
  }

  async function dayFiles(log: LogName): Promise<{ day: string; file: string }[]> {
    let names: string[];
    try {
      names = await readdir(logDir(log));
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    return names
      .map((name) => ({ name, day: DAY_FILE.exec(name)?.[1] }))
      .filter((entry): entry is { name: string; day: string } => entry.day !== undefined)
      .sort((a, b) => a.day.localeCompare(b.day))
      .map(({ name, day }) => ({ day, file: join(logDir(log), name) }));
  }

  return {
    async get(key) {
      await sweepOnce();
      const file = settingFile(key);
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new DamagedValueError(
          key,
          file,
          `invalid JSON (${(error as Error).message}); this file is only ever replaced whole, so it was ` +
            "edited by hand or the disk is damaged: fix the JSON or delete the file to fall back to the default",
        );
      }
    },

    async set(key, value) {
      await sweepOnce();
      const file = settingFile(key);
      if (value === undefined)
        throw new Error(`storage.set("${key}"): undefined cannot be stored; use delete`);
      await withLock(file, () => writeFileAtomic(file, JSON.stringify(value)));
    },

    async delete(key) {
      const file = settingFile(key);
      await withLock(file, () => rm(file, { force: true }));
    },

    where: settingFile,

    async append(log, record) {
      const day = new Date(appendTime(log, record)).toISOString().slice(0, 10);
      const file = join(logDir(log), `${day}.jsonl`);
      await withLock(file, () => appendLine(file, JSON.stringify(record)));
    },

    async read(log, since) {
      await sweepOnce();
      const from = since?.getTime() ?? Number.NEGATIVE_INFINITY;
      const fromDay = since ? since.toISOString().slice(0, 10) : "";
      const result: (StoredRecord & { time: number })[] = [];
      for (const { day, file } of await dayFiles(log)) {
        // Stryker disable next-line ConditionalExpression: equivalent, skipping older days only saves reading them (filtered by time below)
        if (day < fromDay) continue;
        for (const entry of await readLogFile(file)) if (entry.time >= from) result.push(entry);
      }
      // Appends follow arrival order, which can differ slightly from `at`; callers are promised oldest first.
      // Array#sort is stable, so records of the same time keep their order in the file.
      return result.sort((a, b) => a.time - b.time).map(({ where, record }) => ({ where, record }));
    },

    async prune(before) {
      const cut = before.getTime();
      // Stryker disable next-line MethodExpression: equivalent, a day compares with the full timestamp as with its date
      const cutDay = before.toISOString().slice(0, 10);
      let dropped = 0;
      for (const log of LOG_NAMES) {
        for (const { day, file } of await dayFiles(log)) {
          // Stryker disable next-line ConditionalExpression: equivalent, later days only save the reading (nothing in them is dropped)
          if (day > cutDay) break;
          dropped += await withLock(file, async () => {
            const records = await readLogFile(file);
            const kept = records.filter((r) => r.time >= cut);
            if (kept.length === records.length) return 0;
            if (kept.length === 0) await rm(file, { force: true });
            else await writeFileAtomic(file, kept.map((r) => `${JSON.stringify(r.record)}\n`).join(""));
            return records.length - kept.length;
          });
        }
      }
      return dropped;
    },

    async close() {
      await Promise.all(locks.values());
    },
  };
}

/**
 * Creates `dir` and the directories the file storage writes to, and writes and removes a probe file in each.
 * Throws one line naming DATA_DIR, what is wrong and how to fix it.
 */
export async function checkWritableDir(dir: string): Promise<void> {
  for (const sub of [dir, join(dir, "settings"), ...LOG_NAMES.map((log) => join(dir, "logs", log))]) {
    const probe = join(sub, `.write-probe.${process.pid}.tmp`);
    try {
      await mkdir(sub, { recursive: true });
      await writeFile(probe, "");
      await rm(probe, { force: true });
    } catch (error) {
      throw new Error(`DATA_DIR=${dir}: ${whyNotWritable(error, dir, sub)}`);
    }
  }
}

function whyNotWritable(error: unknown, dir: string, path: string): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const where = path === dir ? "" : ` (${path})`;
  switch (code) {
    case "ENOTDIR":
    case "EEXIST":
      return `a part of this path is a regular file, not a directory${where}; point DATA_DIR at a directory (it is created if missing)`;
    case "EACCES":
    case "EPERM":
      return `cannot write there${where}: permission denied; make it writable by the user running the bot, or point DATA_DIR elsewhere`;
    case "EROFS":
      return `cannot write there${where}: the file system is read-only; point DATA_DIR at a writable volume`;
    case "ENOSPC":
      return `cannot write there${where}: the disk is full; free some space or point DATA_DIR elsewhere`;
    default:
      return `cannot write there${where} (${(error as Error)?.message ?? error}); point DATA_DIR at a writable directory`;
  }
}

/** Replaces `file` whole: readers see the old content or the new, never a part (write, fsync, rename). */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(data, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(file));
}

// Makes the rename itself durable; some platforms cannot open a directory for fsync, which is then best effort.
// Stryker disable all: what the fsync protects against is a power cut, which no test can cause
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort: see above
  }
}
// Stryker restore all

/** A log line's record and time, or why it cannot be read back. */
function readLine(line: string, last: boolean): { record: unknown; time: number } | { reason: string } {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    if (/^\0+$/.test(line))
      return { reason: `${line.length} NUL bytes (the disk or file system lost this part)` };
    // A last line without its newline was cut short mid-write (or is being written by another process).
    return { reason: last ? "incomplete last line (cut short mid-write?)" : "not valid JSON" };
  }
  const time = recordTime(record);
  return time === undefined ? { reason: "not a log record (no ISO timestamp in at)" } : { record, time };
}

async function endsMidLine(file: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, "r");
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  } finally {
    await handle?.close();
  }
}

async function sweepStaleTemps(dirs: string[]): Promise<void> {
  const now = Date.now();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith(".tmp"))) {
      const file = join(dir, name);
      try {
        if (now - (await stat(file)).mtimeMs > STALE_TEMP_MS) await rm(file, { force: true });
      } catch {
        // another process may have renamed or removed it meanwhile: nothing to clean
      }
    }
  }
}

/**
 * A key as a file name: reversible, no path separators, no leading dot, and no "*.tmp" clash.
 * encodeURIComponent keeps letters, digits and -_.!~*'(); the dot and the rest that some file systems
 * or shells dislike are escaped too.
 */
export function encodeKey(key: string): string {
  if (key === "") throw new Error("storage: the empty string is not a valid key");
  return encodeURIComponent(key).replace(
    /[.!~*'()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === "ENOENT";
}
