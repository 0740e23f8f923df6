import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/answer/engine.js";
import type { Engine } from "../../src/answer/types.js";
import { escapeHtml } from "../../src/bot/render-html.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/types.js";
import { type BotProcess, REPO, startBotProcess } from "../../src/testing/bot-process.js";
import {
  callbackQuery,
  channelPost,
  editedText,
  type FakeBotApi,
  groupMessage,
  inlineQuery,
  parseTelegramHtml,
  privateMessage,
  privateText,
  type RecordedCall,
  startFakeBotApi,
} from "../../src/testing/fake-bot-api.js";
import { formatDate } from "../../src/texts/format-date.js";

/**
 * The bot as a process (`npm start`) against the fake Bot API, over long polling. One process serves the
 * whole file, in order; the last test stops it with SIGTERM to its process group.
 */

let api: FakeBotApi;
let bot: BotProcess;
let engine: Engine;
/** Facts the real engine answers from their own first English question. */
let answerable: { fact: Fact; question: string }[];
let nextUser = 10_000;
const newUser = () => ({ id: nextUser++, language_code: "en" });
let nextGroup = -1_000_100;
const newGroup = () => nextGroup--;

const repliesTo = (chatId: number) => (c: RecordedCall) =>
  c.method === "sendMessage" && c.ok && c.payload.chat_id === chatId;
const sentTo = (chatId: number) => api.calls.filter(repliesTo(chatId));

async function waitForReplies(chatId: number, count: number, timeoutMs = 15_000): Promise<RecordedCall[]> {
  return api.waitFor(() => sentTo(chatId).length >= count && sentTo(chatId), {
    timeoutMs,
    what: `${count} message(s) to chat ${chatId}`,
  });
}

beforeAll(async () => {
  const loaded = await loadKnowledge(join(REPO, "knowledge"));
  if (!loaded.knowledge) throw new Error("the knowledge in ./knowledge does not load; run npm run validate");
  engine = createEngine(loaded.knowledge);
  answerable = loaded.knowledge.facts.flatMap((fact) => {
    const question = fact.questions.en[0];
    return question && engine.ask(question).factId === fact.id ? [{ fact, question }] : [];
  });
  expect(answerable.length).toBeGreaterThan(5);

  api = await startFakeBotApi();
  bot = startBotProcess({ BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url });
  await api.waitForPoll({ timeoutMs: 30_000 });
}, 40_000);

afterAll(async () => {
  await bot?.dispose();
  await api?.close();
});

describe("bot process over long polling", () => {
  it("sets the command menu and descriptions in en/ru/uk at start-up", async () => {
    await api.waitFor(() => api.sent("setMyShortDescription").length >= 4, { what: "profile set-up" });
    const commands = api.sent("setMyCommands");
    expect(commands.map((c) => c.payload.language_code ?? "default").sort()).toEqual(
      ["default", "default", "en", "en", "ru", "ru", "uk", "uk"].sort(),
    );
    expect(api.sent("setMyDescription")).toHaveLength(4);
  });

  it("answers a private question with the answer and a citation", async () => {
    const user = newUser();
    const { fact, question } = answerable[0] as { fact: Fact; question: string };
    api.pushUpdate(privateText(user, question));
    const [reply] = await waitForReplies(user.id, 1);
    const text = reply?.payload.text as string;
    const source = engine.knowledge.sources.get(fact.source);
    expect(text).toContain(escapeHtml(fact.answer.en));
    expect(text).toContain(`<a href="${escapeHtml(source?.url ?? "")}">`);
    expect(text).toContain(escapeHtml(source?.publisher ?? ""));
    const markup = reply?.payload.reply_markup as { inline_keyboard: { url?: string; text: string }[][] };
    const rows = markup.inline_keyboard;
    expect(rows[0]?.[0]?.url).toBe(source?.url);
    expect(rows.at(-1)?.map((b) => b.text)).toEqual(["👍", "👎"]);
  });

  it("keeps silent in a group unless addressed; answers a mention and /ask@bot as replies", async () => {
    const chatId = newGroup();
    const from = newUser();
    const { question } = answerable[1] as { question: string };
    const [silent, otherBot, mention, ask] = [
      groupMessage({ chatId, from, text: question }),
      groupMessage({ chatId, from, text: `/ask@other_bot ${question}` }),
      groupMessage({ chatId, from, text: `@${api.botInfo.username} ${question}` }),
      groupMessage({ chatId, from, text: `/ask@${api.botInfo.username} ${question}` }),
    ];
    api.pushUpdates([silent, otherBot, mention, ask].map((u) => u as NonNullable<typeof u>));
    const replies = await waitForReplies(chatId, 2);
    const repliedTo = replies.map((r) => (r.payload.reply_parameters as { message_id: number }).message_id);
    expect(repliedTo).toEqual([mention.message?.message_id, ask.message?.message_id]);
    // Updates of one chat are handled in order, so nothing more can come for the first two.
    expect(sentTo(chatId)).toHaveLength(2);
  });

  it("escapes HTML in the question; handles a sticker and a 4,000-character message, then a normal question", async () => {
    const user = newUser();
    api.pushUpdates([
      privateMessage(user, { sticker: { file_id: "x", file_unique_id: "x" } as never }),
      privateText(user, "<b>calls</b> & <script>x</script> ".repeat(120).slice(0, 4000)),
      privateText(user, `<i>${answerable[2]?.question}</i> & <u>`),
    ]);
    const replies = await waitForReplies(user.id, 3);
    expect(replies[0]?.payload.text).toContain("I can only read text");
    expect(replies[1]?.payload.text).toContain("too long for a question");
    for (const r of replies) {
      const parsed = parseTelegramHtml(String(r.payload.text));
      expect(parsed.ok).toBe(true);
    }
  });

  it("honestly does not answer an out-of-scope question, and cites nothing", async () => {
    const question = "What is the capital of France?";
    expect(engine.ask(question).answered).toBe(false);
    const user = newUser();
    api.pushUpdate(privateText(user, question));
    const [reply] = await waitForReplies(user.id, 1);
    expect(reply?.payload.text).toContain("I have no sourced answer");
    expect(reply?.payload.text).not.toContain("<a ");
    expect(reply?.payload.text).not.toContain("Source:");
  });

  it("/sources lists every source with its date and link", async () => {
    const user = newUser();
    api.pushUpdate(privateText(user, "/sources"));
    const replies = await waitForReplies(user.id, 1);
    const all = replies.map((r) => r.payload.text).join("\n");
    for (const source of engine.knowledge.sources.values()) {
      expect(all).toContain(`<a href="${escapeHtml(source.url)}">`);
      expect(all).toContain(formatDate(source.published, "en"));
    }
  });

  it("answers an inline query with cited articles (ids ≤ 64 bytes)", async () => {
    const user = newUser();
    api.pushUpdate(inlineQuery(user, answerable[3]?.question ?? ""));
    const call = await api.waitForCall("answerInlineQuery", (c) => c.ok === true);
    const results = call.payload.results as { id: string; input_message_content: { message_text: string } }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    for (const r of results) {
      expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
      expect(r.input_message_content.message_text).toContain("<a href=");
    }
  });

  it("answers unknown callback data with a short notice", async () => {
    const user = newUser();
    const message = { message_id: 5, date: 0, chat: { id: user.id, type: "private" }, text: "old" };
    api.pushUpdate(callbackQuery(user, "forged:data", message));
    const call = await api.waitForCall("answerCallbackQuery", (c) => c.ok === true);
    expect(call.payload.text).toContain("out of date");
  });

  it("survives an edited message and a channel post, then answers normally", async () => {
    const user = newUser();
    const channel = -1_009_999;
    api.pushUpdates([
      editedText(user, "calls?"),
      channelPost(channel, "hello"),
      privateText(user, answerable[4]?.question ?? ""),
    ]);
    const replies = await waitForReplies(user.id, 1);
    expect(replies).toHaveLength(1);
    expect(sentTo(channel)).toHaveLength(0);
  });

  it("retries after a 429 with retry_after and after a 500", async () => {
    const user = newUser();
    api.injectFault({ method: "sendMessage", code: 429, retryAfter: 1 });
    api.pushUpdate(privateText(user, answerable[5]?.question ?? ""));
    const [reply] = await waitForReplies(user.id, 1);
    const refused = api.calls.find((c) => c.method === "sendMessage" && c.status === 429);
    expect(refused).toBeDefined();
    expect((reply?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(900);

    const other = newUser();
    api.injectFault({ method: "sendMessage", code: 500 });
    api.pushUpdate(privateText(other, answerable[0]?.question ?? ""));
    await waitForReplies(other.id, 1);
    expect(api.calls.some((c) => c.method === "sendMessage" && c.status === 500)).toBe(true);
  }, 20_000);

  it("answers five questions one user sends at once back to back: no outgoing throttle", async () => {
    const user = newUser();
    api.pushUpdates(
      Array.from({ length: 5 }, (_, i) =>
        privateText(user, answerable[i % answerable.length]?.question ?? ""),
      ),
    );
    const replies = await waitForReplies(user.id, 5);
    expect(replies).toHaveLength(5);
    // A throttle of one message a second per chat spaces the answers a second apart; without one, each is sent
    // as soon as the one before is answered (milliseconds). The gaps, not the total, so a slow start-up of the
    // batch does not count, and a loaded machine has nearly a second per answer to spare.
    const sentAt = replies.map((r) => r.at ?? 0);
    const gaps = sentAt.slice(1).map((at, i) => at - (sentAt[i] as number));
    expect(Math.max(...gaps)).toBeLessThan(900);
  }, 20_000);

  it("answers a burst of 200 questions from 50 users within 20 seconds", async () => {
    const users = Array.from({ length: 50 }, newUser);
    const updates = Array.from({ length: 200 }, (_, i) => {
      const user = users[i % 50] as { id: number };
      return privateText(user, answerable[i % answerable.length]?.question ?? "");
    });
    const ids = new Set(users.map((u) => u.id));
    const answered = () =>
      api.calls.filter((c) => c.method === "sendMessage" && c.ok && ids.has(Number(c.payload.chat_id)));
    const started = Date.now();
    api.pushUpdates(updates);
    // The deadline is the bound: waitFor fails the test if the answers take longer.
    await api.waitFor(() => answered().length >= 200, { timeoutMs: 20_000, what: "200 answers" });
    console.log(`burst: 200 questions from 50 users answered in ${Date.now() - started} ms`);
    // Each user got exactly their four answers (no answer lost, none doubled, none rate-limited away).
    for (const user of users) {
      expect(answered().filter((c) => c.payload.chat_id === user.id)).toHaveLength(4);
    }
    expect(answered().every((c) => !String(c.payload.text).includes("wait a few seconds"))).toBe(true);
  }, 30_000);

  it("on SIGTERM to the process group: finishes answers in flight, confirms the offset, exits 0 in 10 s", async () => {
    const user = newUser();
    // Telegram holds the answers until the signal has come (one chat: one after the other), so the bot has all
    // three in hand and none answered when it comes, however fast or slow the machine is.
    const telegram = api.hold("sendMessage", 3);
    api.pushUpdates([0, 1, 2].map((i) => privateText(user, answerable[i]?.question ?? "")));
    const last = api.lastUpdateId;
    await api.waitFor(
      () =>
        api.calls.some(
          (c) =>
            c.method === "getUpdates" &&
            Array.isArray(c.result) &&
            (c.result as { update_id: number }[]).some((u) => u.update_id === last),
        ),
      { what: "the bot to fetch the three questions" },
    );
    await api.waitForCall("sendMessage", (c) => c.payload.chat_id === user.id);
    expect(sentTo(user.id)).toHaveLength(0);
    const signalled = bot.signalGroup("SIGTERM");
    await bot.waitForLog((line) => String(line.msg).startsWith("stopping:"));
    telegram.release();
    const exit = await bot.exited;
    const took = Date.now() - signalled;
    console.log(`SIGTERM: stopped in ${took} ms, exit code ${exit.code}`);
    expect(exit.code).toBe(0);
    expect(took).toBeLessThan(10_000);
    expect(sentTo(user.id)).toHaveLength(3);
    const polls = api.calls.filter((c) => c.method === "getUpdates");
    expect(polls.at(-1)?.payload.offset).toBe(last + 1);
    expect(api.confirmedOffset).toBe(last + 1);
    expect(bot.stderr()).toContain("confirmed the update offset");
    expect(bot.stderr()).not.toContain(api.token.split(":")[1]);
  }, 20_000);
});
