import { GrammyError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import type { AnsweredUpdates } from "../../src/bot/answered-updates.js";
import { createBot } from "../../src/bot/create-bot.js";
import { isFatalTelegramError, startPolling } from "../../src/bot/polling.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { type FakeBotApi, privateText, startFakeBotApi } from "../../src/testing/fake-bot-api.js";
import { createFakeEngine } from "./fake-engine.js";
import { captureLogger } from "./harness.js";

// Polling when something fails: Telegram refusing a poll, the storage of answered updates, the confirmation.

let api: FakeBotApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function botAgainst(fake: FakeBotApi) {
  const { logger, lines } = captureLogger();
  const bot = createBot(
    { token: fake.token, botInfo: fake.botInfo, apiRoot: fake.url },
    { getEngine: createFakeEngine, storage: createMemoryStorage(), logger, adminIds: [] },
  );
  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { bot, logger, logged };
}

const quick = { timeoutSeconds: 1, busyPollMs: 20, confirmTimeoutMs: 500 };
const refused = (code: number) =>
  new GrammyError(
    "Call to 'getUpdates' failed!",
    { ok: false, error_code: code, description: "x" },
    "getUpdates",
    {},
  );

describe("polling when something fails", () => {
  it("only a refused token (401) and a conflict (409) are fatal", () => {
    expect(isFatalTelegramError(refused(401))).toBe(true);
    expect(isFatalTelegramError(refused(409))).toBe(true);
    expect(isFatalTelegramError(refused(400))).toBe(false);
    expect(isFatalTelegramError(refused(500))).toBe(false);
    expect(isFatalTelegramError(Object.assign(new Error("x"), { error_code: 401 }))).toBe(false);
  });

  it("retries a refused poll after 0.5 s, then 1 s, and answers once Telegram does", async () => {
    api = await startFakeBotApi();
    const fake = api;
    fake.injectFault({ method: "getUpdates", code: 400, description: "Bad Request: try later", times: 2 });
    const { bot, logger, logged } = botAgainst(fake);
    const polling = startPolling(bot, { logger, ...quick });
    fake.pushUpdate(privateText(1, "/help"));
    await fake.waitForSent(1);
    await polling.stop(Date.now() + 1000);
    expect(
      logged()
        .filter((l) => l.msg === "getUpdates failed; retrying")
        .map((l) => l.retryInMs),
    ).toEqual([500, 1000]);
  });

  it("a 401 ends polling with the error, after the answers in flight", async () => {
    api = await startFakeBotApi();
    const fake = api;
    fake.injectFault({ method: "getUpdates", code: 401, description: "Unauthorized" });
    const { bot, logger } = botAgainst(fake);
    const polling = startPolling(bot, { logger, ...quick });
    await expect(polling.done).rejects.toMatchObject({ error_code: 401 });
  });

  it("answers on when the answered updates cannot be read, and says so when they cannot be stored", async () => {
    api = await startFakeBotApi();
    const fake = api;
    const answered: AnsweredUpdates = {
      load: async () => {
        throw new Error("storage down");
      },
      save: async () => {
        throw new Error("storage still down");
      },
    };
    const { bot, logger, logged } = botAgainst(fake);
    const polling = startPolling(bot, { logger, ...quick, answered });
    fake.delay("sendMessage", 60_000, 1);
    const [stuck] = fake.pushUpdates([privateText(1, "/help"), privateText(2, "/help")]);
    await fake.waitForSent(1);
    await polling.stop(Date.now() + 1000);
    expect(fake.confirmedOffset).toBe(stuck);
    const messages = logged().map((l) => l.msg);
    expect(messages).toContain("could not read which updates were answered before the last stop");
    expect(logged()).toContainEqual(
      expect.objectContaining({
        msg: "could not store which updates were answered; they may be answered twice",
        updates: [(stuck as number) + 1],
      }),
    );
    expect(logged()).toContainEqual(
      expect.objectContaining({
        msg: "shutdown: gave up waiting for some updates; Telegram delivers them again at the next start",
        unfinished: [stuck],
        redeliveredFrom: stuck,
      }),
    );
    expect(messages).not.toContain(
      "shutdown: updates confirmed earlier to keep polling going were not answered",
    );
  });

  it("stores nothing at stop when nothing was answered past the offset and nothing was remembered", async () => {
    api = await startFakeBotApi();
    const fake = api;
    const saves: number[][] = [];
    const answered: AnsweredUpdates = { load: async () => [], save: async (ids) => void saves.push(ids) };
    const { bot, logger, logged } = botAgainst(fake);
    const polling = startPolling(bot, { logger, ...quick, answered });
    fake.pushUpdate(privateText(1, "/help"));
    await fake.waitForSent(1);
    await fake.waitFor(() => fake.confirmedOffset > 0);
    await polling.stop(Date.now() + 1000);
    expect(saves).toEqual([]);
    expect(logged()).toContainEqual(
      expect.objectContaining({
        msg: "confirmed the update offset to Telegram",
        offset: fake.confirmedOffset,
      }),
    );
  });

  it("says so when the offset cannot be confirmed at stop", async () => {
    api = await startFakeBotApi();
    const fake = api;
    const { bot, logger, logged } = botAgainst(fake);
    const polling = startPolling(bot, { logger, ...quick });
    fake.pushUpdate(privateText(1, "/help"));
    await fake.waitForSent(1);
    await fake.waitFor(() => fake.confirmedOffset > 0);
    fake.injectFault({ method: "getUpdates", code: 400, description: "Bad Request: no", times: 5 });
    await polling.stop(Date.now() + 1000);
    expect(logged()).toContainEqual(expect.objectContaining({ msg: "could not confirm the update offset" }));
  });
});
