import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStorage } from "../../src/storage/open-storage.js";
import { connectRedis, createRedisStorage, redactRedisUrl } from "../../src/storage/redis.js";
import { type RedisServer, startRedisServer } from "./redis-server.js";

// What the Redis backend and openStorage do beyond the contract every backend keeps
// (storage-contract.test.ts): key names other instances and `npm run gaps` read, connection ownership,
// and the log lines an operator sees when Redis goes away and comes back.

function captureLines() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const logger = {
    warn: (obj: object, msg: string) => lines.push({ level: "warn", obj, msg }),
    info: (obj: object, msg: string) => lines.push({ level: "info", obj, msg }),
  };
  return { lines, logger };
}

async function waitFor(check: () => void, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe("openStorage with files", () => {
  it("logs each damaged log record it skips, naming file:line, when no one else is told", async () => {
    const dir = await mkdtemp(join(tmpdir(), "factline-open-"));
    try {
      await mkdir(join(dir, "logs", "unanswered"), { recursive: true });
      await writeFile(join(dir, "logs", "unanswered", "2026-11-20.jsonl"), "{oops\n");
      const { lines, logger } = captureLines();
      const storage = await openStorage({ dataDir: dir, logger });
      expect(await storage.read("unanswered")).toEqual([]);
      const where = `${join(dir, "logs", "unanswered", "2026-11-20.jsonl")}:1`;
      expect(lines).toEqual([
        {
          level: "warn",
          obj: { where, reason: "not valid JSON" },
          msg: `skipped a damaged log record at ${where}: not valid JSON`,
        },
      ]);
      await storage.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("redactRedisUrl", () => {
  it("hides a password and leaves a URL without one as it is", () => {
    expect(redactRedisUrl("redis://:pw@host:6379")).toBe("redis://:***@host:6379");
    expect(redactRedisUrl("redis://host:6379/1")).toBe("redis://host:6379/1");
  });
});

describe("connectRedis", () => {
  it("says why it cannot connect and what to do, without the password", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    await new Promise((resolve) => server.close(resolve));
    const port = typeof address === "object" && address ? address.port : 1;
    const error = await connectRedis(`redis://:pw@127.0.0.1:${port}`).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      `REDIS_URL=redis://:***@127.0.0.1:${port}: cannot connect (connect ECONNREFUSED 127.0.0.1:${port}); ` +
        "check that Redis is running and the URL is right, or unset REDIS_URL to keep the data in files under DATA_DIR",
    );
  });
});

const redisServer = await startRedisServer();
const servers: RedisServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

describe.skipIf(!("url" in redisServer))("redis storage", () => {
  if (!("url" in redisServer)) return;
  servers.push(redisServer);
  const { url } = redisServer;

  it("keeps its keys under factline: unless told otherwise, where other instances and the CLIs look", async () => {
    const raw = await connectRedis(url);
    const storage = createRedisStorage(raw);
    try {
      const key = `test-${randomUUID()}`;
      await storage.set(key, { language: "uk" });
      expect(await raw.get(`factline:kv:${key}`)).toBe('{"language":"uk"}');
      await storage.delete(key);
      expect(await raw.exists(`factline:kv:${key}`)).toBe(0);
    } finally {
      await raw.quit();
    }
  });

  it("refuses undefined and a record without an ISO time, naming the call", async () => {
    const storage = createRedisStorage(await connectRedis(url), {
      prefix: `test-${randomUUID()}:`,
      ownsConnection: true,
    });
    try {
      await expect(storage.set("k", undefined)).rejects.toThrow(
        'storage.set("k"): undefined cannot be stored; use delete',
      );
      await expect(
        storage.append("unanswered", {
          at: "yesterday",
          question: "q",
          language: "en",
          chatType: "private",
          nearest: [],
        }),
      ).rejects.toThrow(
        'storage.append("unanswered"): record.at must be an ISO timestamp such as 2026-11-23T12:00:00.000Z, got yesterday',
      );
    } finally {
      await storage.close();
    }
  });

  it("names the key and the way out when a value is not JSON, and skips a log member that is not", async () => {
    const prefix = `test-${randomUUID()}:`;
    const raw = await connectRedis(url);
    const damaged: object[] = [];
    const storage = createRedisStorage(raw, { prefix, onDamaged: (d) => damaged.push(d) });
    try {
      await raw.set(`${prefix}kv:group:-1`, "{oops");
      const error = await storage.get("group:-1").catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "DamagedValueError", key: "group:-1" });
      expect((error as Error).message).toMatch(
        new RegExp(
          `^redis key ${prefix}kv:group:-1: invalid JSON \\(.+\\); it was written by something other than factline: ` +
            `fix it or delete it \\(redis-cli DEL ${prefix}kv:group:-1\\) to fall back to the default$`,
        ),
      );
      await storage.append("unanswered", {
        at: "2026-11-20T10:00:00.000Z",
        question: "kept",
        language: "en",
        chatType: "private",
        nearest: [],
      });
      await raw.zadd(`${prefix}log:unanswered`, Date.parse("2026-11-20T11:00:00.000Z"), "tag {oops");
      expect((await storage.read("unanswered")).map((r) => r.record)).toMatchObject([{ question: "kept" }]);
      expect(damaged).toEqual([
        { where: `redis key ${prefix}log:unanswered`, reason: "a member that is not valid JSON" },
      ]);
      // Without a listener the damaged member is still skipped.
      expect(await createRedisStorage(raw, { prefix }).read("unanswered")).toHaveLength(1);
    } finally {
      await raw.quit();
    }
  });

  it("ends the connection on close only when it owns it", async () => {
    const shared = await connectRedis(url);
    await createRedisStorage(shared).close();
    expect(await shared.ping()).toBe("PONG");
    await createRedisStorage(shared, { ownsConnection: false }).close();
    expect(shared.status).toBe("ready");
    await createRedisStorage(shared, { ownsConnection: true }).close();
    await waitFor(() => expect(shared.status).toBe("end"));
  });

  it("through openStorage: one warning when Redis goes, one line when it is back, nothing after close", async () => {
    const own = await startRedisServer();
    if (!("url" in own)) throw new Error(own.unavailable);
    servers.push(own);
    const { lines, logger } = captureLines();
    const storage = await openStorage({ dataDir: "unused", redisUrl: own.url, logger });
    await storage.set("k", 1);
    await own.stop();
    await waitFor(() => expect(lines.map((l) => l.level)).toEqual(["warn"]));
    expect(lines[0]?.msg).toMatch(
      new RegExp(`^Redis \\(${own.url.replace(/[.]/g, "\\.")}\\) is unreachable \\(.+\\); retrying`),
    );
    const again = await startRedisServer({ port: Number(new URL(own.url).port) });
    if (!("url" in again)) throw new Error(again.unavailable);
    servers.push(again);
    await waitFor(() => expect(lines.map((l) => l.level)).toEqual(["warn", "info"]));
    expect(lines[1]?.msg).toMatch(/is reachable again after \d+ s \(\d+ failed attempts\)$/);
    expect(await storage.get("k")).toBeUndefined(); // the restarted server kept nothing
    await storage.close();
    await again.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines).toHaveLength(2);
  }, 20_000);
});
