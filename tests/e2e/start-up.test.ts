import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type BotProcess, startBotProcess } from "../../src/testing/bot-process.js";
import { DEFAULT_TOKEN, type FakeBotApi, startFakeBotApi } from "../../src/testing/fake-bot-api.js";

/** Start-up failures: each must stop the process with a non-zero code and one line saying what to do. */

const running: (BotProcess | FakeBotApi)[] = [];
afterEach(async () => {
  for (const thing of running.splice(0)) {
    if ("dispose" in thing) await thing.dispose();
    else await thing.close();
  }
});

async function startApi(): Promise<FakeBotApi> {
  const api = await startFakeBotApi();
  running.push(api);
  return api;
}

function start(env: Record<string, string>): BotProcess {
  const bot = startBotProcess(env);
  running.push(bot);
  return bot;
}

describe("start-up failures", () => {
  it("a token Telegram rejects (401): exits non-zero, says to ask @BotFather, never prints the token", async () => {
    const api = await startApi();
    const wrong = "111111111:AAWrongTokenWrongTokenWrongToken_123";
    const secret = "unused_secret_0123456789";
    const bot = start({ BOT_TOKEN: wrong, TELEGRAM_API_ROOT: api.url, WEBHOOK_SECRET: secret });
    const exit = await bot.exited;
    expect(exit.code).not.toBe(0);
    expect(bot.stderr()).toContain("401");
    expect(bot.stderr()).toContain("@BotFather");
    expect(bot.stderr()).not.toContain("AAWrongTokenWrongTokenWrongToken_123");
    // Told once, as one plain line, not again as a JSON log line.
    expect(bot.stderr().match(/Telegram rejected BOT_TOKEN/g)).toHaveLength(1);
    // A secret without a webhook URL is a setting that does nothing: said, without the secret itself.
    expect(
      bot.logs().filter((l) => String(l.msg).startsWith("WEBHOOK_SECRET is set but WEBHOOK_URL is not")),
    ).toHaveLength(1);
    expect(bot.stderr()).not.toContain(secret);
  }, 30_000);

  it("a DATA_DIR that cannot be written (under a regular file): exits 1 with one line naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "factline-datadir-"));
    try {
      writeFileSync(join(dir, "file"), "");
      const dataDir = join(dir, "file", "data");
      const api = await startApi();
      const bot = start({ BOT_TOKEN: DEFAULT_TOKEN, TELEGRAM_API_ROOT: api.url, DATA_DIR: dataDir });
      const exit = await bot.exited;
      expect(exit.code).toBe(1);
      expect(
        bot
          .stderr()
          .split("\n")
          .filter((l) => l.includes(dataDir)),
      ).toEqual([
        `factline: DATA_DIR=${dataDir}: a part of this path is a regular file, not a directory; point DATA_DIR at a directory (it is created if missing)`,
      ]);
      // Refused before it ever asked Telegram for updates.
      expect(api.calls.some((c) => c.method === "getUpdates")).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it("another instance polling (409): exits non-zero and says to stop the other instance", async () => {
    const api = await startApi();
    api.injectFault({ method: "getUpdates", code: 409 });
    const bot = start({ BOT_TOKEN: DEFAULT_TOKEN, TELEGRAM_API_ROOT: api.url });
    const exit = await bot.exited;
    expect(exit.code).not.toBe(0);
    expect(bot.stderr()).toContain("Another instance is already receiving updates");
    expect(bot.stderr()).not.toContain(DEFAULT_TOKEN.split(":")[1]);
  }, 30_000);

  it("an invalid setting: one line naming the variable", async () => {
    const bot = start({ BOT_TOKEN: DEFAULT_TOKEN, PORT: "eighty" });
    const exit = await bot.exited;
    expect(exit.code).toBe(1);
    const lines = bot
      .stderr()
      .split("\n")
      .filter((l) => l.startsWith("factline:"));
    expect(lines).toEqual(["factline: invalid setting PORT: must be a port number"]);
  }, 30_000);

  it("no token and no terminal: exits 1 explaining how to get a token", async () => {
    const bot = start({});
    const exit = await bot.exited;
    expect(exit.code).toBe(1);
    expect(bot.stderr()).toContain("BOT_TOKEN is not set");
    expect(bot.stderr()).toContain("@BotFather");
  }, 30_000);
});
