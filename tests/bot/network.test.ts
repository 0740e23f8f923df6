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
  const state = { dropping: true, getUpdates: 0, sendMessage: 0, answered: 0 };
  server = createServer((req, res) => {
    if (req.url?.endsWith("/getUpdates")) state.getUpdates++;
    if (req.url?.endsWith("/sendMessage")) state.sendMessage++;
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
    // Before: auto-retry waited 3 s, 6 s, 12 s... and the send never settled, blocking its chat's queue.
    await expect(bot.api.sendMessage(1, "hello")).rejects.toBeInstanceOf(HttpError);
    expect(api.state.sendMessage).toBe(1);
  });

  it("polling retries getUpdates with its own backoff and recovers", async () => {
    const api = await flakyApi();
    const { bot, logger, logs } = botAgainst(api.url);
    const polling = startPolling(bot, { logger, timeoutSeconds: 0, retryMs: 20 });
    const warnings = () => logs.filter((l) => l.includes("getUpdates failed; retrying"));
    await until(() => warnings().length >= 2);
    expect(
      warnings()
        .slice(0, 2)
        .map((l) => JSON.parse(l).retryInMs),
    ).toEqual([20, 40]);
    expect(JSON.parse(warnings()[0] as string).err.type).toBe("HttpError");
    api.state.dropping = false;
    await until(() => api.state.answered >= 2);
    // Recovered: the next failure starts the backoff from the beginning again.
    api.state.dropping = true;
    const before = warnings().length;
    await until(() => warnings().length > before);
    expect(JSON.parse(warnings()[before] as string).retryInMs).toBe(20);
    await polling.stop();
  });

  it("stop() cuts a backoff pause short", async () => {
    const api = await flakyApi();
    const { bot, logger, logs } = botAgainst(api.url);
    // A pause far longer than any test may take: stop() returns at all only if it cuts the pause short.
    const polling = startPolling(bot, { logger, timeoutSeconds: 0, retryMs: 600_000 });
    await until(() => logs.some((l) => l.includes("getUpdates failed; retrying")));
    const outcome = await Promise.race([
      polling.stop().then(() => "stopped"),
      new Promise((resolve) => setTimeout(resolve, 4000, "still pausing")),
    ]);
    expect(outcome).toBe("stopped");
    expect(api.state.getUpdates).toBe(1);
  });
});
