import { beforeAll, describe, expect, it } from "vitest";
import { MAX_QUESTION_LENGTH } from "../../src/answer/question-length.js";
import type { Engine } from "../../src/answer/types.js";
import { realEngine } from "./real-engine.js";

let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});

/** `question` after `length - question.length` characters of words that carry no meaning (stop words). */
function after(filler: number, question: string): string {
  return `${"and so, ".repeat(Math.ceil(filler / 8)).slice(0, filler)}${question}`;
}

describe("the question-length limit", () => {
  const question = "Which agency launched the I Want to Live hotline?";

  it("reads a question of up to the limit in full: what is asked after character 300 still counts", () => {
    const plain = engine.ask(question);
    expect(plain.answered).toBe(true);
    for (const filler of [301, 600, MAX_QUESTION_LENGTH - question.length]) {
      const long = after(filler, question);
      expect(long.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
      expect(engine.ask(long), `${long.length} characters`).toMatchObject({
        answered: true,
        factId: plain.factId,
      });
    }
  });
});
