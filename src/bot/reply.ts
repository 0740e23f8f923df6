import { GrammyError } from "grammy";
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import type { BotContext } from "./context.js";
import { packBlocks, stripTags } from "./render-html.js";

export interface SendOptions {
  /** Reply to this message (groups: every answer is a reply to the question). */
  replyTo?: number;
  /** Attached to the last message of a split reply. */
  markup?: InlineKeyboardMarkup;
}

const isParseError = (error: unknown) =>
  error instanceof GrammyError && error.error_code === 400 && /can't parse entities/i.test(error.description);

/**
 * Sends HTML to the update's chat, split into messages within Telegram's limit.
 * If Telegram still refuses the markup (a bug on our side), the same text goes out plain rather than not at all.
 */
export async function sendHtml(
  ctx: BotContext,
  html: string | readonly string[],
  options: SendOptions = {},
): Promise<Message.TextMessage[]> {
  const chunks = packBlocks(typeof html === "string" ? [html] : html);
  const sent: Message.TextMessage[] = [];
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1;
    const base = {
      link_preview_options: { is_disabled: true },
      ...(i === 0 && options.replyTo !== undefined
        ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(last && options.markup ? { reply_markup: options.markup } : {}),
    };
    try {
      sent.push(await ctx.reply(chunk, { ...base, parse_mode: "HTML" }));
    } catch (error) {
      if (!isParseError(error)) throw error;
      ctx.log.error({ err: error }, "Telegram refused our HTML; sent as plain text");
      sent.push(await ctx.reply(stripTags(chunk), base));
    }
  }
  return sent;
}
