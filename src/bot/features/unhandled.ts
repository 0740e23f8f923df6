import { Composer } from "grammy";
import { texts } from "../../texts/texts.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../render-html.js";
import { sendHtml } from "../reply.js";

/**
 * Mounted last. In private chats: a hint for stickers, photos, voice and unknown commands.
 * In groups: silence. Edited messages, channel posts and other update kinds: nothing at all.
 */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.chatType("private").on("message", async (ctx) => {
  const t = texts(ctx.uiLang);
  const hint = ctx.msg.text !== undefined ? t.unknownCommand : t.nonText;
  await sendHtml(ctx, escapeHtml(hint));
});

// A button nobody handled: from an old version, tampered with, or pointing at something gone.
unhandledFeature.on("callback_query", async (ctx) => {
  ctx.log.info({ data: ctx.callbackQuery.data?.slice(0, 64) }, "unknown callback data");
  await ctx.answerCallbackQuery({ text: texts(ctx.uiLang).staleButton });
});
