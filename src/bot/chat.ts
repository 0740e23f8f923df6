import type { ChatType } from "../storage/log-records.js";
import type { BotContext } from "./context.js";
import { DEFAULT_SETTINGS, type GroupSettings, isQuiet } from "./group-settings.js";

/*
 * What kind of chat an update comes from and what that means for the reply: the predicates every feature
 * and createBot's rate limit ask, apart from the answer flow (answer-question.ts).
 */

/** Groups and supergroups: where the bot speaks only when addressed, and replies quote the question. */
export const isGroupChat = (ctx: BotContext) => ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";

/** The kind of chat a question or vote came from, as the logs record it. */
export function chatTypeOf(ctx: BotContext): ChatType {
  const type = ctx.chat?.type;
  // Channel posts are not even delivered (ALLOWED_UPDATES): what is not a group is a private chat.
  return type === "group" || type === "supergroup" ? type : "private";
}

/** The group's settings (defaults in private chats). */
export async function settingsFor(ctx: BotContext): Promise<GroupSettings> {
  return isGroupChat(ctx) && ctx.chat ? ctx.settingsStore.get(ctx.chat.id) : DEFAULT_SETTINGS;
}

/** True when the bot must stay silent in this chat now (a group's quiet hours). */
export async function isQuietNow(ctx: BotContext): Promise<boolean> {
  if (!isGroupChat(ctx)) return false;
  const settings = await settingsFor(ctx);
  return isQuiet(settings.quiet, ctx.now);
}

/** Reply options for the update: in groups every reply quotes the message it answers. */
export function replyTarget(ctx: BotContext): number | undefined {
  return isGroupChat(ctx) ? ctx.msg?.message_id : undefined;
}
