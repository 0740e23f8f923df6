import { describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/answer/types.js";
import { addressedQuestion, isCommandForUs, startsWithCommand } from "../../src/bot/addressing.js";
import {
  answerKeyboard,
  decodeCallback,
  encodeCallback,
  factRef,
  withoutVotes,
} from "../../src/bot/keyboards.js";
import { texts } from "../../src/texts/texts.js";
import { BOT_INFO } from "./harness.js";

// Callback data is at most 64 bytes and comes back from any client: what is decoded is only what was encoded.

describe("callback data", () => {
  it("keeps a plain fact id up to the budget and hashes a longer one", () => {
    expect(factRef("a".repeat(56), 56)).toBe("a".repeat(56));
    expect(factRef("a".repeat(57), 56)).toMatch(/^#[\w-]{16}$/);
    expect(factRef("not plain", 56)).toMatch(/^#/);
  });

  it("refuses to encode more than 64 bytes, and decodes nothing over 64", () => {
    const ref = "a".repeat(56);
    expect(encodeCallback({ kind: "vote", vote: "up", lang: "en", factRef: ref })).toHaveLength(64);
    expect(() => encodeCallback({ kind: "vote", vote: "up", lang: "en", factRef: `${ref}a` })).toThrow(
      `callback data over 64 bytes: v1:u:en:${ref}a`,
    );
    expect(decodeCallback(`a1:en:${"a".repeat(58)}`)).toEqual({
      kind: "answer",
      lang: "en",
      factRef: "a".repeat(58),
    });
    expect(decodeCallback(`a1:en:${"a".repeat(59)}`)).toBeUndefined(); // 65 bytes
    expect(decodeCallback(`a1:en:${"a".repeat(56)}ж`)).toBeUndefined(); // 64 characters, 65 bytes
    expect(decodeCallback("v1:d:ru:bad ref")).toBeUndefined();
    expect(decodeCallback(undefined)).toBeUndefined();
  });

  it("decodes each settings button, and only hours of a day that differ", () => {
    expect(decodeCallback("s1:d:1")).toEqual({ kind: "settings-did-you-mean", value: true });
    expect(decodeCallback("s1:d:0")).toEqual({ kind: "settings-did-you-mean", value: false });
    expect(decodeCallback("s1:q:0-23")).toEqual({ kind: "settings-quiet", value: { from: 0, to: 23 } });
    expect(decodeCallback("s1:q:off")).toEqual({ kind: "settings-quiet", value: "off" });
    expect(decodeCallback("s1:q:24-7")).toBeUndefined();
    expect(decodeCallback("s1:q:7-24")).toBeUndefined();
    expect(decodeCallback("s1:q:7-7")).toBeUndefined();
    expect(decodeCallback("s1:l:xx")).toBeUndefined();
    for (const action of [
      { kind: "settings-did-you-mean", value: true },
      { kind: "settings-quiet", value: { from: 23, to: 8 } },
      { kind: "settings-language", value: "uk" },
    ] as const) {
      expect(decodeCallback(encodeCallback(action))).toEqual(action);
    }
  });
});

describe("the answer keyboard", () => {
  const result = (fields: Partial<AnswerResult>): AnswerResult =>
    ({
      answered: true,
      language: "en",
      factId: "calls",
      citation: { url: "https://example.org/a" },
      alternatives: [],
      ...fields,
    }) as unknown as AnswerResult;
  const suggestion = (factId: string) => ({ factId, question: `About ${factId}?` });

  it("offers at most three questions, each fact once, and votes only on an answer", () => {
    const alternatives = ["a", "a", "b", "c", "d"].map(suggestion);
    const keyboard = answerKeyboard(result({ alternatives } as never), { suggestions: true, feedback: true });
    expect(keyboard?.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      [`📄 ${texts("en").openArticle}`],
      ["About a?"],
      ["About b?"],
      ["About c?"],
      ["👍", "👎"],
    ]);
    const votes = keyboard?.inline_keyboard
      .at(-1)
      ?.map((b) => decodeCallback((b as { callback_data: string }).callback_data));
    expect(votes).toEqual([
      { kind: "vote", vote: "up", lang: "en", factRef: "calls" },
      { kind: "vote", vote: "down", lang: "en", factRef: "calls" },
    ]);
    expect(
      answerKeyboard(result({ answered: false }), { suggestions: false, feedback: true }),
    ).toBeUndefined();
    expect(
      answerKeyboard(result({ factId: undefined, citation: undefined }), {
        suggestions: false,
        feedback: true,
      }),
    ).toBeUndefined();
    expect(answerKeyboard(result({}), { suggestions: false, feedback: false })?.inline_keyboard).toHaveLength(
      1,
    );
  });

  it("drops only the vote buttons once a vote is in", () => {
    const keyboard = answerKeyboard(result({ alternatives: [suggestion("b")] } as never), {
      suggestions: true,
      feedback: true,
    });
    expect(withoutVotes(keyboard).inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      [`📄 ${texts("en").openArticle}`],
      ["About b?"],
    ]);
    expect(withoutVotes(undefined)).toEqual({ inline_keyboard: [] });
  });
});

describe("addressing in a group", () => {
  const me = BOT_INFO;
  const message = (text: string, entities: object[] = [], extra: object = {}) =>
    ({ message_id: 1, date: 0, chat: { id: -1, type: "supergroup" }, text, entities, ...extra }) as never;

  it("a command counts only at the start of the message", () => {
    expect(startsWithCommand(message("/ask x", [{ type: "bot_command", offset: 0, length: 4 }]))).toBe(true);
    expect(startsWithCommand(message("hey /ask x", [{ type: "bot_command", offset: 4, length: 4 }]))).toBe(
      false,
    );
    expect(
      startsWithCommand(
        message("/ask x /help", [
          { type: "bot_command", offset: 0, length: 4 },
          { type: "bot_command", offset: 7, length: 5 },
        ]),
      ),
    ).toBe(true);
    expect(startsWithCommand(message("plain"))).toBe(false);
  });

  it("reads the question around a mention of the bot by name or by a text mention, not of someone else", () => {
    const text = "@factline_bot, how many calls?";
    expect(addressedQuestion(message(text, [{ type: "mention", offset: 0, length: 13 }]), me)).toBe(
      "how many calls?",
    );
    const byLink = message("Factline   how   many calls", [
      { type: "text_mention", offset: 0, length: 8, user: { id: me.id, is_bot: true, first_name: "F" } },
    ]);
    expect(addressedQuestion(byLink, me)).toBe("how many calls");
    const other = message("Bob how many calls", [
      { type: "text_mention", offset: 0, length: 3, user: { id: 5, is_bot: false, first_name: "Bob" } },
    ]);
    expect(addressedQuestion(other, me)).toBeUndefined();
    expect(
      addressedQuestion(message("@other_bot calls?", [{ type: "mention", offset: 0, length: 10 }]), me),
    ).toBeUndefined();
    expect(
      addressedQuestion(
        message("calls? @factline_bot and @factline_bot", [
          { type: "mention", offset: 7, length: 13 },
          { type: "mention", offset: 25, length: 13 },
        ]),
        me,
      ),
    ).toBe("calls? and");
  });

  it("a command is for us when bare in private or naming this bot", () => {
    const ctx = (text: string, type = "supergroup") => ({ msg: { text }, chat: { type }, me }) as never;
    expect(isCommandForUs(ctx("/settings@factline_bot quiet"))).toBe(true);
    expect(isCommandForUs(ctx("/settings@Factline_Bot"))).toBe(true);
    expect(isCommandForUs(ctx("/settings quiet"))).toBe(false);
    expect(isCommandForUs(ctx("/settings", "private"))).toBe(true);
    expect(isCommandForUs(ctx("/settings quiet@x", "supergroup"))).toBe(false);
  });
});
