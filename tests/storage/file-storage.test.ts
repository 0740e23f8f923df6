import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkWritableDir, createFileStorage, encodeKey } from "../../src/storage/file.js";
import type { UnansweredRecord } from "../../src/storage/log-records.js";
import type { DamagedRecord, StoredRecord } from "../../src/storage/storage.js";
import { record } from "./records.js";

// What the file backend does beyond the contract every backend keeps (storage-contract.test.ts): its files'
// names and layout, which a restart or an upgrade must read back, and how it treats what it finds on disk.

const line = (at: string, question: string) => JSON.stringify(record(at, question));
const field = (stored: StoredRecord[], name: "question" | "at") =>
  stored.map((s) => (s.record as UnansweredRecord)[name]);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "factline-file-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const logFile = (day: string) => join(dir, "logs", "unanswered", `${day}.jsonl`);

async function writeLog(day: string, text: string): Promise<void> {
  await mkdir(join(dir, "logs", "unanswered"), { recursive: true });
  await writeFile(logFile(day), text);
}

describe("file storage: the files it writes", () => {
  it("names a setting's file the same way in every version, so an upgrade finds the stored settings", async () => {
    expect(encodeKey("group:-100123")).toBe("group%3A-100123");
    expect(encodeKey("a.b!c~d*e'f(g)")).toBe("a%2Eb%21c%7Ed%2Ae%27f%28g%29");
    const storage = createFileStorage(dir);
    await storage.set("privacy:salt", "x");
    expect(await readdir(join(dir, "settings"))).toEqual(["privacy%3Asalt.json"]);
  });

  it("keeps apart keys that differ only in characters a file name escapes", async () => {
    const storage = createFileStorage(dir);
    const keys = ["a.b", "a!b", "a~b", "a*b", "a'b", "a(b", "a)b", "a%2Eb"];
    for (const [i, key] of keys.entries()) await storage.set(key, i);
    for (const [i, key] of keys.entries()) expect(await storage.get(key)).toBe(i);
    expect(await readdir(join(dir, "settings"))).toHaveLength(keys.length);
  });

  it("refuses the empty key and undefined values instead of writing something it cannot read back", async () => {
    const storage = createFileStorage(dir);
    await expect(storage.set("", 1)).rejects.toThrow("storage: the empty string is not a valid key");
    await expect(storage.set("k", undefined)).rejects.toThrow(
      'storage.set("k"): undefined cannot be stored; use delete',
    );
    await expect(
      storage.append("feedback", { ...record("soon", "q"), factId: "f", vote: "up" }),
    ).rejects.toThrow('storage.append("feedback"): record.at must be an ISO timestamp');
  });

  it("appends one record per line, with no blank line before or between them", async () => {
    const storage = createFileStorage(dir);
    for (const q of ["one", "two", "three"])
      await storage.append("unanswered", record("2026-11-20T10:00:00.000Z", q));
    expect(await readFile(logFile("2026-11-20"), "utf8")).toBe(
      ["one", "two", "three"].map((q) => `${line("2026-11-20T10:00:00.000Z", q)}\n`).join(""),
    );
  });

  it("starts an empty day file (a crash right after creating it) on its first line", async () => {
    await writeLog("2026-11-20", "");
    const storage = createFileStorage(dir);
    await storage.append("unanswered", record("2026-11-20T10:00:00.000Z", "first"));
    expect(await readFile(logFile("2026-11-20"), "utf8")).toBe(
      `${line("2026-11-20T10:00:00.000Z", "first")}\n`,
    );
  });

  it("waits on close for the writes still in flight", async () => {
    const storage = createFileStorage(dir);
    const pending = storage.append("unanswered", record("2026-11-20T10:00:00.000Z", "in flight"));
    await storage.close();
    expect(await readFile(logFile("2026-11-20"), "utf8")).toContain("in flight");
    await pending;
  });
});

describe("file storage: reading", () => {
  it("reads a day's records oldest first, and records with the same time in the order they came", async () => {
    const storage = createFileStorage(dir);
    const appended = [
      ["2026-11-20T10:05:00.000Z", "late"],
      ["2026-11-20T10:00:00.000Z", "tie 1"],
      ["2026-11-20T09:00:00.000Z", "early"],
      ["2026-11-20T10:00:00.000Z", "tie 2"],
      ["2026-11-20T10:00:00.000Z", "tie 3"],
    ];
    for (const [at, q] of appended) await storage.append("unanswered", record(at as string, q as string));
    expect(field(await storage.read("unanswered"), "question")).toEqual([
      "early",
      "tie 1",
      "tie 2",
      "tie 3",
      "late",
    ]);
  });

  it("reads since a time within a day, not only from that day on", async () => {
    const storage = createFileStorage(dir);
    for (const at of ["2026-11-10T11:59:59.999Z", "2026-11-10T12:00:00.000Z", "2026-11-11T00:00:00.000Z"]) {
      await storage.append("unanswered", record(at, at));
    }
    expect(field(await storage.read("unanswered", new Date("2026-11-10T12:00:00.000Z")), "at")).toEqual([
      "2026-11-10T12:00:00.000Z",
      "2026-11-11T00:00:00.000Z",
    ]);
  });

  it("reads only files named by a day: not a backup copy, not a temp file, not a file named after it", async () => {
    const damaged: DamagedRecord[] = [];
    const storage = createFileStorage(dir, { onDamaged: (d) => damaged.push(d) });
    await storage.append("unanswered", record("2026-11-20T10:00:00.000Z", "real"));
    await writeLog("copy of 2026-11-20", `${line("2026-11-20T10:00:00.000Z", "copy")}\n`);
    await writeFile(`${logFile("2026-11-20")}.bak`, `${line("2026-11-20T10:00:00.000Z", "backup")}\n`);
    await writeFile(`${logFile("2026-11-20")}.1.ab.tmp`, "garbage");
    expect(field(await storage.read("unanswered"), "question")).toEqual(["real"]);
    expect(damaged).toEqual([]);
  });

  it("skips blank lines silently and damaged ones even when nobody listens for them", async () => {
    await writeLog(
      "2026-11-20",
      `\n${line("2026-11-20T10:00:00.000Z", "a")}\n   \n{oops\n${line("2026-11-20T11:00:00.000Z", "b")}\n`,
    );
    const read = await createFileStorage(dir).read("unanswered");
    expect(field(read, "question")).toEqual(["a", "b"]);
    expect(read.map((r) => r.where)).toEqual([`${logFile("2026-11-20")}:2`, `${logFile("2026-11-20")}:5`]);
    const damaged: DamagedRecord[] = [];
    await createFileStorage(dir, { onDamaged: (d) => damaged.push(d) }).read("unanswered");
    expect(damaged).toEqual([{ where: `${logFile("2026-11-20")}:4`, reason: "not valid JSON" }]);
  });

  it("says why each line that is not a record was skipped", async () => {
    const partial = '{"at":"2026-11-20T10:00:00.000Z","quest';
    await writeLog(
      "2026-11-20",
      [
        "null",
        "42",
        '{"at":"yesterday"}',
        '{"at":12}',
        `${partial}\0\0\0`,
        `\0\0\0${partial}`,
        "\0\0",
        line("2026-11-20T10:00:00.000Z", "kept"),
        "",
      ].join("\n"),
    );
    const damaged: DamagedRecord[] = [];
    const storage = createFileStorage(dir, { onDamaged: (d) => damaged.push(d) });
    expect(field(await storage.read("unanswered"), "question")).toEqual(["kept"]);
    const noTime = "not a log record (no ISO timestamp in at)";
    expect(damaged.map((d) => d.reason)).toEqual([
      noTime,
      noTime,
      noTime,
      noTime,
      "not valid JSON",
      "not valid JSON",
      "2 NUL bytes (the disk or file system lost this part)",
    ]);
  });

  it("fails a read when a log's directory cannot be listed, rather than reporting an empty log", async () => {
    await mkdir(join(dir, "logs"), { recursive: true });
    await writeFile(join(dir, "logs", "unanswered"), "not a directory");
    await expect(createFileStorage(dir).read("unanswered")).rejects.toThrow(/ENOTDIR/);
  });

  it("fails on a setting it cannot read (a directory in its place) instead of returning the default", async () => {
    await mkdir(join(dir, "settings", `${encodeKey("k")}.json`), { recursive: true });
    const storage = createFileStorage(dir);
    await expect(storage.get("k")).rejects.toThrow(/EISDIR/);
    await expect(storage.set("k", 1)).rejects.toThrow();
    // The failed replace leaves no temp file behind.
    expect(await readdir(join(dir, "settings"))).toEqual([`${encodeKey("k")}.json`]);
  });

  it("names the key in a damaged setting's error", async () => {
    const storage = createFileStorage(dir);
    await mkdir(join(dir, "settings"), { recursive: true });
    await writeFile(join(dir, "settings", "k.json"), "{oops");
    const error = await storage.get("k").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DamagedValueError", key: "k" });
  });
});

describe("file storage: pruning", () => {
  it("drops old records from every day file, whatever order the directory lists them in", async () => {
    const storage = createFileStorage(dir);
    const days = Array.from({ length: 12 }, (_, i) => `2026-11-${String(i + 1).padStart(2, "0")}`);
    for (const day of days) await storage.append("unanswered", record(`${day}T12:00:00.000Z`, day));
    expect(await storage.prune(new Date("2026-11-07T00:00:00.000Z"))).toBe(6);
    expect(field(await storage.read("unanswered"), "question")).toEqual(days.slice(6));
    expect((await readdir(join(dir, "logs", "unanswered"))).sort()).toEqual(
      days.slice(6).map((d) => `${d}.jsonl`),
    );
  });

  it("rewrites a day it drops part of as readable lines, and leaves a day it drops nothing from as it was", async () => {
    const damaged: DamagedRecord[] = [];
    const storage = createFileStorage(dir, { onDamaged: (d) => damaged.push(d) });
    for (const at of ["2026-11-10T08:00:00.000Z", "2026-11-10T13:00:00.000Z", "2026-11-10T14:00:00.000Z"]) {
      await storage.append("unanswered", record(at, at));
    }
    const untouched = `${line("2026-11-11T08:00:00.000Z", "next day")}\n{torn`;
    await writeLog("2026-11-11", untouched);
    expect(await storage.prune(new Date("2026-11-10T12:00:00.000Z"))).toBe(1);
    expect(await readFile(logFile("2026-11-10"), "utf8")).toBe(
      `${line("2026-11-10T13:00:00.000Z", "2026-11-10T13:00:00.000Z")}\n${line("2026-11-10T14:00:00.000Z", "2026-11-10T14:00:00.000Z")}\n`,
    );
    expect(await readFile(logFile("2026-11-11"), "utf8")).toBe(untouched);
  });
});

describe("file storage: what a crash leaves", () => {
  it("sweeps only temp files, and only those older than a write could take", async () => {
    const settings = join(dir, "settings");
    await mkdir(settings, { recursive: true });
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    const minutesAgo = new Date(Date.now() - 5 * 60 * 1000);
    await writeFile(join(settings, "old.json"), "1");
    await utimes(join(settings, "old.json"), hourAgo, hourAgo);
    await writeFile(join(settings, "stale.json.1.a.tmp"), "{");
    await utimes(join(settings, "stale.json.1.a.tmp"), hourAgo, hourAgo);
    await writeFile(join(settings, "slow.json.1.b.tmp"), "{");
    await utimes(join(settings, "slow.json.1.b.tmp"), minutesAgo, minutesAgo);
    const storage = createFileStorage(dir);
    expect(await storage.get("old")).toBe(1);
    expect((await readdir(settings)).sort()).toEqual(["old.json", "slow.json.1.b.tmp"]);
  });
});

describe("checkWritableDir", () => {
  it("names the directory under DATA_DIR that is in the way", async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "settings"), "a file where a directory should be");
    await expect(checkWritableDir(dir)).rejects.toThrow(
      `DATA_DIR=${dir}: a part of this path is a regular file, not a directory (${join(dir, "settings")}); point DATA_DIR at a directory (it is created if missing)`,
    );
  });
});
