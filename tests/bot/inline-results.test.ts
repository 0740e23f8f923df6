import { describe, expect, it } from "vitest";
import type { AnswerResult, Engine } from "../../src/answer/types.js";
import { inlineResultId } from "../../src/bot/features/inline.js";
import { trimPlain } from "../../src/bot/render-html.js";
import { inlineQuery } from "../../src/testing/fake-bot-api.js";
import { texts } from "../../src/texts/texts.js";
import { createFakeEngine } from "./fake-engine.js";
import { createTestBot } from "./harness.js";

const carol = { id: 3101, language_code: "en" };

type Article = Record<string, unknown> & {
  id: string;
  reply_markup?: { inline_keyboard: { text: string; url?: string }[][] };
};

/** The fake engine, with ask() answering `main` to every query. */
function engineAnswering(main: (base: Engine) => AnswerResult, samples = true): Engine {
  const base = createFakeEngine();
  return {
    ...base,
    ask: () => main(base),
    sampleQuestions: (lang, count) => (samples ? base.sampleQuestions(lang, count) : []),
  };
}

async function articles(engine: Engine, query: string) {
  const t = createTestBot({ engine });
  await t.send(inlineQuery(carol, query));
  return t.sent("answerInlineQuery")[0]?.payload as {
    results: Article[];
    button?: unknown;
    cache_time: number;
  };
}

describe("inline results", () => {
  it("each fact once: the answer, then the related facts that answer", async () => {
    const engine = engineAnswering((base) => {
      const calls = base.answerFact("calls", "en") as AnswerResult;
      return {
        ...calls,
        more: [],
        alternatives: ["calls", "no-such-fact", "surrenders", "calls-old", "surrenders"].map((factId) => ({
          factId,
        })) as never,
      };
    });
    const { results, button } = await articles(engine, "calls");
    expect(results.map((r) => r.id)).toEqual(["en:calls", "en:surrenders", "en:calls-old"]);
    expect(button).toBeUndefined();
  });

  it("an article is the cited answer in HTML without previews, titled by the fact's question, with only the link button", async () => {
    const base = createFakeEngine();
    const calls = base.answerFact("calls", "en") as AnswerResult;
    const long = { ...calls, answer: `${calls.answer} ${"and more ".repeat(40)}` };
    const { results } = await articles(
      engineAnswering(() => long),
      "calls",
    );
    const [article] = results;
    expect(article).toMatchObject({
      type: "article",
      id: "en:calls",
      title: base.question("calls", "en"),
      description: trimPlain(long.answer ?? "", 200),
      input_message_content: { parse_mode: "HTML", link_preview_options: { is_disabled: true } },
    });
    expect(String(article?.description).length).toBeLessThanOrEqual(200);
    expect(article?.reply_markup?.inline_keyboard).toEqual([
      [{ text: `📄 ${texts("en").openArticle}`, url: expect.any(String) }],
    ]);
  });

  it("a miss offers the 'no answer' button; an empty query with nothing to sample offers nothing", async () => {
    const miss = engineAnswering((base) => base.ask("nothing at all"), false);
    const typed = await articles(miss, "nothing at all");
    expect(typed.results).toEqual([]);
    expect(typed.button).toEqual({ text: texts("en").inlineNoAnswer, start_parameter: "inline" });
    const empty = await articles(miss, "   ");
    expect(empty.results).toEqual([]);
    expect(empty.button).toBeUndefined();
  });

  it("an id keeps a fact id that fits in 64 bytes with its language, and hashes a longer one", () => {
    expect(inlineResultId("a".repeat(61), "uk")).toBe(`uk:${"a".repeat(61)}`);
    expect(inlineResultId("a".repeat(62), "uk")).toMatch(/^uk:#[\w-]{16}$/);
  });
});
