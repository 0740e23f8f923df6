import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { type BotProcess, startBotProcess } from "../../src/testing/bot-process.js";
import { type FakeBotApi, privateText, startFakeBotApi } from "../../src/testing/fake-bot-api.js";

/**
 * Shutdown works back from one deadline: an answer that cannot go out (Telegram says retry after 30 s) is
 * given up on early enough that a slow offset confirmation still fits, and the process exits 0 within 10 s.
 */

const CONFIRM_DELAY_MS = 2700;

let api: FakeBotApi | undefined;
let proxy: Server | undefined;
let bot: BotProcess | undefined;

afterAll(async () => {
  await bot?.dispose();
  proxy?.closeAllConnections();
  await new Promise((resolve) => proxy?.close(resolve) ?? resolve(undefined));
  await api?.close();
});

/** Passes every call through to the fake Bot API, holding the offset confirmation (limit 1, timeout 0) back. */
async function slowConfirmationProxy(target: FakeBotApi): Promise<string> {
  proxy = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    let payload: { limit?: number; timeout?: number } = {};
    try {
      payload = JSON.parse(body.toString("utf8") || "{}");
    } catch {
      // not JSON: not the confirmation
    }
    if (req.url?.endsWith("/getUpdates") && payload.limit === 1 && payload.timeout === 0) {
      await new Promise((resolve) => setTimeout(resolve, CONFIRM_DELAY_MS));
    }
    const upstream = request(
      `${target.url}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: `127.0.0.1:${target.port}` } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    // The bot aborting a long poll (shutdown) must reach the fake API, as it would reach Telegram.
    res.on("close", () => upstream.destroy());
    upstream.end(body);
  });
  await new Promise<void>((resolve) => proxy?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

describe("shutdown with a stuck answer", () => {
  it("gives up on the stuck answer, still confirms the offset (slowly) and exits 0 within 10 s", async () => {
    api = await startFakeBotApi();
    const fake = api;
    bot = startBotProcess({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: await slowConfirmationProxy(fake) });
    await fake.waitForPoll({ timeoutMs: 30_000 });

    fake.injectFault({ method: "sendMessage", code: 429, retryAfter: 30 });
    fake.pushUpdate(privateText({ id: 4242, language_code: "en" }, "/help"));
    const last = fake.lastUpdateId;
    await fake.waitFor(() => fake.calls.some((c) => c.method === "sendMessage" && c.status === 429), {
      what: "the answer to be refused with retry_after 30",
    });
    // The bot has taken the update and waits in its next long poll.
    await fake.waitFor(
      () =>
        fake.calls.some(
          (c) => c.method === "getUpdates" && Number(c.payload.offset) > last && c.status === undefined,
        ),
      { what: "the next long poll" },
    );

    const signalled = bot.signalGroup("SIGTERM");
    const exit = await bot.exited;
    const took = Date.now() - signalled;
    console.log(`SIGTERM with a stuck answer: stopped in ${took} ms, exit code ${exit.code}`);
    expect(exit.code).toBe(0);
    expect(took).toBeLessThan(10_000);
    expect(bot.stderr()).toContain("gave up waiting for some updates");
    expect(fake.confirmedOffset).toBe(last + 1);
    expect(bot.stderr()).toContain("confirmed the update offset");
  }, 60_000);
});
