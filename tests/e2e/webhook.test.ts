import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, startBotProcess } from "../../src/testing/bot-process.js";
import {
  type FakeBotApi,
  privateText,
  type RecordedCall,
  startFakeBotApi,
} from "../../src/testing/fake-bot-api.js";

/** The bot as a process in webhook mode: Telegram's updates are POSTed to it, answers go to the fake API. */

const SECRET = "e2e_secret_token_0123456789";
let api: FakeBotApi;
let bot: BotProcess;
let base: string;

beforeAll(async () => {
  api = await startFakeBotApi();
  bot = startBotProcess({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    WEBHOOK_URL: "http://127.0.0.1/telegram/hook",
    WEBHOOK_SECRET: SECRET,
    PORT: "0",
  });
  const listening = await bot.waitForLog((l) => l.msg === "webhook mode: listening", 30_000);
  base = `http://127.0.0.1:${listening.port}`;
}, 40_000);

afterAll(async () => {
  await bot?.dispose();
  await api?.close();
});

function post(update: object, secret?: string) {
  return fetch(`${base}/telegram/hook`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
    },
    body: JSON.stringify(update),
  });
}

const repliesTo = (chatId: number) => (c: RecordedCall) =>
  c.method === "sendMessage" && c.ok && c.payload.chat_id === chatId;

describe("bot process in webhook mode", () => {
  it("registers the webhook with its secret and serves /healthz", async () => {
    const call = api.sent("setWebhook")[0];
    expect(call?.payload).toMatchObject({ url: "http://127.0.0.1/telegram/hook", secret_token: SECRET });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });

  it("rejects updates without the right secret token (401) and does not handle them", async () => {
    const update = { ...privateText(501, "/help"), update_id: 1 };
    expect((await post(update)).status).toBe(401);
    expect((await post(update, "wrong_secret_token_0123456789")).status).toBe(401);
    expect((await post(update, SECRET.slice(0, -1))).status).toBe(401);
    expect(api.calls.some(repliesTo(501))).toBe(false);
  });

  it("answers the same update_id only once", async () => {
    const user = 502;
    const first = { ...privateText(user, "/help"), update_id: 100 };
    expect((await post(first, SECRET)).status).toBe(200);
    expect((await post(first, SECRET)).status).toBe(200);
    expect((await post(first, SECRET)).status).toBe(200);
    // A later update of the same chat is handled after the earlier ones, so once its reply is in,
    // any duplicate would have been answered too.
    expect((await post({ ...privateText(user, "/about"), update_id: 101 }, SECRET)).status).toBe(200);
    await api.waitFor(() => api.calls.filter(repliesTo(user)).length >= 2, { what: "two replies" });
    const replies = api.calls.filter(repliesTo(user));
    expect(replies).toHaveLength(2);
    expect(replies[0]?.payload.text).toContain("How to ask");
    expect(replies[1]?.payload.text).toContain("About");
  });

  it("stops on SIGTERM with exit code 0 within 10 s, also while a client holds a half-sent request", async () => {
    // No secret, no end of headers: a stalled or hostile client must not turn every stop into a kill.
    const client = connect(Number(new URL(base).port), "127.0.0.1");
    client.on("error", () => undefined);
    await new Promise<void>((resolve) => client.once("connect", () => resolve()));
    client.write("POST /telegram/hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n");
    const cut = new Promise<void>((resolve) => client.once("close", () => resolve()));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    const signalled = bot.signalGroup("SIGTERM");
    const exit = await bot.exited;
    expect(exit.code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    await cut;
  }, 15_000);
});
