import { chmod, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { describeStorage, openStorage } from "../../src/storage/open-storage.js";
import { hashWithSalt, pseudonymize } from "../../src/storage/pseudonym.js";
import { redactRedisUrl } from "../../src/storage/redis.js";
import { scheduleRetention } from "../../src/storage/retention.js";

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 1;
}

describe("openStorage", () => {
  it("uses files under DATA_DIR when no REDIS_URL is set", async () => {
    const dir = await mkdtemp(join(tmpdir(), "factline-open-"));
    try {
      const storage = await openStorage({ dataDir: dir });
      await storage.set("k", 1);
      await storage.close();
      expect(await readdir(dir)).toEqual(["settings"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("with requireWritable: creates DATA_DIR and leaves no probe behind", async () => {
    const dir = await mkdtemp(join(tmpdir(), "factline-open-"));
    try {
      await (await openStorage({ dataDir: join(dir, "new", "data"), requireWritable: true })).close();
      expect(await readdir(join(dir, "new", "data"))).toEqual(["logs", "settings"]);
      expect(await readdir(join(dir, "new", "data", "settings"))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("with requireWritable: refuses a DATA_DIR under a regular file, in one line naming it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "factline-open-"));
    try {
      await writeFile(join(dir, "file"), "");
      const dataDir = join(dir, "file", "data");
      const error = await openStorage({ dataDir, requireWritable: true }).catch((e: Error) => e);
      expect((error as Error).message).toBe(
        `DATA_DIR=${dataDir}: a part of this path is a regular file, not a directory; point DATA_DIR at a directory (it is created if missing)`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  // Root writes anywhere, so permissions can only be tested as another user.
  it.skipIf(process.getuid?.() === 0)("with requireWritable: refuses a read-only DATA_DIR", async () => {
    const dir = await mkdtemp(join(tmpdir(), "factline-open-"));
    try {
      await chmod(dir, 0o500);
      const error = await openStorage({ dataDir: dir, requireWritable: true }).catch((e: Error) => e);
      expect((error as Error).message).toMatch(/^DATA_DIR=.*: cannot write there.*permission denied/);
    } finally {
      await chmod(dir, 0o700);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("fails at start, naming REDIS_URL without its password, when Redis cannot be reached", async () => {
    const url = `redis://:s3cret@127.0.0.1:${await closedPort()}`;
    const error = await openStorage({ dataDir: "unused", redisUrl: url }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^REDIS_URL=redis:\/\/:\*\*\*@127\.0\.0\.1:\d+: cannot connect/);
    expect((error as Error).message).not.toContain("s3cret");
  });

  it("describes where state lives without leaking the password", () => {
    expect(describeStorage({ dataDir: "./data" })).toBe("files under ./data");
    expect(describeStorage({ dataDir: "./data", redisUrl: "redis://u:pw@host:6379/2" })).toBe(
      "redis redis://u:***@host:6379/2",
    );
    expect(redactRedisUrl("not a url")).toBe("(unparsable REDIS_URL)");
  });
});

describe("pseudonymize", () => {
  it("is stable per user, differs between users, and never contains the id", async () => {
    const storage = createMemoryStorage();
    const a = await pseudonymize(storage, 123456789);
    expect(await pseudonymize(storage, 123456789)).toBe(a);
    expect(await pseudonymize(storage, 987654321)).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).not.toContain("123456789");
    expect(hashWithSalt("other salt", 123456789)).not.toBe(a);
  });
});

describe("scheduleRetention", () => {
  it("prunes at start and then on every interval, logging failures instead of throwing", async () => {
    vi.useFakeTimers();
    try {
      const storage = createMemoryStorage();
      const prune = vi
        .spyOn(storage, "prune")
        .mockResolvedValueOnce(2)
        .mockRejectedValueOnce(new Error("down"));
      const logged: string[] = [];
      const logger = {
        info: (_: object, m: string) => logged.push(m),
        error: (_: object, m: string) => logged.push(m),
      };
      const now = new Date("2026-11-23T00:00:00.000Z");
      const { first, stop } = scheduleRetention({ storage, retentionDays: 90, logger, now: () => now });
      await first;
      expect(prune).toHaveBeenCalledWith(new Date("2026-08-25T00:00:00.000Z"));
      await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
      expect(prune).toHaveBeenCalledTimes(2);
      expect(logged).toEqual([
        "retention: dropped old log records",
        "retention: pruning old log records failed",
      ]);
      stop();
      await vi.advanceTimersByTimeAsync(3 * 24 * 60 * 60 * 1000);
      expect(prune).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
