import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { storedAnsweredUpdates } from "../../src/bot/answered-updates.js";
import { formatOffset, formatQuiet, isQuiet, parseQuiet } from "../../src/bot/group-settings.js";
import { setUpProfile } from "../../src/bot/profile.js";
import { describeTelegramFailure } from "../../src/bot/telegram-failure.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { texts } from "../../src/texts/texts.js";
import { fakeKnowledge } from "./fake-engine.js";
import { captureLogger, createTestBot } from "./harness.js";

const context = { apiRoot: "http://127.0.0.1:8081", waitedMs: 20_400 };
const refused = (method: string, code: number, description: string) =>
  new GrammyError(`Call to '${method}' failed!`, { ok: false, error_code: code, description }, method, {});

describe("a start-up failure in one line", () => {
  it("a refused token names @BotFather and every step", () => {
    expect(describeTelegramFailure(refused("getMe", 401, "Unauthorized"), context)).toBe(
      "Telegram rejected BOT_TOKEN (401 Unauthorized): the token is wrong or was revoked. " +
        "Open @BotFather, send /mybots, pick the bot, choose API Token, and put the current token in BOT_TOKEN.",
    );
  });

  it("another instance polling (409) says to stop it", () => {
    const conflict = refused("getUpdates", 409, "Conflict: terminated by other getUpdates request");
    expect(describeTelegramFailure(conflict, context)).toBe(
      "Another instance is already receiving updates for this bot (409 Conflict: Conflict: terminated by other " +
        "getUpdates request). Stop the other instance (or remove its webhook), then start this one again.",
    );
  });

  it("an error answer thrown after retries names the call, without repeating its code", () => {
    expect(describeTelegramFailure(refused("getMe", 502, "502 Bad Gateway"), context)).toBe(
      "The Telegram Bot API at http://127.0.0.1:8081 answered with errors for 20 s (last: 502 Bad Gateway to getMe). " +
        "Telegram (or the server at TELEGRAM_API_ROOT) is having trouble; start again in a few minutes.",
    );
    expect(describeTelegramFailure(refused("getMe", 500, "Internal Server Error"), context)).toMatch(
      /answered with errors for 20 s \(last: 500 Internal Server Error to getMe\)/,
    );
    expect(
      describeTelegramFailure(refused("setWebhook", 429, "Too Many Requests: retry after 5"), context),
    ).toMatch(/slow down \(is another instance using this token\?\); wait a minute and start again\.$/);
  });

  it("a 4xx refusal other than 401, 409 and 429 says which call Telegram refused", () => {
    const bad = refused(
      "setWebhook",
      400,
      "Bad Request: bad webhook: HTTPS url must be provided for webhook",
    );
    expect(describeTelegramFailure(bad, context)).toBe(
      "Telegram refused to start the bot: setWebhook failed with 400 Bad Request: bad webhook: HTTPS url must be provided for webhook",
    );
    // Even after earlier 500s: the refusal is the news.
    const lastFailure = { method: "getMe", code: 500, description: "Internal Server Error" };
    expect(describeTelegramFailure(bad, { ...context, lastFailure })).toMatch(
      /^Telegram refused to start the bot/,
    );
  });

  it("any answer at all, even a 4xx, after which start-up gave up is 'answered with errors'", () => {
    const lastFailure = { method: "getMe", code: 404, description: "Not Found" };
    expect(describeTelegramFailure(new Error("aborted"), { ...context, lastFailure })).toMatch(
      /^The Telegram Bot API at http:\/\/127\.0\.0\.1:8081 answered with errors for 20 s \(last: 404 Not Found to getMe\)/,
    );
  });

  it("no connection says to check the network, with the reason", () => {
    const network = new HttpError("Network request for 'getMe' failed!", new Error("ECONNREFUSED"));
    expect(describeTelegramFailure(network, context)).toBe(
      "Cannot reach the Telegram Bot API at http://127.0.0.1:8081 (Network request for 'getMe' failed!). " +
        "Check the network and TELEGRAM_API_ROOT.",
    );
    expect(describeTelegramFailure(new Error("aborted"), context)).toBe(
      "Cannot reach the Telegram Bot API at http://127.0.0.1:8081 within 20 s: no answer came. Check the network and TELEGRAM_API_ROOT.",
    );
  });
});

describe("the command menu and descriptions", () => {
  it("sets the commands for everyone and, with /settings, for group admins, in every language and by default", async () => {
    const t = createTestBot();
    const { logger, lines } = captureLogger("info");
    await setUpProfile(t.bot.api, logger, fakeKnowledge().about);
    const commands = t.sent("setMyCommands").map((c) => ({
      scope: c.payload.scope.type,
      lang: c.payload.language_code,
      commands: c.payload.commands,
    }));
    const menu = (lang: "en" | "ru" | "uk", admin: boolean) => {
      const c = texts(lang).commands;
      const list = [
        { command: "ask", description: c.ask },
        { command: "help", description: c.help },
        { command: "sources", description: c.sources },
        { command: "about", description: c.about },
        { command: "start", description: c.start },
      ];
      return admin ? [...list, { command: "settings", description: c.settings }] : list;
    };
    expect(commands).toEqual([
      { scope: "default", lang: undefined, commands: menu("en", false) },
      { scope: "all_chat_administrators", lang: undefined, commands: menu("en", true) },
      { scope: "default", lang: "en", commands: menu("en", false) },
      { scope: "all_chat_administrators", lang: "en", commands: menu("en", true) },
      { scope: "default", lang: "ru", commands: menu("ru", false) },
      { scope: "all_chat_administrators", lang: "ru", commands: menu("ru", true) },
      { scope: "default", lang: "uk", commands: menu("uk", false) },
      { scope: "all_chat_administrators", lang: "uk", commands: menu("uk", true) },
    ]);
    expect(
      t.sent("setMyShortDescription").map((c) => [c.payload.language_code, c.payload.short_description]),
    ).toEqual([
      [undefined, texts("en").shortDescription],
      ["en", texts("en").shortDescription],
      ["ru", texts("ru").shortDescription],
      ["uk", texts("uk").shortDescription],
    ]);
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["command menu and descriptions set"]);
  });

  it("cuts a long description to Telegram's 512 characters", async () => {
    const t = createTestBot();
    const { logger } = captureLogger();
    const about = fakeKnowledge().about;
    if (!about) throw new Error("the fake knowledge has an about");
    const long = { ...about, en: { ...about.en, summary: "x".repeat(600) } };
    await setUpProfile(t.bot.api, logger, long);
    expect(t.sent("setMyDescription")[0]?.payload.description).toBe("x".repeat(512));
  });

  it("logs a failed call and goes on with the others", async () => {
    const t = createTestBot({
      failWith: (call) =>
        call.method === "setMyDescription" && call.payload.language_code === "ru"
          ? { error_code: 400, description: "Bad Request" }
          : undefined,
    });
    const { logger, lines } = captureLogger("info");
    await setUpProfile(t.bot.api, logger);
    expect(t.sent("setMyShortDescription")).toHaveLength(4);
    const warned = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "profile update failed");
    expect(warned).toEqual([expect.objectContaining({ call: "setMyDescription", lang: "ru", level: 40 })]);
    const failed = captureLogger("info");
    const everything = createTestBot({ failWith: () => ({ error_code: 500, description: "down" }) });
    await setUpProfile(everything.bot.api, failed.logger);
    const langs = failed.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "profile update failed");
    expect(langs.map((l) => `${l.call} ${l.lang}`)).toContain("setMyShortDescription default");
    expect(langs).toHaveLength(16);
  });
});

describe("quiet hours", () => {
  const at = (time: string) => new Date(`2026-11-20T${time}:00.000Z`);

  it("are quiet from the first hour up to, not including, the last", () => {
    const q = { from: 9, to: 17, offsetMinutes: 0 };
    expect(isQuiet(q, at("08:59"))).toBe(false);
    expect(isQuiet(q, at("09:00"))).toBe(true);
    expect(isQuiet(q, at("16:59"))).toBe(true);
    expect(isQuiet(q, at("17:00"))).toBe(false);
    const night = { from: 22, to: 7, offsetMinutes: 0 };
    expect(isQuiet(night, at("21:59"))).toBe(false);
    expect(isQuiet(night, at("22:00"))).toBe(true);
    expect(isQuiet(night, at("06:59"))).toBe(true);
    expect(isQuiet(night, at("07:00"))).toBe(false);
    expect(isQuiet(night, at("12:00"))).toBe(false);
    expect(isQuiet({ from: 5, to: 5, offsetMinutes: 0 }, at("05:30"))).toBe(false);
    expect(isQuiet(null, at("05:30"))).toBe(false);
  });

  it("count minutes of the offset: 08:30 UTC is 09:00 at +00:30", () => {
    const q = { from: 9, to: 17, offsetMinutes: 30 };
    expect(isQuiet(q, at("08:29"))).toBe(false);
    expect(isQuiet(q, at("08:30"))).toBe(true);
    expect(isQuiet({ from: 9, to: 17, offsetMinutes: -30 }, at("09:29"))).toBe(false);
  });

  it("are read in the forms /settings quiet accepts, and nothing else", () => {
    expect(parseQuiet("  22-07  ")).toEqual({ from: 22, to: 7, offsetMinutes: 0 });
    expect(parseQuiet("22 – 7 UTC+5:30")).toEqual({ from: 22, to: 7, offsetMinutes: 330 });
    expect(parseQuiet("22-7 +0530")).toEqual({ from: 22, to: 7, offsetMinutes: 330 });
    expect(parseQuiet("22-7 gmt-3")).toEqual({ from: 22, to: 7, offsetMinutes: -180 });
    expect(parseQuiet("OFF")).toBe("off");
    for (const bad of [
      "x22-07",
      "22-07x",
      "22-07 +5 extra",
      "22 07",
      "24-07",
      "22-24",
      "7-7",
      "22-7 +15",
      "22-7 -13",
    ]) {
      expect(parseQuiet(bad), bad).toBeUndefined();
    }
    expect(parseQuiet("22-7 +14")).toEqual({ from: 22, to: 7, offsetMinutes: 840 });
    expect(parseQuiet("22-7 -12")).toEqual({ from: 22, to: 7, offsetMinutes: -720 });
    expect(parseQuiet("0-23")).toEqual({ from: 0, to: 23, offsetMinutes: 0 });
  });

  it("are shown with the offset written out", () => {
    expect(formatOffset(0)).toBe("UTC+00:00");
    expect(formatOffset(330)).toBe("UTC+05:30");
    expect(formatOffset(-30)).toBe("UTC-00:30");
    expect(formatQuiet({ from: 22, to: 7, offsetMinutes: -180 })).toBe("22:00–07:00 UTC-03:00");
  });
});

describe("updates answered past the confirmed offset", () => {
  it("are kept across a restart for a day, and read as none when older or damaged", async () => {
    const storage = createMemoryStorage();
    let now = new Date("2026-11-20T10:00:00.000Z");
    const answered = storedAnsweredUpdates(storage, { now: () => now });
    expect(await answered.load()).toEqual([]);
    await answered.save([101, 102]);
    expect(await storage.get("polling:answered-past-offset")).toEqual({
      at: "2026-11-20T10:00:00.000Z",
      ids: [101, 102],
    });
    now = new Date("2026-11-21T10:00:00.000Z");
    expect(await answered.load()).toEqual([101, 102]);
    now = new Date("2026-11-21T10:00:00.001Z");
    expect(await answered.load()).toEqual([]);
    await storage.set("polling:answered-past-offset", { at: "yesterday", ids: [1] });
    expect(await answered.load()).toEqual([]);
    await storage.set("polling:answered-past-offset", { at: "2026-11-21T10:00:00.000Z", ids: ["1"] });
    expect(await answered.load()).toEqual([]);
  });

  it("use the real clock by default", async () => {
    const storage = createMemoryStorage();
    const answered = storedAnsweredUpdates(storage);
    await answered.save([7]);
    const stored = (await storage.get("polling:answered-past-offset")) as { at: string } | undefined;
    expect(Math.abs(Date.parse(stored?.at ?? "") - Date.now())).toBeLessThan(60_000);
    expect(await answered.load()).toEqual([7]);
  });
});
