import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { shutdownBudget } from "../../src/config.js";
import { type BotProcess, startBotProcess } from "../../src/testing/bot-process.js";
import {
  type FakeBotApi,
  privateText,
  type RecordedCall,
  startFakeBotApi,
} from "../../src/testing/fake-bot-api.js";

/**
 * Shutdown works back from one deadline, and confirms to Telegram only the updates that were answered: an
 * answer that cannot go out in time (Telegram says retry after 30 s) is given up on early enough that a slow
 * offset confirmation still fits, the process exits 0, and the next start answers what was left.
 */

// The bot runs with STOP_TIMEOUT=10 (Docker's default); the confirmation is slow, but within its budget.
const STOP_TIMEOUT = 10;
const CONFIRM_DELAY_MS = shutdownBudget(STOP_TIMEOUT).confirmMs - 300;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeApi(): Promise<FakeBotApi> {
  const api = await startFakeBotApi();
  cleanups.push(() => api.close());
  return api;
}

function bot(env: Record<string, string>, dataDir?: string): BotProcess {
  const started = startBotProcess(env, { dataDir });
  cleanups.push(() => started.dispose());
  return started;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "factline-shutdown-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Passes every call through to the fake Bot API, holding the offset confirmation (limit 1, timeout 0) back. */
async function slowConfirmationProxy(target: FakeBotApi): Promise<string> {
  const proxy: Server = createServer(async (req, res) => {
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
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  cleanups.push(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

const okTo = (chatId: number) => (c: RecordedCall) =>
  c.method === "sendMessage" && c.ok === true && c.payload.chat_id === chatId;

describe("shutdown with a stuck answer", () => {
  it("gives up on it, confirms (slowly) all but it, exits 0 within 10 s; the next start answers it", async () => {
    const fake = await fakeApi();
    const dataDir = tempDir();
    const first = bot(
      {
        BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: await slowConfirmationProxy(fake),
        STOP_TIMEOUT: String(STOP_TIMEOUT),
      },
      dataDir,
    );
    await fake.waitForPoll({ timeoutMs: 30_000 });

    fake.injectFault({ method: "sendMessage", code: 429, retryAfter: 30 });
    const stuck = fake.pushUpdate(privateText({ id: 4242, language_code: "en" }, "/help"));
    await fake.waitFor(() => fake.calls.some((c) => c.method === "sendMessage" && c.status === 429), {
      what: "the answer to be refused with retry_after 30",
    });

    const signalled = first.signalGroup("SIGTERM");
    const exit = await first.exited;
    const took = Date.now() - signalled;
    console.log(`SIGTERM with a stuck answer: stopped in ${took} ms, exit code ${exit.code}`);
    expect(exit.code).toBe(0);
    expect(took).toBeLessThan(STOP_TIMEOUT * 1000);
    expect(first.stderr()).toContain("gave up waiting for some updates");
    expect(first.stderr()).toContain("confirmed the update offset");
    // Everything before it is confirmed; it is not, so Telegram delivers it again.
    expect(fake.confirmedOffset).toBe(stuck);
    expect(fake.calls.some(okTo(4242))).toBe(false);

    const second = bot({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url }, dataDir);
    await fake.waitFor(() => fake.calls.some(okTo(4242)), {
      timeoutMs: 30_000,
      what: "the answer after a restart",
    });
    second.signalGroup("SIGTERM");
    expect((await second.exited).code).toBe(0);
    expect(fake.confirmedOffset).toBe(stuck + 1);
    expect(fake.calls.filter(okTo(4242))).toHaveLength(1);
  }, 90_000);
});

describe("shutdown with a backlog", () => {
  it("confirms only answered updates; the next start answers the rest, none twice", async () => {
    const fake = await fakeApi();
    const dataDir = tempDir();
    // A short stop timeout, so the drain gives up within two seconds instead of six.
    const first = bot({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, STOP_TIMEOUT: "4" }, dataDir);
    await fake.waitForPoll({ timeoutMs: 30_000 });

    // 300 questions from 60 people (5 each, under the rate limit); Telegram holds up three chats' answers.
    const users = Array.from({ length: 60 }, (_, i) => ({ id: 7000 + i, language_code: "en" }));
    fake.injectFault({ method: "sendMessage", code: 429, retryAfter: 30, times: 3 });
    const ids = fake.pushUpdates(
      Array.from({ length: 300 }, (_, i) => privateText(users[i % 60] as { id: number }, "/about")),
    );
    const chatOf = new Map(ids.map((id, i) => [id, (users[i % 60] as { id: number }).id]));
    const answered = (chatId: number) => fake.calls.filter(okTo(chatId)).length;
    await fake.waitFor(
      () =>
        fake.calls.filter((c) => c.method === "sendMessage" && c.status === 429).length === 3 &&
        fake.sent().length >= 30,
      { timeoutMs: 20_000, what: "three chats held up and others answered" },
    );

    first.signalGroup("SIGTERM");
    const exit = await first.exited;
    expect(exit.code).toBe(0);
    expect(first.stderr()).toContain("gave up waiting for some updates");
    const confirmed = fake.confirmedOffset;
    console.log(
      `backlog: ${fake.sent().length} of 300 answered before SIGTERM took effect; offset confirmed: ${confirmed}`,
    );
    // Every update Telegram may now forget was answered: per chat (answered in order), at least as many
    // answers as that chat had updates below the confirmed offset.
    for (const user of users) {
      const below = ids.filter((id) => id < confirmed && chatOf.get(id) === user.id).length;
      expect(answered(user.id), `chat ${user.id}`).toBeGreaterThanOrEqual(below);
    }
    expect(confirmed).toBeLessThanOrEqual(ids.at(-1) as number);

    const second = bot({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url }, dataDir);
    await fake.waitFor(() => users.every((u) => answered(u.id) >= 5), {
      timeoutMs: 30_000,
      what: "all 300 answered after the restart",
    });
    // Idle again: a long poll past the last update. Anything answered twice would have been sent by now.
    await fake.waitFor(
      () =>
        fake.calls.some(
          (c) =>
            c.method === "getUpdates" &&
            Number(c.payload.offset) > (ids.at(-1) as number) &&
            c.status === undefined,
        ),
      { what: "the restarted bot to wait for new updates" },
    );
    // Exactly five: those the first process answered past its offset were skipped, not answered again.
    for (const user of users) expect(answered(user.id), `chat ${user.id}`).toBe(5);
    expect(fake.sent().every((c) => !String(c.payload.text).includes("wait a few seconds"))).toBe(true);
    second.signalGroup("SIGTERM");
    expect((await second.exited).code).toBe(0);
    expect(fake.confirmedOffset).toBe((ids.at(-1) as number) + 1);
  }, 120_000);
});
