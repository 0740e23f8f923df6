import { describe, expect, it } from "vitest";
import { smallTalk } from "../../src/answer/small-talk.js";

// Which whole messages are small talk, and of what kind.

describe("small talk", () => {
  it("is read whatever the punctuation, spacing and case, with a word for whom it is addressed to", () => {
    expect(smallTalk("Thanks!!!")).toBe("thanks");
    expect(smallTalk("  hi,   bot  ")).toBe("greeting");
    expect(smallTalk("hi,bot")).toBe("greeting");
    expect(smallTalk("hello there! hi")).toBe("greeting");
    expect(smallTalk("дякую, друже")).toBe("thanks");
    expect(smallTalk("ok...")).toBe("ok");
    expect(smallTalk("test")).toBe("test");
    expect(smallTalk("good night")).toBe("bye");
    expect(smallTalk("what can you do?")).toBe("who-are-you");
    expect(smallTalk("help")).toBe("help");
  });

  it("may open with a greeting and ask what the bot is doing", () => {
    expect(smallTalk("привет как дела? чем занимаешься")).toBe("how-are-you");
    expect(smallTalk("прив шо робиш")).toBe("how-are-you");
    expect(smallTalk("hi there, what are you up to")).toBe("how-are-you");
    expect(smallTalk("hi, who are you?")).toBe("who-are-you");
    expect(smallTalk("hi, when did the hotline start?")).toBeUndefined();
  });

  it("is a lone emoji; punctuation or nothing at all is not", () => {
    expect(smallTalk("👍👍")).toBe("ok");
    expect(smallTalk("🙂 !")).toBe("ok");
    expect(smallTalk("?!")).toBeUndefined();
    expect(smallTalk("")).toBeUndefined();
    expect(smallTalk("   ")).toBeUndefined();
  });

  it("is the whole message, never part of a question", () => {
    expect(smallTalk("thanks, how many called?")).toBeUndefined();
    expect(smallTalk("hiring")).toBeUndefined();
    expect(smallTalk("how many")).toBeUndefined();
  });
});
