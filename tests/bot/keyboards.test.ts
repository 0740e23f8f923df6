import { describe, expect, it } from "vitest";
import { summarize } from "../../src/answer/knowledge-summary.js";
import {
  answerData,
  type CallbackAction,
  decodeCallback,
  encodeCallback,
  resolveFactRef,
  voteData,
  withoutVotes,
} from "../../src/bot/keyboards.js";
import { fakeKnowledge, LONG_FACT_ID } from "./fake-engine.js";

describe("callback data codec", () => {
  it("round-trips every action within 64 bytes", () => {
    const actions: CallbackAction[] = [
      { kind: "answer", lang: "uk", factRef: "calls" },
      { kind: "vote", vote: "down", lang: "ru", factRef: "calls" },
      { kind: "settings-language", value: "auto" },
      { kind: "settings-language", value: "en" },
      { kind: "settings-did-you-mean", value: false },
      { kind: "settings-quiet", value: "off" },
      { kind: "settings-quiet", value: { from: 22, to: 7 } },
    ];
    for (const action of actions) {
      const data = encodeCallback(action);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decodeCallback(data)).toEqual(action);
    }
  });

  it("hashes fact ids that do not fit and resolves them against the current knowledge", () => {
    const knowledge = summarize(fakeKnowledge());
    for (const data of [answerData(LONG_FACT_ID, "en"), voteData(LONG_FACT_ID, "uk", "up")]) {
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      const action = decodeCallback(data);
      expect(action && "factRef" in action && resolveFactRef(action.factRef, knowledge)).toBe(LONG_FACT_ID);
    }
    expect(answerData("calls", "en")).toBe("a1:en:calls");
    expect(resolveFactRef("calls", knowledge)).toBe("calls");
    // Gone after a reload: stale.
    expect(resolveFactRef("removed-fact", knowledge)).toBeUndefined();
    expect(resolveFactRef("#AAAAAAAAAAAAAAAA", knowledge)).toBeUndefined();
  });

  it("rejects malformed, tampered and oversized data", () => {
    for (const data of [
      undefined,
      "",
      "a1:en:",
      "a1:de:calls",
      "a2:en:calls",
      "a1:en:calls;drop",
      "v1:x:en:calls",
      "s1:l:de",
      "s1:d:2",
      "s1:q:24-7",
      "s1:q:7-7",
      `a1:en:${"x".repeat(60)}`,
      "a1:en:#short",
    ]) {
      expect(decodeCallback(data)).toBeUndefined();
    }
  });

  it("removes only the vote buttons", () => {
    const markup = {
      inline_keyboard: [
        [{ text: "Open", url: "https://example.com" }],
        [{ text: "Related", callback_data: answerData("calls", "en") }],
        [
          { text: "👍", callback_data: voteData("calls", "en", "up") },
          { text: "👎", callback_data: voteData("calls", "en", "down") },
        ],
      ],
    };
    expect(withoutVotes(markup).inline_keyboard.map((r) => r.map((b) => b.text))).toEqual([
      ["Open"],
      ["Related"],
    ]);
  });
});
