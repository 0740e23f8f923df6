import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import type { AnsweredUpdates } from "../../src/bot/answered-updates.js";
import { createBot } from "../../src/bot/create-bot.js";
import { startPolling } from "../../src/bot/polling.js";
import { createLogger } from "../../src/logger.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { type FakeBotApi, privateText, startFakeBotApi } from "../../src/testing/fake-bot-api.js";
import { createFakeEngine } from "./fake-engine.js";

/** Polling in-process against the fake Bot API: which offset it confirms, and when. */

let api: FakeBotApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function botAgainst(fake: FakeBotApi) {
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
    { token: fake.token, botInfo: fake.botInfo, apiRoot: fake.url },
    { getEngine: () => engine, storage: createMemoryStorage(), logger, adminIds: [] },
  );
  return { bot, logger, logs };
}

// Short polls and a short stop: the drain gives up on the stuck answer after a second, leaving the offset
// confirmation a second too, far more than a local call takes even on a loaded machine.
const quick = { timeoutSeconds: 1, busyPollMs: 20, confirmTimeoutMs: 1000 };
const stopSoon = () => Date.now() + 2000;

const users = (n: number, from = 1) => Array.from({ length: n }, (_, i) => privateText(from + i, "/help"));

describe("polling", () => {
  it("never confirms an update in flight: the offset waits at the oldest unfinished one", async () => {
    api = await startFakeBotApi();
    const fake = api;
    fake.delay("sendMessage", 60_000);
    const { bot, logger } = botAgainst(fake);
    const polling = startPolling(bot, { logger, ...quick });
    const [stuck, ...rest] = fake.pushUpdates(users(20));
    await fake.waitForSent(19);
    // Polled since every other answer went out, and still not past the stuck one.
    const polled = fake.calls.length;
    await fake.waitFor(() => fake.calls.slice(polled).some((c) => c.method === "getUpdates"));
    expect(fake.confirmedOffset).toBe(stuck);
    await polling.stop(stopSoon());
    expect(fake.confirmedOffset).toBe(stuck);
    expect(rest).toHaveLength(19);
  });

  it("a stuck update holds back a full batch only for holdLimitMs, then newer updates are fetched", async () => {
    api = await startFakeBotApi();
    const fake = api;
    fake.delay("sendMessage", 60_000);
    const { bot, logger, logs } = botAgainst(fake);
    const polling = startPolling(bot, { logger, ...quick, holdLimitMs: 200 });
    const ids = fake.pushUpdates(users(150));
    // 149: the first batch of 100 but the stuck one, and the 50 behind it that a held offset never shows.
    await fake.waitForSent(149);
    expect(logs.filter((l) => l.includes("held back all newer ones"))).toHaveLength(1);
    await polling.stop(stopSoon());
    expect(fake.confirmedOffset).toBe((ids.at(-1) as number) + 1);
    expect(
      logs.some((l) => l.includes("updates confirmed earlier to keep polling going were not answered")),
    ).toBe(true);
  });

  it("remembers the updates answered past the offset at stop, and skips them when they come again", async () => {
    api = await startFakeBotApi();
    const fake = api;
    fake.delay("sendMessage", 60_000);
    let stored: number[] = [];
    const answered: AnsweredUpdates = {
      load: async () => stored,
      save: async (ids) => {
        stored = ids;
      },
    };
    const first = botAgainst(fake);
    const polling = startPolling(first.bot, {
      logger: first.logger,
      timeoutSeconds: 1,
      busyPollMs: 20,
      answered,
    });
    const [stuck, ...rest] = fake.pushUpdates(users(5));
    await fake.waitForSent(4);
    await polling.stop(stopSoon());
    expect(fake.confirmedOffset).toBe(stuck);
    expect(stored).toEqual(rest);

    const second = botAgainst(fake);
    const again = startPolling(second.bot, {
      logger: second.logger,
      timeoutSeconds: 1,
      busyPollMs: 20,
      answered,
    });
    await fake.waitForSent(5);
    await fake.waitFor(() => fake.confirmedOffset > (rest.at(-1) as number));
    await again.stop();
    expect(fake.sent().map((c) => c.payload.chat_id)).toEqual([2, 3, 4, 5, 1]);
    expect(stored).toEqual([]);
  });
});
