import { MAX_QUESTION_LENGTH } from "../answer/question-length.js";
import type { AnswerResult } from "../answer/types.js";
import { round } from "../common/round.js";
import { texts } from "../texts/texts.js";
import { chatTypeOf, isGroupChat, replyTarget, settingsFor } from "./chat.js";
import type { BotContext } from "./context.js";
import { isQuiet } from "./group-settings.js";
import { helpHtml } from "./help.js";
import { answerKeyboard } from "./keyboards.js";
import { escapeHtml, renderAnswerHtml, renderNotAnsweredHtml, renderSmallTalkHtml } from "./render-html.js";
import { sendHtml } from "./reply.js";

/** Records an unanswered question (without who asked); a storage failure never costs the user the reply. */
async function logUnanswered(ctx: BotContext, question: string, result: AnswerResult): Promise<void> {
  try {
    await ctx.deps.storage.append("unanswered", {
      at: ctx.now.toISOString(),
      question: question.slice(0, MAX_QUESTION_LENGTH),
      language: result.language,
      chatType: chatTypeOf(ctx),
      nearest: result.nearest.slice(0, 3),
    });
  } catch (error) {
    ctx.log.warn({ err: error }, "could not record an unanswered question");
  }
}

/** Sends an engine result: the cited answer, or an honest "no answer" with "did you mean" buttons. */
export async function sendResult(
  ctx: BotContext,
  result: AnswerResult,
  options: { showSuggestions: boolean; replyTo?: number; question?: string },
): Promise<void> {
  const html = result.answered
    ? renderAnswerHtml(result)
    : result.smallTalk === "help"
      ? helpHtml(ctx) // "help" typed as a message gets what /help gives
      : result.smallTalk
        ? renderSmallTalkHtml(result, ctx.engine.knowledge)
        : renderNotAnsweredHtml(result, options.showSuggestions);
  const markup = answerKeyboard(result, {
    suggestions: result.answered || options.showSuggestions || result.smallTalk !== undefined,
    feedback: result.answered,
  });
  const sent = await sendHtml(ctx, html, { replyTo: options.replyTo, markup });
  // The vote buttons sit on the last message: a 👎 there is stored with the question it answered.
  const last = sent.at(-1);
  if (result.answered && options.question && last) {
    ctx.recentQuestions.remember(
      last.chat.id,
      last.message_id,
      options.question.slice(0, MAX_QUESTION_LENGTH),
    );
  }
}

/** Answers one question in the update's chat, honouring the group's settings. */
export async function answerQuestion(ctx: BotContext, rawQuestion: string): Promise<void> {
  const settings = await settingsFor(ctx);
  if (isGroupChat(ctx) && isQuiet(settings.quiet, ctx.now)) {
    ctx.log.debug("quiet hours: question left unanswered");
    return;
  }
  const question = rawQuestion.trim();
  const replyTo = replyTarget(ctx);
  if (question.length > MAX_QUESTION_LENGTH) {
    await sendHtml(ctx, escapeHtml(texts(ctx.uiLang).tooLong(MAX_QUESTION_LENGTH)), { replyTo });
    return;
  }
  const result = ctx.engine.ask(question, {
    language: settings.language === "auto" ? undefined : settings.language,
    fallbackLanguage: ctx.from?.language_code,
  });
  ctx.log.info(
    {
      answered: result.answered,
      factId: result.factId,
      score: round(result.score, 3),
      chatType: chatTypeOf(ctx),
    },
    result.answered ? "answered" : result.smallTalk ? "small talk" : "not answered",
  );
  if (!result.answered && !result.smallTalk) await logUnanswered(ctx, question, result);
  await sendResult(ctx, result, {
    showSuggestions: !isGroupChat(ctx) || settings.didYouMean,
    replyTo,
    question,
  });
}
