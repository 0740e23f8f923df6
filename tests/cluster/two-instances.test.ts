import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Update } from "grammy/types";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { processUpdate } from "../../src/bot/create-bot.js";
import { trackInFlightUpdates } from "../../src/bot/in-flight-updates.js";
import { SECRET_HEADER, startWebhookServer } from "../../src/bot/webhook.js";
import { openCluster } from "../../src/cluster/open-cluster.js";
import { connectRedis, createRedisStorage } from "../../src/storage/redis.js";
import { groupMessage, privateText, type UpdateInput } from "../../src/testing/fake-bot-api.js";
import { captureLogger, createTestBot, type TestBotOptions } from "../bot/harness.js";
import { startRedisServer } from "../storage/redis-server.js";

// Two instances of the bot as main.ts wires them with REDIS_URL set (storage and cluster on one real
// redis-server, each with its own connections, createBot, and a webhook server), as behind one load balancer.

const SECRET = "cluster_test_secret_0123456789";
const GROUP = -100777;
const alice = { id: 3001, language_code: "en" };
const bob = { id: 3002, language_code: "en" };
const admin = { id: 3003, language_code: "en" };
const WAIT = "That's a lot of questions at once. Please wait a few seconds and ask again.";

const redisServer = await startRedisServer();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});
afterAll(async () => {
  if ("url" in redisServer) await redisServer.stop();
});

async function startInstance(redisUrl: string, prefix: string, options: TestBotOptions) {
  const { logger } = captureLogger("info");
  const cluster = await openCluster({ redisUrl, prefix, logger });
  const storage = createRedisStorage(await connectRedis(redisUrl), { prefix, ownsConnection: true });
  const bot = createTestBot({ ...options, storage, cluster });
  const inFlight = trackInFlightUpdates((update) => processUpdate(bot.bot, update));
  const server = await startWebhookServer({
    path: "/hook",
    secret: SECRET,
    port: 0,
    host: "127.0.0.1",
    inFlight,
    logger,
    claims: cluster.claims,
  });
  stops.push(async () => {
    await server.close();
    await inFlight.drain(5000);
    await cluster.close();
    await storage.close();
    expect(bot.errors).toEqual([]);
  });
  const post = (update: Update) =>
    fetch(`http://127.0.0.1:${server.port}/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", [SECRET_HEADER]: SECRET },
      body: JSON.stringify(update),
    });
  return { ...bot, inFlight, post };
}

if (!("url" in redisServer)) {
  console.warn(`\n⚠ SKIPPING the multi-instance tests: ${redisServer.unavailable}\n`);
  describe.skip(`several instances (skipped: ${redisServer.unavailable})`, () => {
    it("needs redis-server (apt-get install redis-server)", () => {});
  });
} else {
  const { url } = redisServer;
  /** Two instances sharing one Redis; a fresh key prefix per test keeps the tests apart. */
  const twoInstances = async (options: TestBotOptions = {}) => {
    const prefix = `test-${randomUUID()}:`;
    return [await startInstance(url, prefix, options), await startInstance(url, prefix, options)] as const;
  };
  let updateId = 9000;
  const withId = (update: UpdateInput) => ({ ...update, update_id: updateId++ }) as Update;

  describe("several instances behind one webhook URL", () => {
    it("answer an update delivered to both of them once", async () => {
      const [a, b] = await twoInstances();
      const update = withId(privateText(alice, "How many calls?"));
      // Delivered to both at once (a retry racing the original), then once more to each (later retries).
      const statuses = await Promise.all([a.post(update), b.post(update)]);
      expect(statuses.map((r) => r.status)).toEqual([200, 200]);
      expect((await a.post(update)).status).toBe(200);
      expect((await b.post(update)).status).toBe(200);
      await Promise.all([a.inFlight.drain(5000), b.inFlight.drain(5000)]);
      const answers = [...a.texts(), ...b.texts()];
      expect(answers).toHaveLength(1);
      expect(answers[0]).toContain("26,000");

      // Other updates are answered by whichever instance they reach.
      expect((await b.post(withId(privateText(bob, "How many calls?")))).status).toBe(200);
      await b.inFlight.drain(5000);
      expect(b.texts().at(-1)).toContain("26,000");
    });

    it("honour a group's settings changed through the other instance within a second", async () => {
      const now = new Date("2024-05-01T21:30:00Z"); // 23:30 at +02:00
      const [a, b] = await twoInstances({
        members: { [`${GROUP}:${admin.id}`]: "administrator" },
        now: () => now,
        rateLimit: { limit: 10_000, windowMs: 60_000 },
      });
      const askB = () => b.send(groupMessage({ chatId: GROUP, from: bob, text: "/ask how many calls?" }));
      // B answers, and now holds the group's (default) settings in its cache.
      await askB();
      await askB();
      expect(b.sent()).toHaveLength(2);

      await a.send(
        groupMessage({ chatId: GROUP, from: admin, text: "/settings@factline_bot quiet 22-07 +02:00" }),
      );
      expect(a.texts()[0]).toContain("Quiet hours: 22:00–07:00 UTC+02:00");
      const changed = Date.now();
      // B must fall silent (quiet hours) within a second.
      for (;;) {
        const before = b.sent().length;
        await askB();
        if (b.sent().length === before) break;
        if (Date.now() - changed > 1000) throw new Error("B still answers a second after A set quiet hours");
        await sleep(20);
      }
      expect(Date.now() - changed).toBeLessThan(1000);
    });

    it("count a person's questions on both: over the limit on one is over it on the other", async () => {
      const [a, b] = await twoInstances({ rateLimit: { limit: 2, windowMs: 60_000 } });
      await a.send(privateText(alice, "calls?"));
      await b.send(privateText(alice, "calls?"));
      await a.send(privateText(alice, "calls?"));
      expect(a.texts()).toEqual([expect.stringContaining("26,000"), WAIT]);
      expect(b.texts()).toEqual([expect.stringContaining("26,000")]);

      // Over the limit on B too, and not asked to wait a second time.
      await b.send(privateText(alice, "calls?"));
      expect(b.texts()).toHaveLength(1);

      // Someone else is not affected.
      await b.send(privateText(bob, "calls?"));
      expect(b.texts().at(-1)).toContain("26,000");
    });
  });
}
