import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { AnswerResult, Engine } from "../../answer/types.js";
import type { Lang } from "../../knowledge/types.js";
import { texts } from "../../texts/texts.js";
import type { BotContext } from "../context.js";
import { answerKeyboard, factRef } from "../keyboards.js";
import { renderAnswerHtml, trimPlain } from "../render-html.js";

const INLINE_RESULTS = 5;

/** Unique per fact and language, at most 64 bytes as Telegram requires. */
export function inlineResultId(factId: string, lang: Lang): string {
  const prefix = `${lang}:`;
  return prefix + factRef(factId, 64 - prefix.length);
}

function titleFor(engine: Engine, result: AnswerResult): string {
  const question = result.factId ? engine.question(result.factId, result.language) : undefined;
  return question ?? result.answer ?? "";
}

/** A self-contained message: the answer and its citation, with the article's link as a button. */
function inlineArticle(engine: Engine, result: AnswerResult): InlineQueryResultArticle | undefined {
  if (!result.answered || !result.factId) return undefined;
  const markup = answerKeyboard(result, { suggestions: false, feedback: false });
  return {
    type: "article",
    id: inlineResultId(result.factId, result.language),
    title: trimPlain(titleFor(engine, result), 100),
    description: trimPlain(result.answer ?? "", 200),
    input_message_content: {
      message_text: renderAnswerHtml(result),
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    },
    ...(markup ? { reply_markup: markup } : {}),
  };
}

/** Up to five cited answers: the best match, then related or "did you mean" facts; samples for an empty query. */
function inlineResults(engine: Engine, query: string, uiLang: Lang, languageCode?: string): AnswerResult[] {
  const q = query.trim();
  const results: (AnswerResult | undefined)[] = [];
  if (q === "") {
    for (const s of engine.sampleQuestions(uiLang, INLINE_RESULTS))
      results.push(engine.answerFact(s.factId, uiLang));
  } else {
    // A confident answer and its related facts, or nothing to share: a "did you mean" fact is not an answer.
    const main = engine.ask(q, { fallbackLanguage: languageCode });
    if (main.answered) {
      results.push(main);
      for (const f of main.more) results.push(engine.answerFact(f.factId, main.language));
      for (const s of main.alternatives) results.push(engine.answerFact(s.factId, main.language));
    }
  }
  // One result per fact, the first found (the best match comes first).
  const byFact = new Map<string, AnswerResult>();
  for (const r of results) {
    if (r?.answered && r.factId !== undefined && !byFact.has(r.factId)) byFact.set(r.factId, r);
  }
  return [...byFact.values()].slice(0, INLINE_RESULTS);
}

export const inlineFeature = new Composer<BotContext>();

inlineFeature.on("inline_query", async (ctx) => {
  const { query } = ctx.inlineQuery;
  const results = inlineResults(ctx.engine, query, ctx.uiLang, ctx.from.language_code)
    .map((r) => inlineArticle(ctx.engine, r))
    .filter((a): a is InlineQueryResultArticle => a !== undefined);
  // Partial queries arrive as the user types, so they are not logged as unanswered (that would be noise).
  // Personal: the same query gets answers (and samples) in each user's own language, so one user's cached
  // results must not be shown to another.
  await ctx.answerInlineQuery(results, {
    cache_time: 300,
    is_personal: true,
    ...(results.length === 0 && query.trim() !== ""
      ? { button: { text: texts(ctx.uiLang).inlineNoAnswer, start_parameter: "inline" } }
      : {}),
  });
});
