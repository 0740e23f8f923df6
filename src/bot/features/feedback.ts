import { Composer } from "grammy";
import { MAX_QUESTION_LENGTH } from "../../answer/question-length.js";
import { pseudonymize } from "../../storage/pseudonym.js";
import { texts } from "../../texts/texts.js";
import { chatTypeOf } from "../chat.js";
import type { BotContext } from "../context.js";
import { decodeCallback, resolveFactRef, withoutVotes } from "../keyboards.js";

export const feedbackFeature = new Composer<BotContext>();

// 👍 / 👎 under an answer: stored without the voter's id. In a private chat the vote buttons are then removed;
// in a group they stay, since everyone there may vote (each voter is counted once by pseudonym).
feedbackFeature.on("callback_query:data", async (ctx, next) => {
  const action = decodeCallback(ctx.callbackQuery.data);
  if (action?.kind !== "vote") return next();
  const t = texts(ctx.uiLang);
  const factId = resolveFactRef(action.factRef, ctx.engine.knowledge);
  if (factId === undefined) {
    await ctx.answerCallbackQuery({ text: t.staleButton });
    return;
  }
  const message = ctx.callbackQuery.message;
  // In groups the answer replies to the question; in private chats the bot remembers recent answers' questions.
  const asked = message && "reply_to_message" in message ? message.reply_to_message : undefined;
  const quoted = asked?.from?.id === ctx.me.id ? undefined : asked?.text?.slice(0, MAX_QUESTION_LENGTH);
  const question =
    quoted ?? (message ? ctx.recentQuestions.get(message.chat.id, message.message_id) : undefined);
  let stored = true;
  try {
    await ctx.deps.storage.append("feedback", {
      at: ctx.now.toISOString(),
      factId,
      vote: action.vote,
      language: action.lang,
      chatType: chatTypeOf(ctx),
      ...(question ? { question } : {}),
      voter: await pseudonymize(ctx.deps.storage, ctx.from.id, (obj, msg) => ctx.log.warn(obj, msg)),
    });
    ctx.log.info({ factId, vote: action.vote }, "feedback");
  } catch (error) {
    ctx.log.warn({ err: error }, "could not record feedback");
    stored = false;
  }
  // Never thanks for a vote that was lost: the buttons stay, so it can be cast again later.
  await ctx.answerCallbackQuery({ text: stored ? t.feedbackThanks : t.feedbackNotSaved });
  if (stored && ctx.chat?.type === "private" && message && "reply_markup" in message) {
    // Best effort: the message may be too old to edit, which must not turn a counted vote into an error.
    await ctx
      .editMessageReplyMarkup({ reply_markup: withoutVotes(message.reply_markup) })
      .catch((error) => ctx.log.debug({ err: error }, "could not remove the vote buttons"));
  }
});
