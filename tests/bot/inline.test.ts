import { describe, expect, it } from "vitest";
import { inlineResultId } from "../../src/bot/features/inline.js";
import { channelPost, inlineQuery, parseTelegramHtml } from "../../src/testing/fake-bot-api.js";
import { LONG_FACT_ID } from "./fake-engine.js";
import { createTestBot } from "./harness.js";

const carol = { id: 3001, language_code: "en" };

type Article = {
  id: string;
  title: string;
  input_message_content: { message_text: string; parse_mode: string };
  reply_markup?: { inline_keyboard: { url?: string }[][] };
};

describe("inline mode", () => {
  it("returns up to 5 self-contained cited answers with ids of at most 64 bytes", async () => {
    const t = createTestBot();
    await t.send(inlineQuery(carol, "how many calls?"));
    const [call] = t.sent("answerInlineQuery");
    // Answers depend on the user's language, so Telegram must not show one user's cached results to another.
    expect(call?.payload.is_personal).toBe(true);
    const results = call?.payload.results as Article[];
    expect(results.length).toBeGreaterThan(1);
    expect(results.length).toBeLessThanOrEqual(5);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    for (const r of results) {
      expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
      const parsed = parseTelegramHtml(r.input_message_content.message_text);
      expect(parsed.ok).toBe(true);
      expect(r.input_message_content.message_text).toContain("📄 <b>Source:</b> <a href=");
      expect(r.reply_markup?.inline_keyboard[0]?.[0]?.url).toMatch(/^https:\/\//);
    }
    expect(results[0]?.title).toBe("How many calls did the hotline get?");
    expect(results[0]?.input_message_content.message_text).toContain("26,000 calls");
  });

  it("offers no fact to share when nothing answers the query, not even a 'did you mean' one", async () => {
    const t = createTestBot();
    // The fake engine does not answer "hotline?" but has "did you mean" suggestions for it.
    await t.send(inlineQuery(carol, "hotline?"));
    await t.send(inlineQuery(carol, "weather in paris"));
    for (const call of t.sent("answerInlineQuery")) expect(call.payload.results).toEqual([]);
  });

  it("shows a few popular questions for an empty query", async () => {
    const t = createTestBot();
    await t.send(inlineQuery({ id: 3002, language_code: "ru" }, ""));
    const results = t.sent("answerInlineQuery")[0]?.payload.results as Article[];
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]?.title).toBe("Сколько звонков получила линия?");
  });

  it("returns no results (with a button) when nothing is known", async () => {
    const t = createTestBot();
    await t.send(inlineQuery(carol, "capital of France"));
    const payload = t.sent("answerInlineQuery")[0]?.payload;
    expect(payload?.results).toEqual([]);
    expect(payload?.button).toMatchObject({ start_parameter: "inline" });
  });

  it("keeps result ids within 64 bytes for long fact ids", () => {
    expect(Buffer.byteLength(inlineResultId(LONG_FACT_ID, "uk"))).toBeLessThanOrEqual(64);
    expect(inlineResultId("calls", "en")).toBe("en:calls");
  });

  it("ignores channel posts without crashing", async () => {
    const t = createTestBot();
    await t.send(channelPost(-100999, "@factline_bot how many calls?"));
    expect(t.calls).toHaveLength(0);
  });
});
