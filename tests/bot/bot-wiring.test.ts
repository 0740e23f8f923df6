import { HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { createBot, processUpdate } from "../../src/bot/create-bot.js";
import type { UnansweredRecord } from "../../src/storage/log-records.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { callbackQuery, groupMessage, privateText } from "../../src/testing/fake-bot-api.js";
import { texts } from "../../src/texts/texts.js";
import { createFakeEngine } from "./fake-engine.js";
import { BOT_INFO, captureLogger, createTestBot, TOKEN } from "./harness.js";

const alice = { id: 4001, language_code: "en" };
const GROUP = -100999;
const logLines = (logs: string[]) => logs.map((l) => JSON.parse(l) as Record<string, unknown>);

describe("logging a failed update", () => {
  it("a 403 (blocked, removed) is info, any other refusal an error, each with the call and the update", async () => {
    const t = createTestBot({
      expectErrors: true,
      failWith: (call) =>
        call.method !== "sendMessage"
          ? undefined
          : call.payload.chat_id === 666
            ? { error_code: 403, description: "Forbidden: bot was blocked by the user" }
            : { error_code: 400, description: "Bad Request: chat not found" },
    });
    await t.send({ ...privateText(666, "calls?"), update_id: 71 });
    await t.send({ ...privateText(667, "calls?"), update_id: 72 });
    const refused = logLines(t.logs).filter(
      (l) => l.msg === "Telegram refused a request while handling an update",
    );
    expect(refused).toEqual([
      expect.objectContaining({ level: 30, update: 71, method: "sendMessage", code: 403 }),
      expect.objectContaining({
        level: 50,
        update: 72,
        method: "sendMessage",
        code: 400,
        description: "Bad Request: chat not found",
      }),
    ]);
  });

  it("a network error and a bug are errors, each with the update id", async () => {
    const { logger, lines } = captureLogger();
    let failure: Error = new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET"));
    const bot = createBot(
      { token: TOKEN, botInfo: BOT_INFO },
      { getEngine: createFakeEngine, storage: createMemoryStorage(), logger, adminIds: [] },
    );
    bot.api.config.use(async () => {
      throw failure;
    });
    await processUpdate(bot, { ...privateText(alice, "calls?"), update_id: 81 } as never);
    failure = new TypeError("a bug");
    await processUpdate(bot, { ...privateText(alice, "calls?"), update_id: 82 } as never);
    const errors = logLines(lines).filter((l) => l.level === 50);
    expect(errors).toEqual([
      expect.objectContaining({
        update: 81,
        msg: "network error while handling an update",
        err: expect.objectContaining({ message: "ECONNRESET" }),
      }),
      expect.objectContaining({
        update: 82,
        msg: "error while handling an update",
        err: expect.objectContaining({ message: "a bug" }),
      }),
    ]);
  });

  it("processUpdate rethrows what is not a handler's error", async () => {
    const { logger } = captureLogger();
    const bot = createBot(
      { token: TOKEN, botInfo: BOT_INFO },
      { getEngine: createFakeEngine, storage: createMemoryStorage(), logger, adminIds: [] },
    );
    bot.handleUpdate = async () => {
      throw new Error("not a BotError");
    };
    await expect(processUpdate(bot, { update_id: 1 } as never)).rejects.toThrow("not a BotError");
  });
});

describe("what each update logs", () => {
  it("an answer, a miss and small talk, each with its update id and outcome", async () => {
    const t = createTestBot();
    await t.send({ ...privateText(alice, "calls?"), update_id: 91 });
    await t.send({ ...privateText(alice, "something nobody asked"), update_id: 92 });
    await t.send({ ...privateText(alice, "thanks"), update_id: 93 });
    const outcome = logLines(t.logs)
      .filter((l) => ["answered", "not answered", "small talk"].includes(l.msg as string))
      .map((l) => [l.update, l.msg, l.answered, l.chatType]);
    expect(outcome).toEqual([
      [91, "answered", true, "private"],
      [92, "not answered", false, "private"],
      [93, "small talk", false, "private"],
    ]);
    const answered = logLines(t.logs).find((l) => l.msg === "answered");
    expect(answered?.score).toBe(Math.round((answered?.score as number) * 1000) / 1000);
    expect(answered?.factId).toBe("calls");
  });

  it("takes a question of up to 1,000 characters once trimmed, and records it whole when it has no answer", async () => {
    const t = createTestBot();
    const question = `something nobody asked ${"x".repeat(1000 - 23)}`;
    await t.send(privateText(alice, `  ${question}  `));
    const [stored] = await t.storage.read("unanswered");
    const record = stored?.record as UnansweredRecord | undefined;
    expect(record?.question).toBe(question);
    expect(record?.nearest.length).toBeLessThanOrEqual(3);
    expect(record?.chatType).toBe("private");
    await t.send(privateText(alice, `${question}x`));
    expect(t.texts().at(-1)).toBe(texts("en").tooLong(1000));
    expect(await t.storage.read("unanswered")).toHaveLength(1);
  });

  it("a storage failure while recording a miss is logged, and the person still gets the reply", async () => {
    const storage = createMemoryStorage();
    storage.append = async () => {
      throw new Error("disk full");
    };
    const t = createTestBot({ storage });
    await t.send(privateText(alice, "something nobody asked"));
    expect(t.texts()).toEqual([expect.stringContaining(texts("en").notAnswered)]);
    expect(t.logs.some((l) => l.includes("could not record an unanswered question"))).toBe(true);
  });
});

describe("the rate limit counts only what the bot would answer", () => {
  it("a group's chatter, a sticker and an unknown button never use up a person's questions", async () => {
    const t = createTestBot({ rateLimit: { limit: 1, windowMs: 60_000 } });
    await t.send(groupMessage({ chatId: GROUP, from: alice, text: "just chatting" }));
    await t.send(
      groupMessage({ chatId: GROUP, from: alice, fields: { sticker: { file_id: "s" } as never } }),
    );
    await t.send(
      callbackQuery(alice, "zz:unknown", { message_id: 1, date: 0, chat: { id: GROUP, type: "supergroup" } }),
    );
    await t.send(groupMessage({ chatId: GROUP, from: alice, text: "@factline_bot how many calls?" }));
    expect(t.texts().filter((x) => x.includes("26,000"))).toHaveLength(1);
    // Addressed again: over the limit, and in a group that means silence.
    await t.send(groupMessage({ chatId: GROUP, from: alice, text: "/ask how many calls?" }));
    expect(t.sent()).toHaveLength(1);
    expect(logLines(t.logs).filter((l) => l.msg === "rate limited")).toEqual([
      expect.objectContaining({ chatType: "supergroup" }),
    ]);
    // The same person in a private chat has a bucket of their own.
    await t.send(privateText(alice, "calls?"));
    expect(t.texts().at(-1)).toContain("26,000");
  });
});

describe("splitting a long reply", () => {
  it("quotes the question on the first part only, puts the buttons on the last, and never previews links", async () => {
    const t = createTestBot();
    // /sources of many sources runs over one message.
    const engine = createFakeEngine();
    const many = new Map(engine.knowledge.sources);
    const [first] = [...many.values()];
    if (!first) throw new Error("the fake knowledge has sources");
    for (let i = 0; i < 60; i++)
      many.set(`s${i}`, { ...first, id: `s${i}`, title: `${"Long title ".repeat(8)}${i}` });
    const wide = createTestBot({ engine: { ...engine, knowledge: { ...engine.knowledge, sources: many } } });
    await wide.send(groupMessage({ chatId: GROUP, from: alice, text: "/sources@factline_bot" }));
    const parts = wide.sent();
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.payload.reply_parameters?.message_id !== undefined)).toEqual(
      parts.map((_, i) => i === 0),
    );
    for (const p of parts) expect(p.payload.link_preview_options).toEqual({ is_disabled: true });
    // An answer with buttons: they come with the message.
    await t.send(privateText(alice, "calls?"));
    expect(t.sent()[0]?.payload.reply_markup).toBeDefined();
    expect(t.sent()[0]?.payload.reply_parameters).toBeUndefined();
  });

  it("a refusal other than a parse error is not retried as plain text", async () => {
    const t = createTestBot({
      expectErrors: true,
      failWith: (call) =>
        call.method === "sendMessage"
          ? { error_code: 400, description: "Bad Request: message is too long" }
          : undefined,
    });
    await t.send(privateText(alice, "calls?"));
    expect(t.sent()).toHaveLength(1);
    expect(t.errors).toHaveLength(1);
    const plain = createTestBot({
      expectErrors: true,
      failWith: (call) =>
        call.method === "sendMessage" ? { error_code: 500, description: "can't parse entities" } : undefined,
    });
    await plain.send(privateText(alice, "calls?"));
    expect(plain.sent()).toHaveLength(1);
  });

  it("logs the refused HTML as an error when it falls back to plain text", async () => {
    let refused = false;
    const t = createTestBot({
      failWith: (call) => {
        if (call.method !== "sendMessage" || refused) return undefined;
        refused = true;
        return { error_code: 400, description: "Bad Request: can't parse entities: test" };
      },
    });
    await t.send(privateText(alice, "calls?"));
    expect(logLines(t.logs)).toContainEqual(
      expect.objectContaining({ level: 50, msg: "Telegram refused our HTML; sent as plain text" }),
    );
    expect(t.sent()[1]?.payload.link_preview_options).toEqual({ is_disabled: true });
  });
});
