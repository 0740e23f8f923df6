import { Composer } from "grammy";
import { texts } from "../../texts/texts.js";
import { commandNamesBot, startsWithCommand } from "../addressing.js";
import { answerQuestion, sendResult } from "../answer-question.js";
import { isGroupChat, isQuietNow, replyTarget, settingsFor } from "../chat.js";
import type { BotContext } from "../context.js";
import { decodeCallback, resolveFactRef } from "../keyboards.js";
import { escapeHtml } from "../render-html.js";
import { sendHtml } from "../reply.js";

/**
 * A bare "/ask" in a group reaches every bot that gets commands; when it replies to another bot's message,
 * it is that bot's question, not ours. "/ask@ourbot" is always ours.
 */
function isAmbiguousAsk(ctx: BotContext): boolean {
  if (!isGroupChat(ctx) || commandNamesBot(ctx)) return false;
  const repliedTo = ctx.msg?.reply_to_message?.from;
  return repliedTo?.is_bot === true && repliedTo.id !== ctx.me.id;
}

export const askFeature = new Composer<BotContext>();

askFeature.command("ask", async (ctx) => {
  if (isAmbiguousAsk(ctx)) return;
  const question = ctx.match.trim();
  if (question === "") {
    if (await isQuietNow(ctx)) return;
    await sendHtml(ctx, escapeHtml(texts(ctx.uiLang).askUsage), { replyTo: replyTarget(ctx) });
    return;
  }
  await answerQuestion(ctx, question);
});

// In a private chat every text message is a question, except commands (unknown ones go to unhandled).
askFeature.chatType("private").on("message:text", async (ctx, next) => {
  if (startsWithCommand(ctx.msg)) return next();
  // Our own inline answer, sent back into our chat, is not a question.
  if (ctx.msg.via_bot?.id === ctx.me.id) return;
  await answerQuestion(ctx, ctx.msg.text);
});

// "Related" and "did you mean" buttons: answer the fact they point to.
askFeature.on("callback_query:data", async (ctx, next) => {
  const action = decodeCallback(ctx.callbackQuery.data);
  if (action?.kind !== "answer") return next();
  const factId = resolveFactRef(action.factRef, ctx.engine.knowledge);
  const result = factId === undefined ? undefined : ctx.engine.answerFact(factId, action.lang);
  if (!result || !ctx.chat) {
    await ctx.answerCallbackQuery({ text: texts(ctx.uiLang).staleButton });
    return;
  }
  await ctx.answerCallbackQuery();
  if (await isQuietNow(ctx)) return;
  const settings = await settingsFor(ctx);
  await sendResult(ctx, result, {
    showSuggestions: !isGroupChat(ctx) || settings.didYouMean,
    replyTo: isGroupChat(ctx) ? ctx.callbackQuery.message?.message_id : undefined,
  });
});
