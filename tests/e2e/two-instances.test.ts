import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, startBotProcess } from "../../src/testing/bot-process.js";
import {
  type FakeBotApi,
  privateText,
  type RecordedCall,
  startFakeBotApi,
} from "../../src/testing/fake-bot-api.js";
import { type RedisServer, startRedisServer } from "../storage/redis-server.js";

/** Two bot processes in webhook mode sharing REDIS_URL, as main.ts wires them, behind "one URL" (the test). */

const SECRET = "e2e_cluster_secret_0123456789";
const redis = await startRedisServer();
let api: FakeBotApi;
const bots: BotProcess[] = [];
const bases: string[] = [];

const repliesTo = (chatId: number) => (c: RecordedCall) =>
  c.method === "sendMessage" && c.ok && c.payload.chat_id === chatId;

function post(base: string, update: object) {
  return fetch(`${base}/telegram/hook`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body: JSON.stringify(update),
  });
}

if (!("url" in redis)) {
  describe.skip(`two bot processes (skipped: ${redis.unavailable})`, () => {
    it("needs redis-server (apt-get install redis-server)", () => {});
  });
} else {
  beforeAll(async () => {
    api = await startFakeBotApi();
    for (let i = 0; i < 2; i++) {
      bots.push(
        startBotProcess({
          BOT_TOKEN: api.token,
          TELEGRAM_API_ROOT: api.url,
          WEBHOOK_URL: "http://127.0.0.1/telegram/hook",
          WEBHOOK_SECRET: SECRET,
          PORT: "0",
          REDIS_URL: (redis as RedisServer).url,
        }),
      );
    }
    for (const bot of bots) {
      const listening = await bot.waitForLog((l) => l.msg === "webhook mode: listening", 30_000);
      bases.push(`http://127.0.0.1:${listening.port}`);
    }
  }, 60_000);

  afterAll(async () => {
    for (const bot of bots) await bot.dispose();
    await api?.close();
    await (redis as RedisServer).stop();
  });

  describe("two bot processes sharing REDIS_URL", () => {
    it("answer an update delivered to both once", async () => {
      const [a, b] = bases as [string, string];
      const user = 701;
      const update = { ...privateText(user, "/help"), update_id: 500 };
      const statuses = await Promise.all([post(a, update), post(b, update), post(a, update)]);
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
      // Both have acknowledged it, so whichever lost the claim would have queued it by now. A later update of
      // the same chat to each is answered after anything queued before it, so once both are answered, a
      // duplicate would have been too.
      expect((await post(a, { ...privateText(user, "/about"), update_id: 501 })).status).toBe(200);
      expect((await post(b, { ...privateText(user, "/sources"), update_id: 502 })).status).toBe(200);
      await api.waitFor(() => api.calls.filter(repliesTo(user)).length >= 3, { what: "three replies" });
      const replies = api.calls.filter(repliesTo(user)).map((c) => String(c.payload.text));
      expect(replies.filter((t) => t.includes("How to ask"))).toHaveLength(1);
      expect(replies).toHaveLength(3);
      for (const bot of bots) expect(bot.stderr()).not.toContain(api.token);
    });
  });
}
