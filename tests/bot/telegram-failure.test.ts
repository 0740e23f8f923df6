import { GrammyError, HttpError } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/create-bot.js";
import { type ApiFailure, describeTelegramFailure } from "../../src/bot/telegram-failure.js";
import { createLogger } from "../../src/logger.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { type FakeBotApi, startFakeBotApi } from "../../src/testing/fake-bot-api.js";
import { createFakeEngine } from "./fake-engine.js";

const context = { apiRoot: "https://api.telegram.org", waitedMs: 20_000 };
// What auto-retry throws when start-up's time runs out while it waits to try again.
const aborted = new Error("Request aborted while waiting between retries");

let api: FakeBotApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe("start-up failures say what happened", () => {
  it("a server that answered every call with 500 is not 'cannot reach'", () => {
    const lastFailure = { method: "getMe", code: 500, description: "Internal Server Error" };
    const text = describeTelegramFailure(aborted, { ...context, lastFailure });
    expect(text).toBe(
      "The Telegram Bot API at https://api.telegram.org answered with errors for 20 s (last: 500 Internal Server " +
        "Error to getMe). Telegram (or the server at TELEGRAM_API_ROOT) is having trouble; start again in a few minutes.",
    );
  });

  it("429 says Telegram asks to slow down", () => {
    const lastFailure = { method: "setWebhook", code: 429, description: "Too Many Requests: retry after 30" };
    const text = describeTelegramFailure(aborted, { ...context, lastFailure });
    expect(text).toMatch(
      /answered with errors for 20 s \(last: 429 Too Many Requests: retry after 30 to setWebhook\)/,
    );
    expect(text).toContain("slow down");
  });

  it("no answer at all is 'cannot reach', and a refused token names @BotFather", () => {
    expect(describeTelegramFailure(aborted, context)).toMatch(/^Cannot reach .* within 20 s: no answer came/);
    const network = new HttpError("Network request for 'getMe' failed!", new Error("ECONNREFUSED"));
    expect(describeTelegramFailure(network, context)).toMatch(/^Cannot reach the Telegram Bot API/);
    const unauthorized = new GrammyError(
      "Call to 'getMe' failed!",
      { ok: false, error_code: 401, description: "Unauthorized" },
      "getMe",
      {},
    );
    expect(describeTelegramFailure(unauthorized, context)).toContain("@BotFather");
  });

  it("the bot hears of every error answer, also those auto-retry retries and hides", async () => {
    api = await startFakeBotApi();
    api.injectFault({ method: "getMe", code: 500, times: 10 });
    const failures: ApiFailure[] = [];
    const bot = createBot(
      { token: api.token, apiRoot: api.url, onApiError: (f) => failures.push(f) },
      {
        getEngine: createFakeEngine,
        storage: createMemoryStorage(),
        logger: createLogger({ level: "silent" }),
        adminIds: [],
      },
    );
    // Auto-retry waits 3 s before its first retry: the call is cut short in that wait, as start-up's is.
    const error = await bot.api.getMe(AbortSignal.timeout(300) as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(GrammyError);
    expect(failures).toEqual([{ method: "getMe", code: 500, description: "Internal Server Error" }]);
  });
});
