import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFileStorage, encodeKey } from "../../src/storage/file.js";
import type { DamagedRecord } from "../../src/storage/storage.js";
import { logged } from "./logged.js";
import { record } from "./records.js";

describe("file storage after a crash", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "factline-crash-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("keeps the last complete value when a crash left a truncated temp file behind", async () => {
    const first = createFileStorage(dir);
    await first.set("group:-1", { language: "uk", answers: "short" });
    await first.close();
    // What a crash between write and rename leaves: a half-written temp next to the real file.
    const settings = join(dir, "settings");
    const stray = join(settings, `${encodeKey("group:-1")}.json.4242.deadbeef.tmp`);
    await writeFile(stray, '{"language":"r');
    await writeFile(join(settings, "whatever.json.1.x.tmp"), "");

    const reopened = createFileStorage(dir);
    expect(await reopened.get("group:-1")).toEqual({ language: "uk", answers: "short" });
    await reopened.set("group:-1", { language: "ru" });
    expect(await reopened.get("group:-1")).toEqual({ language: "ru" });
  });

  it("sweeps stale temp files but leaves fresh ones (another process may be mid-write)", async () => {
    const settings = join(dir, "settings");
    await mkdir(settings, { recursive: true });
    await writeFile(join(settings, "old.json.1.a.tmp"), "{");
    await writeFile(join(settings, "fresh.json.1.b.tmp"), "{");
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(join(settings, "old.json.1.a.tmp"), hourAgo, hourAgo);
    const storage = createFileStorage(dir);
    expect(await storage.get("anything")).toBeUndefined();
    expect(await readdir(settings)).toEqual(["fresh.json.1.b.tmp"]);
  });

  it("writes settings through a temp file and leaves none behind", async () => {
    const storage = createFileStorage(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => storage.set("k", i)));
    expect(await readdir(join(dir, "settings"))).toEqual(["k.json"]);
    expect(typeof (await storage.get("k"))).toBe("number");
  });

  it("reports a log line cut short by a crash with file:line, and keeps appending on a fresh line", async () => {
    const damaged: DamagedRecord[] = [];
    const first = createFileStorage(dir);
    await first.append("unanswered", record("2026-11-20T10:00:00.000Z", "before the crash"));
    const file = join(dir, "logs", "unanswered", "2026-11-20.jsonl");
    await appendFile(file, '{"at":"2026-11-20T10:00:01.000Z","quest');

    const reopened = createFileStorage(dir, { onDamaged: (d) => damaged.push(d) });
    expect((await logged(reopened, "unanswered")).map((r) => r.question)).toEqual(["before the crash"]);
    expect(damaged).toEqual([{ where: `${file}:2`, reason: expect.stringMatching(/incomplete last line/) }]);

    await reopened.append("unanswered", record("2026-11-20T10:00:02.000Z", "after the restart"));
    damaged.length = 0;
    expect((await logged(reopened, "unanswered")).map((r) => r.question)).toEqual([
      "before the crash",
      "after the restart",
    ]);
    expect(damaged).toEqual([{ where: `${file}:2`, reason: "not valid JSON" }]);
    expect((await readFile(file, "utf8")).split("\n")).toHaveLength(4);
  });

  it("a torn append of this very process (disk full) does not swallow the records written after it", async () => {
    const damaged: DamagedRecord[] = [];
    const storage = createFileStorage(dir, { onDamaged: (d) => damaged.push(d) });
    await storage.append("unanswered", record("2026-11-20T10:00:00.000Z", "before"));
    // What ENOSPC halfway through appendFile leaves: the file now ends mid-line, written by this process.
    const file = join(dir, "logs", "unanswered", "2026-11-20.jsonl");
    await appendFile(file, '{"at":"2026-11-20T10:00:01.000Z","question":"torn');
    for (const q of ["one", "two", "three"]) {
      await storage.append("unanswered", record("2026-11-20T10:00:02.000Z", q));
    }
    expect((await logged(storage, "unanswered")).map((r) => r.question)).toEqual([
      "before",
      "one",
      "two",
      "three",
    ]);
    expect(damaged).toEqual([{ where: `${file}:2`, reason: "not valid JSON" }]);
  });

  it("reports every line it cannot read: garbage in the middle, NUL bytes, a record without a time", async () => {
    const damaged: DamagedRecord[] = [];
    const storage = createFileStorage(dir, { onDamaged: (d) => damaged.push(d) });
    const logs = join(dir, "logs", "feedback");
    await mkdir(logs, { recursive: true });
    const good = (i: number) =>
      JSON.stringify({
        at: `2026-11-2${i}T10:00:00.000Z`,
        factId: "f",
        vote: "up",
        language: "en",
        chatType: "private",
      });
    await writeFile(join(logs, "2026-11-21.jsonl"), `${good(1)}\ngarbage here\n${good(1)}\n{"no":"time"}\n`);
    await writeFile(join(logs, "2026-11-22.jsonl"), "\0".repeat(4096));
    expect(await logged(storage, "feedback")).toHaveLength(2);
    expect(damaged).toEqual([
      { where: join(logs, "2026-11-21.jsonl:2"), reason: "not valid JSON" },
      { where: join(logs, "2026-11-21.jsonl:4"), reason: expect.stringMatching(/not a log record/) },
      { where: join(logs, "2026-11-22.jsonl:1"), reason: expect.stringMatching(/4096 NUL bytes/) },
    ]);
  });

  it("ignores files in the log directory that are not day logs", async () => {
    const storage = createFileStorage(dir);
    await storage.append("feedback", {
      at: "2026-11-20T10:00:00.000Z",
      factId: "f",
      vote: "up",
      language: "en",
      chatType: "private",
    });
    await writeFile(join(dir, "logs", "feedback", "2026-11-20.jsonl.1.ab.tmp"), "garbage");
    await writeFile(join(dir, "logs", "feedback", "notes.txt"), "garbage");
    expect(await logged(storage, "feedback")).toHaveLength(1);
  });

  it("names the file and the way out when a settings file holds invalid JSON", async () => {
    const storage = createFileStorage(dir);
    await storage.set("group:-5", { language: "en" });
    await writeFile(join(dir, "settings", `${encodeKey("group:-5")}.json`), "{oops");
    await expect(storage.get("group:-5")).rejects.toThrow(/group%3A-5\.json: invalid JSON .*delete the file/);
  });

  it("rejects a record whose time is not an ISO timestamp", async () => {
    const storage = createFileStorage(dir);
    await expect(storage.append("unanswered", record("yesterday", "q"))).rejects.toThrow(
      /record\.at must be an ISO timestamp/,
    );
  });

  it("stores one file per UTC day, so retention drops whole files", async () => {
    const storage = createFileStorage(dir);
    await storage.append("unanswered", record("2026-11-19T23:30:00-02:00", "late evening west of UTC"));
    await storage.append("unanswered", record("2026-11-01T08:00:00.000Z", "old"));
    expect((await readdir(join(dir, "logs", "unanswered"))).sort()).toEqual([
      "2026-11-01.jsonl",
      "2026-11-20.jsonl",
    ]);
    expect(await storage.prune(new Date("2026-11-10T00:00:00.000Z"))).toBe(1);
    expect(await readdir(join(dir, "logs", "unanswered"))).toEqual(["2026-11-20.jsonl"]);
  });
});
