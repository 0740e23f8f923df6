import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { HttpError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/create-bot.js";
import { startPolling } from "../../src/bot/polling.js";
import { createLogger } from "../../src/logger.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { createFakeEngine } from "./fake-engine.js";
import { BOT_INFO, TOKEN } from "./harness.js";

/** Network errors (HttpError) against a server that drops connections while `dropping` is true. */

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function flakyApi() {
  const state = { dropping: true, getUpdates: 0, answered: 0 };
  server = createServer((req, res) => {
    if (req.url?.endsWith("/getUpdates")) state.getUpdates++;
    if (state.dropping) {
      req.socket.destroy();
      return;
    }
    state.answered++;
    // As a long poll with nothing new would, but short.
    setTimeout(() => res.end(JSON.stringify({ ok: true, result: [] })), 20);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { state, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function botAgainst(apiRoot: string) {
  const logs: string[] = [];
  const logger = createLogger({
    level: "debug",
    destination: new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  const engine = createFakeEngine();
  const bot = createBot(
    { token: TOKEN, botInfo: BOT_INFO, apiRoot },
    { getEngine: () => engine, storage: createMemoryStorage(), logger, adminIds: [] },
  );
  return { bot, logger, logs };
}

async function until(check: () => boolean, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("network errors", () => {
  it("a request that hits a network error fails at once instead of being retried for up to an hour", async () => {
    const api = await flakyApi();
    const { bot } = botAgainst(api.url);
    const started = Date.now();
    // Before: auto-retry waited 3 s, 6 s, 12 s... and the send never settled, blocking its chat's queue.
    await expect(bot.api.sendMessage(1, "hello")).rejects.toBeInstanceOf(HttpError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("polling retries getUpdates with its own short backoff, recovers, and stops at once during a pause", async () => {
    const api = await flakyApi();
    const { bot, logger, logs } = botAgainst(api.url);
    const polling = startPolling(bot, { logger, timeoutSeconds: 0 });
    const warnings = () => logs.filter((l) => l.includes("getUpdates failed; retrying")).length;
    await until(() => warnings() >= 1);
    api.state.dropping = false;
    await until(() => api.state.answered >= 2);
    api.state.dropping = true;
    const before = warnings();
    await until(() => warnings() > before);
    // Now in a 500 ms pause: stop() cuts it short.
    const stopping = Date.now();
    await polling.stop();
    expect(Date.now() - stopping).toBeLessThan(400);
    expect(JSON.parse(logs.find((l) => l.includes("getUpdates failed")) as string).err.type).toBe(
      "HttpError",
    );
  });
});
