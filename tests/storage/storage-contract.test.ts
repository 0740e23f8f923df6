import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFileStorage } from "../../src/storage/file.js";
import type { FeedbackRecord, UnansweredRecord } from "../../src/storage/log-records.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { connectRedis, createRedisStorage } from "../../src/storage/redis.js";
import { pruneExpired } from "../../src/storage/retention.js";
import type { Storage } from "../../src/storage/storage.js";
import { logged } from "./logged.js";
import { startRedisServer } from "./redis-server.js";

// Each backend builds a fresh, empty storage per test; the same suite then runs against all of them.
type Backend = { name: string; open: () => Promise<Storage> };

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const backends: Backend[] = [
  { name: "memory", open: async () => createMemoryStorage() },
  {
    name: "file",
    open: async () => {
      const dir = await mkdtemp(join(tmpdir(), "factline-storage-"));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      return createFileStorage(dir);
    },
  },
];

const redisServer = await startRedisServer();
if ("url" in redisServer) {
  cleanups.push(redisServer.stop);
  backends.push({
    name: "redis",
    open: async () => {
      const redis = await connectRedis(redisServer.url);
      // A unique prefix per test keeps tests independent without flushing the server between them.
      return createRedisStorage(redis, { prefix: `test-${randomUUID()}:`, ownsConnection: true });
    },
  });
} else {
  console.warn(`\n⚠ SKIPPING the Redis storage tests: ${redisServer.unavailable}\n`);
  describe.skip(`redis backend (skipped: ${redisServer.unavailable})`, () => {
    it("needs redis-server (apt-get install redis-server)", () => {});
  });
}

const unanswered = (at: string, question = "how many pilots defected"): UnansweredRecord => ({
  at,
  question,
  language: "en",
  chatType: "private",
  nearest: [{ factId: "kuzminov-defection", score: 0.31 }],
});
const vote = (at: string, v: FeedbackRecord["vote"]): FeedbackRecord => ({
  at,
  factId: "kuzminov-reward",
  vote: v,
  language: "uk",
  chatType: "group",
});

describe.each(backends)("$name storage", ({ open }) => {
  async function withStorage(run: (storage: Storage) => Promise<void>) {
    const storage = await open();
    try {
      await run(storage);
    } finally {
      await storage.close();
    }
  }

  it("gets what was set, as a copy, and forgets deleted keys", () =>
    withStorage(async (s) => {
      expect(await s.get("group:-100123")).toBeUndefined();
      const settings = { language: "uk", nested: { list: [1, 2] } };
      await s.set("group:-100123", settings);
      settings.language = "en";
      expect(await s.get("group:-100123")).toEqual({ language: "uk", nested: { list: [1, 2] } });
      await s.set("group:-100123", { language: "ru" });
      expect(await s.get("group:-100123")).toEqual({ language: "ru" });
      await s.delete("group:-100123");
      expect(await s.get("group:-100123")).toBeUndefined();
      await s.delete("never-set");
    }));

  it("keeps keys apart, whatever characters they hold", () =>
    withStorage(async (s) => {
      const keys = ["a", "A/b", "../escape", ".hidden", "a.tmp", "ключ", "x:y:z", "a b"];
      for (const [i, key] of keys.entries()) await s.set(key, i);
      for (const [i, key] of keys.entries()) expect(await s.get(key)).toBe(i);
    }));

  it("stores scalars, arrays and null", () =>
    withStorage(async (s) => {
      await s.set("n", 0);
      await s.set("f", false);
      await s.set("z", null);
      await s.set("arr", ["x"]);
      expect(await s.get("n")).toBe(0);
      expect(await s.get("f")).toBe(false);
      expect(await s.get("z")).toBeNull();
      expect(await s.get("arr")).toEqual(["x"]);
    }));

  it("appends log records and reads them back oldest first, per log", () =>
    withStorage(async (s) => {
      await s.append("unanswered", unanswered("2026-11-20T10:00:00.000Z", "b"));
      await s.append("unanswered", unanswered("2026-11-18T10:00:00.000Z", "a"));
      await s.append("unanswered", unanswered("2026-11-22T23:59:59.999Z", "c"));
      await s.append("feedback", vote("2026-11-21T00:00:00.000Z", "down"));
      expect((await logged(s, "unanswered")).map((r) => r.question)).toEqual(["a", "b", "c"]);
      expect(await logged(s, "feedback")).toEqual([vote("2026-11-21T00:00:00.000Z", "down")]);
      expect((await logged(s, "unanswered"))[0]).toEqual(unanswered("2026-11-18T10:00:00.000Z", "a"));
    }));

  it("reads back records unchecked, each with where it is kept, for the reader to validate and report", () =>
    withStorage(async (s) => {
      const odd = { at: "2026-11-20T10:00:00.000Z", question: 42 };
      await s.append("unanswered", odd as never);
      const [stored] = await s.read("unanswered");
      expect(stored?.record).toEqual(odd);
      expect(stored?.where).toMatch(/unanswered/);
      expect(s.where("settings:-1")).toMatch(/settings(:|%3A)-1/);
    }));

  it("keeps identical records appended twice", () =>
    withStorage(async (s) => {
      const record = unanswered("2026-11-20T10:00:00.000Z");
      await s.append("unanswered", record);
      await s.append("unanswered", record);
      expect(await logged(s, "unanswered")).toHaveLength(2);
    }));

  it("reads only records at or after `since`", () =>
    withStorage(async (s) => {
      for (const at of ["2026-11-01T00:00:00.000Z", "2026-11-10T12:00:00.000Z", "2026-11-10T12:00:00.001Z"]) {
        await s.append("unanswered", unanswered(at, at));
      }
      const since = new Date("2026-11-10T12:00:00.000Z");
      expect((await logged(s, "unanswered", since)).map((r) => r.at)).toEqual([
        "2026-11-10T12:00:00.000Z",
        "2026-11-10T12:00:00.001Z",
      ]);
      expect(await logged(s, "unanswered", new Date("2027-01-01"))).toEqual([]);
    }));

  it("prunes records older than the cut in both logs and says how many", () =>
    withStorage(async (s) => {
      await s.append("unanswered", unanswered("2026-08-01T00:00:00.000Z", "old"));
      await s.append("unanswered", unanswered("2026-11-10T11:59:59.999Z", "same day, before"));
      await s.append("unanswered", unanswered("2026-11-10T12:00:00.000Z", "exactly at the cut"));
      await s.append("unanswered", unanswered("2026-11-20T00:00:00.000Z", "new"));
      await s.append("feedback", vote("2026-07-01T00:00:00.000Z", "up"));
      await s.append("feedback", vote("2026-11-21T00:00:00.000Z", "down"));
      expect(await s.prune(new Date("2026-11-10T12:00:00.000Z"))).toBe(3);
      expect((await logged(s, "unanswered")).map((r) => r.question)).toEqual(["exactly at the cut", "new"]);
      expect((await logged(s, "feedback")).map((r) => r.vote)).toEqual(["down"]);
      expect(await s.prune(new Date("2026-11-10T12:00:00.000Z"))).toBe(0);
      // still appendable after a prune rewrote the day's file
      await s.append("unanswered", unanswered("2026-11-10T13:00:00.000Z", "later that day"));
      expect(await logged(s, "unanswered")).toHaveLength(3);
    }));

  it("applies RETENTION_DAYS relative to now", () =>
    withStorage(async (s) => {
      await s.append("unanswered", unanswered("2026-08-01T00:00:00.000Z", "old"));
      await s.append("unanswered", unanswered("2026-11-01T00:00:00.000Z", "recent"));
      expect(await pruneExpired(s, 90, new Date("2026-11-23T00:00:00.000Z"))).toBe(1);
      expect((await logged(s, "unanswered")).map((r) => r.question)).toEqual(["recent"]);
    }));

  it("does not lose records appended concurrently", () =>
    withStorage(async (s) => {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          s.append("unanswered", unanswered(`2026-11-20T10:00:${String(i).padStart(2, "0")}.000Z`, `q${i}`)),
        ),
      );
      expect((await logged(s, "unanswered")).map((r) => r.question)).toEqual(
        Array.from({ length: 50 }, (_, i) => `q${i}`),
      );
    }));
});
