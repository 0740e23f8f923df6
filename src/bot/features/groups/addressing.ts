import { Composer } from "grammy";
import { texts } from "../../../texts/texts.js";
import { addressedQuestion, startsWithCommand } from "../../addressing.js";
import { answerQuestion } from "../../answer-question.js";
import { isQuietNow } from "../../chat.js";
import type { BotContext } from "../../context.js";
import { escapeHtml } from "../../render-html.js";
import { sendHtml } from "../../reply.js";

/** In groups, a message that mentions the bot or replies to it is a question; any other stays unanswered. */
export const addressingFeature = new Composer<BotContext>();

addressingFeature.chatType(["group", "supergroup"]).on("message:text", async (ctx, next) => {
  if (startsWithCommand(ctx.msg)) return next();
  // Never talk to other bots: two bots replying to each other would spam the group forever.
  if (ctx.from?.is_bot && ctx.msg.sender_chat === undefined) return;
  const question = addressedQuestion(ctx.msg, ctx.me);
  if (question === undefined) return;
  if (question === "") {
    if (await isQuietNow(ctx)) return;
    await sendHtml(ctx, escapeHtml(texts(ctx.uiLang).mentionOnly), { replyTo: ctx.msg.message_id });
    return;
  }
  await answerQuestion(ctx, question);
});
