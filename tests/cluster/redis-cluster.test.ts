import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { openCluster } from "../../src/cluster/open-cluster.js";
import { createRedisRateLimitClient } from "../../src/cluster/redis-rate-limit.js";
import { connectRedis } from "../../src/storage/redis.js";
import { captureLogger } from "../bot/harness.js";
import { waitFor } from "../reload/fakes.js";
import { type RedisServer, startRedisServer } from "../storage/redis-server.js";

const redisServer = await startRedisServer();
afterAll(async () => {
  if ("url" in redisServer) await redisServer.stop();
});

if (!("url" in redisServer)) {
  describe.skip(`cluster over Redis (skipped: ${redisServer.unavailable})`, () => {
    it("needs redis-server (apt-get install redis-server)", () => {});
  });
} else {
  const { url } = redisServer;

  describe("cluster over Redis", () => {
    it("claims expire, so a key's claim is not kept forever", async () => {
      const prefix = `test-${randomUUID()}:`;
      const cluster = await openCluster({ redisUrl: url, prefix });
      const redis = await connectRedis(url);
      try {
        expect(await cluster.claims.claim("update:1", 60_000)).toBe(true);
        expect(await cluster.claims.claim("update:1", 60_000)).toBe(false);
        const ttl = await redis.pttl(`${prefix}claim:update:1`);
        expect(ttl).toBeGreaterThan(50_000);
        expect(ttl).toBeLessThanOrEqual(60_000);
      } finally {
        await cluster.close();
        await redis.quit();
      }
    });

    it("rate-limit counters always get their window, even one whose expiry was lost", async () => {
      const prefix = `test-${randomUUID()}:`;
      const redis = await connectRedis(url);
      try {
        const client = createRedisRateLimitClient(redis, { prefix, windowMs: 20_000 });
        expect(await client.incr("alice")).toBe(1);
        expect(await client.incr("alice")).toBe(2);
        expect(await redis.pttl(`${prefix}rate:alice`)).toBeGreaterThan(15_000);
        // INCR and PEXPIRE sent apart, the second lost: the key would never expire.
        await redis.set(`${prefix}rate:bob`, "7");
        expect(await client.incr("bob")).toBe(8);
        expect(await redis.pttl(`${prefix}rate:bob`)).toBeGreaterThan(15_000);
      } finally {
        await redis.quit();
      }
    });

    it("announces a change to every instance, the one that made it included", async () => {
      const prefix = `test-${randomUUID()}:`;
      const [a, b] = [
        await openCluster({ redisUrl: url, prefix }),
        await openCluster({ redisUrl: url, prefix }),
      ];
      const other = await openCluster({ redisUrl: url, prefix: `test-${randomUUID()}:` });
      try {
        const heard = {
          a: [] as (string | undefined)[],
          b: [] as (string | undefined)[],
          other: [] as unknown[],
        };
        a.changes.subscribe((key) => heard.a.push(key));
        b.changes.subscribe((key) => heard.b.push(key));
        other.changes.subscribe((key) => heard.other.push(key));
        expect(a.changes.live && b.changes.live).toBe(true);
        await a.changes.publish("settings:-1");
        await waitFor(() => expect(heard.b).toEqual(["settings:-1"]));
        await waitFor(() => expect(heard.a).toEqual(["settings:-1"]));
        // Another prefix is another bot.
        expect(heard.other).toEqual([]);
      } finally {
        for (const c of [a, b, other]) await c.close();
      }
    });
  });

  describe("cluster when Redis goes away", () => {
    it("decides alone while it is gone (local claims, questions let through, caches not trusted), then recovers", async () => {
      const own = await startRedisServer();
      if (!("url" in own)) throw new Error(own.unavailable);
      const { logger, lines } = captureLogger("info");
      const cluster = await openCluster({ redisUrl: own.url, prefix: "test:", logger });
      let restarted: RedisServer | undefined;
      try {
        expect(cluster.changes.live).toBe(true);
        await own.stop();
        await waitFor(() => expect(cluster.changes.live).toBe(false));

        expect(await cluster.claims.claim("update:7", 60_000)).toBe(true);
        expect(await cluster.claims.claim("update:7", 60_000)).toBe(false);
        expect(await cluster.rateLimitClient(20_000).incr("alice")).toBe(0);
        expect(lines.some((l) => l.includes("redis failed to claim"))).toBe(true);
        expect(lines.some((l) => l.includes("redis failed to count a question"))).toBe(true);

        // Back on the same address: live again, and listeners are told that anything may have changed.
        const heard: (string | undefined)[] = [];
        cluster.changes.subscribe((key) => heard.push(key));
        const again = await startRedisServer({ port: Number(new URL(own.url).port) });
        if (!("url" in again)) throw new Error(again.unavailable);
        restarted = again;
        await waitFor(() => expect(cluster.changes.live).toBe(true), 10_000);
        expect(heard).toEqual([undefined]);
        expect(await cluster.claims.claim("update:8", 60_000)).toBe(true);
      } finally {
        await cluster.close();
        await restarted?.stop();
      }
    }, 20_000);
  });
}
