import { describe, expect, it } from "vitest";
import { decodeCallback } from "../../src/bot/keyboards.js";
import { callbackQuery, editedText, privateMessage, privateText } from "../../src/testing/fake-bot-api.js";
import { logged } from "../storage/logged.js";
import { type ApiCall, createTestBot, expectValidHtml } from "./harness.js";

const alice = { id: 1001, language_code: "en" };

describe("private chat", () => {
  it("answers a question with the answer, an escaped citation, the conflict and a keyboard", async () => {
    const t = createTestBot();
    await t.send(privateText(alice, "How many calls did the hotline get?"));
    expect(t.sent()).toHaveLength(1);
    const { payload } = t.sent()[0] as ApiCall;
    expect(payload.parse_mode).toBe("HTML");
    expect(payload.chat_id).toBe(alice.id);
    expect(payload.reply_parameters).toBeUndefined();
    // Escaped: the answer's <since opening> & and the source's <b> are text, not markup.
    expect(payload.text).toContain("&lt;since opening&gt; &amp; counting");
    expect(payload.text).toContain('<a href="https://example.com/article?a=1&amp;b=2">');
    expect(payload.text).toContain("Hotline &quot;I Want to Live&quot; &lt;b&gt;report&lt;/b&gt; &amp; more");
    expect(payload.text).toContain("Daily &amp; &lt;News&gt;, 4 January 2024");
    expect(payload.text).toContain("Another report differs");
    expect(payload.text).toContain("2,000 calls");
    expectValidHtml(t.calls);

    const rows = payload.reply_markup.inline_keyboard as {
      text: string;
      url?: string;
      callback_data?: string;
    }[][];
    expect(rows[0]?.[0]).toMatchObject({
      text: "📄 Open article",
      url: "https://example.com/article?a=1&b=2",
    });
    const related = rows.slice(1, -1).map((r) => r[0]);
    expect(related.map((b) => b?.text)).toEqual([
      "How many soldiers surrendered?",
      expect.stringMatching(/^Question about a-fact-id-long.*…$/),
    ]);
    expect(rows.at(-1)?.map((b) => b.text)).toEqual(["👍", "👎"]);
    for (const row of rows) {
      for (const b of row)
        if (b.callback_data) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    }
  });

  it("escapes HTML typed into the question and still answers validly", async () => {
    const t = createTestBot();
    await t.send(privateText(alice, "<b>calls</b> & <script>alert(1)</script>?"));
    await t.send(privateText(alice, "<i>unclosed & weird </a> question"));
    expect(t.sent()).toHaveLength(2);
    expectValidHtml(t.calls);
    expect(t.texts()[1]).toContain("I have no sourced answer");
  });

  it("says honestly when it has no answer, without a citation, and logs the question at the bot's time", async () => {
    const now = new Date("2026-01-02T03:04:05.000Z");
    const t = createTestBot({ now: () => now });
    await t.send(privateText(alice, "What is the capital of France?"));
    const [call] = t.sent();
    expect(call?.payload.text).toContain("I have no sourced answer");
    expect(call?.payload.text).not.toContain("<a ");
    expect(call?.payload.reply_markup).toBeUndefined();
    expect(await logged(t.storage, "unanswered")).toMatchObject([
      {
        at: now.toISOString(),
        question: "What is the capital of France?",
        chatType: "private",
        language: "en",
      },
    ]);
  });

  it("answers small talk briefly with what it knows and example questions, and logs no gap", async () => {
    const t = createTestBot();
    await t.send(privateText(alice, "thanks"));
    await t.send(privateText({ id: 1002, language_code: "ru" }, "привет"));
    const [thanks, hello] = t.texts();
    expect(thanks).toMatch(/^You're welcome!/);
    expect(thanks).not.toContain("no sourced answer");
    expect(hello).toMatch(/^Здравствуйте!/);
    expect(hello).toContain("Например:");
    const buttons = t
      .sent()[1]
      ?.payload.reply_markup.inline_keyboard.flat()
      .map((b: { text: string }) => b.text);
    expect(buttons).toEqual(expect.arrayContaining([expect.stringMatching(/^Вопрос о /)]));
    expect(await logged(t.storage, "unanswered")).toEqual([]);
    expectValidHtml(t.calls);
  });

  it("answers 'help' typed as a message as /help does, in the user's language", async () => {
    const t = createTestBot();
    await t.send(privateText(alice, "help"));
    await t.send(privateText({ id: 1003, language_code: "uk" }, "допомога"));
    await t.send(privateText(alice, "/help"));
    const [typed, uk, command] = t.texts();
    expect(typed).toBe(command);
    expect(uk).toMatch(/^Як запитати/);
    expect(await logged(t.storage, "unanswered")).toEqual([]);
  });

  it("answers a compound question with each fact and its own citation in one message", async () => {
    const t = createTestBot();
    await t.send(privateText(alice, "how many calls, and how many surrendered?"));
    expect(t.sent()).toHaveLength(1);
    const text = t.texts()[0] ?? "";
    expect(text).toContain("2,000 calls");
    expect(text).toContain("surrendered");
    expect(text.match(/Source:/g)).toHaveLength(2);
    expectValidHtml(t.calls);
  });

  it("offers 'did you mean' questions as buttons that answer them", async () => {
    const t = createTestBot();
    await t.send(privateText(alice, "hotline?"));
    const first = t.sent()[0]?.payload;
    expect(first?.text).toMatch(/Did you mean:$/);
    expect(first?.text).not.toContain("How many calls"); // the questions are the buttons, said once
    const buttons = first?.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[];
    expect(buttons.map((b) => b.text)).toEqual([
      "How many calls did the hotline get?",
      "How many soldiers surrendered?",
    ]);
    const message = { message_id: 77, date: 0, chat: { id: alice.id, type: "private" }, text: "x" };
    await t.send(callbackQuery(alice, buttons[1]?.callback_data as string, message));
    expect(t.sent("answerCallbackQuery")).toHaveLength(1);
    expect(t.sent()[1]?.payload.text).toContain("More than 220 soldiers surrendered");
    expect(t.sent()[1]?.payload.text).toContain("(date unverified)");
  });

  it("answers a related question whose fact id is too long for callback data (hashed reference)", async () => {
    const t = createTestBot();
    await t.send(privateText(alice, "calls?"));
    const rows = t.sent()[0]?.payload.reply_markup.inline_keyboard as { callback_data?: string }[][];
    const data = rows.flat().find((b) => b.callback_data?.includes("#"))?.callback_data as string;
    expect(decodeCallback(data)).toMatchObject({ kind: "answer", lang: "en" });
    await t.send(
      callbackQuery(alice, data, { message_id: 1, date: 0, chat: { id: alice.id, type: "private" } }),
    );
    expect(t.sent()[1]?.payload.text).toContain("A fact whose id is very long.");
  });

  it("stores 👍/👎 without the voter's id and removes the vote buttons", async () => {
    const now = new Date("2026-01-02T03:04:05.000Z");
    const t = createTestBot({ now: () => now });
    await t.send(privateText(alice, "calls?"));
    const markup = t.sent()[0]?.payload.reply_markup;
    const down = markup.inline_keyboard.flat().find((b: { text: string }) => b.text === "👎");
    const message = {
      message_id: 9,
      date: 0,
      chat: { id: alice.id, type: "private" },
      text: "…",
      reply_markup: markup,
    };
    await t.send(callbackQuery(alice, down.callback_data, message));
    const feedback = await logged(t.storage, "feedback");
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({
      at: now.toISOString(),
      factId: "calls",
      vote: "down",
      language: "en",
      chatType: "private",
    });
    expect(feedback[0]?.voter).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(feedback)).not.toContain(String(alice.id));
    expect(t.sent("answerCallbackQuery")[0]?.payload.text).toBe("Thanks for the feedback!");
    const edited = t.sent("editMessageReplyMarkup")[0]?.payload.reply_markup.inline_keyboard.flat();
    expect(edited.map((b: { text: string }) => b.text)).not.toContain("👍");
    expect(edited[0].text).toBe("📄 Open article");
  });

  it("answers stale, tampered and unknown callback data with a short notice", async () => {
    const t = createTestBot();
    const message = { message_id: 3, date: 0, chat: { id: alice.id, type: "private" }, text: "x" };
    for (const data of [
      "a1:en:no-such-fact",
      "v1:u:en:gone",
      "a1:xx:calls",
      "zzz",
      "a0:en:calls",
      "s1:q:5-5",
    ]) {
      await t.send(callbackQuery(alice, data, message));
    }
    const notices = t.sent("answerCallbackQuery");
    expect(notices).toHaveLength(6);
    for (const n of notices)
      expect(n.payload.text).toBe("This button is out of date. Please ask the question again.");
    expect(t.sent()).toHaveLength(0);
  });

  it("/start and /help explain, in the user's language", async () => {
    const t = createTestBot();
    await t.send(privateText({ id: 1, first_name: "Ann", language_code: "en" }, "/start"));
    await t.send(privateText({ id: 2, language_code: "ru" }, "/help"));
    await t.send(privateText({ id: 3, language_code: "uk-UA" }, "/start"));
    await t.send(privateText({ id: 4 }, "/help@factline_bot"));
    expectValidHtml(t.calls);
    const [en, ru, uk, fallback] = t.texts();
    expect(en).toMatch(/^Hello, Ann!\n\nHow to ask/);
    expect(en).toContain("I know 4 facts from 3 published reports about a <test> hotline (see /sources)");
    expect(en).toContain("@factline_bot");
    expect(en).toContain("How many calls did the hotline get?");
    expect(ru).toContain("Я знаю фактов: 4, из опубликованных материалов: 3, про тестовую линию");
    expect(ru).not.toMatch(/^Здравствуйте/); // /help does not greet
    expect(ru).toContain("Сколько звонков получила линия?");
    expect(uk).toContain("Я знаю фактів: 4");
    expect(fallback).toContain("How to ask");
  });

  it("/sources lists every source with its date and link; /about says where answers come from", async () => {
    const t = createTestBot();
    await t.send(privateText(alice, "/sources"));
    await t.send(privateText(alice, "/about"));
    expectValidHtml(t.calls);
    const sources = t.sent()[0]?.payload.text as string;
    expect(sources).toContain("Sources (3)");
    expect(sources).toContain('<a href="https://example.com/older-2022">Older report</a>');
    expect(sources).toContain("Old Times, 1 October 2022");
    expect(sources).toContain("Daily &amp; &lt;News&gt;, 4 January 2024");
    expect(t.texts()[1]).toContain("only from the reports listed in /sources");
    expect(t.texts()[1]).toContain("Three test reports about a hotline & its calls.");
  });

  it("hints politely at stickers, photos, voice and unknown commands", async () => {
    const t = createTestBot();
    await t.send(privateMessage(alice, { sticker: { file_id: "s", file_unique_id: "s" } as never }));
    await t.send(privateMessage(alice, { photo: [], caption: "calls?" } as never));
    await t.send(
      privateMessage(alice, { voice: { file_id: "v", file_unique_id: "v", duration: 1 } as never }),
    );
    await t.send(privateText(alice, "/frobnicate"));
    expect(t.texts()).toEqual([
      "I can only read text. Please type your question.",
      "I can only read text. Please type your question.",
      "I can only read text. Please type your question.",
      "I don't know that command. Write your question as a message, or see /help.",
    ]);
  });

  it("does not match a 4,000-character message, and answers the next question normally", async () => {
    const t = createTestBot();
    await t.send(privateText(alice, "calls ".repeat(667).slice(0, 4000)));
    await t.send(privateText(alice, "calls?"));
    expect(t.texts()[0]).toContain("too long for a question");
    expect(t.texts()[1]).toContain("26,000 calls");
  });

  it("lets a person ask a handful in a row, then asks them to wait (once)", async () => {
    const t = createTestBot({ rateLimit: { limit: 5, windowMs: 60_000 } });
    for (let i = 0; i < 8; i++) await t.send(privateText(alice, "calls?"));
    const texts = t.texts();
    expect(texts.filter((x) => x.includes("26,000"))).toHaveLength(5);
    expect(texts.filter((x) => x.includes("wait a few seconds"))).toHaveLength(1);
    expect(texts).toHaveLength(6);
    // Someone else is not affected.
    await t.send(privateText({ id: 2002 }, "calls?"));
    expect(t.texts().at(-1)).toContain("26,000");
  });

  it("answers every over-limit button press (none keeps spinning); the chat is asked to wait once", async () => {
    const t = createTestBot({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const message = { message_id: 7, date: 0, chat: { id: alice.id, type: "private" }, text: "x" };
    for (let i = 0; i < 5; i++) await t.send(callbackQuery(alice, "a1:en:calls", message));
    const answers = t.sent("answerCallbackQuery");
    expect(answers).toHaveLength(5);
    const wait = "That's a lot of questions at once. Please wait a few seconds and ask again.";
    expect(answers.map((a) => a.payload.text)).toEqual([undefined, undefined, wait, wait, wait]);
    expect(t.sent()).toHaveLength(2);
    for (let i = 0; i < 3; i++) await t.send(privateText(alice, "calls?"));
    expect(t.texts().filter((x) => x === wait)).toHaveLength(1);
    expect(t.sent()).toHaveLength(3);
  });

  it("ignores edited messages and does not crash", async () => {
    const t = createTestBot();
    await t.send(editedText(alice, "calls?"));
    expect(t.calls).toHaveLength(0);
  });

  it("falls back to plain text when Telegram refuses the markup", async () => {
    let refused = false;
    const t = createTestBot({
      failWith: (call) => {
        if (call.method === "sendMessage" && call.payload.parse_mode === "HTML" && !refused) {
          refused = true;
          return { error_code: 400, description: "Bad Request: can't parse entities: test" };
        }
        return undefined;
      },
    });
    await t.send(privateText(alice, "calls?"));
    const [html, plain] = t.sent();
    expect(html?.payload.parse_mode).toBe("HTML");
    expect(plain?.payload.parse_mode).toBeUndefined();
    expect(plain?.payload.text).toContain("<since opening> & counting");
    expect(plain?.payload.reply_markup).toBeDefined();
  });

  it("logs a failed update with its id and keeps going, never logging the token", async () => {
    const t = createTestBot({
      expectErrors: true,
      failWith: (call) =>
        call.method === "sendMessage" && call.payload.chat_id === 666
          ? { error_code: 403, description: "Forbidden: bot was blocked by the user" }
          : undefined,
    });
    await t.send({ ...privateText(666, "calls?"), update_id: 424242 });
    await t.send(privateText(alice, "calls?"));
    const line = t.logs.find((l) => l.includes("424242") && l.includes("Telegram refused"));
    expect(line).toBeDefined();
    expect(t.errors.map((e) => e.ctx.update.update_id)).toEqual([424242]);
    expect(t.sent().filter((c) => c.payload.chat_id === alice.id)).toHaveLength(1);
    expect(t.logs.join("")).not.toContain("UnitTestTokenThatMustNeverBeLogged");
  });
});
