import type { Message, MessageEntity, UserFromGetMe } from "grammy/types";
import { isGroupChat } from "./chat.js";
import type { BotContext } from "./context.js";

// Who a message or command is meant for: used by the features and by createBot's rate limit alike.

type TextMessage = Pick<Message, "text" | "entities" | "reply_to_message" | "from" | "sender_chat">;

function isOurMention(text: string, entity: MessageEntity, me: UserFromGetMe): boolean {
  if (entity.type === "text_mention") return entity.user.id === me.id;
  if (entity.type !== "mention") return false;
  // Usernames are case-insensitive in Telegram.
  return (
    text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === `@${me.username.toLowerCase()}`
  );
}

/** True when the message starts with a command (ours or anyone's); commands are routed elsewhere. */
export function startsWithCommand(message: Pick<Message, "entities">): boolean {
  return message.entities?.some((e) => e.type === "bot_command" && e.offset === 0) ?? false;
}

/** True when the message's command names a bot ("/help@bot"); grammY lets only ours through to handlers. */
export function commandNamesBot(ctx: BotContext): boolean {
  const command = ctx.msg?.text?.split(/\s/, 1)[0] ?? "";
  return command.includes("@");
}

/**
 * Whether a command is meant for us. In a group a bare "/help" reaches every bot there, and if each answered
 * the group would get one reply per bot, so only "/help@ourbot" counts. In private chats every command is ours.
 * (/ask has its own rule: a bare /ask is ours unless it replies to another bot.)
 */
export function isCommandForUs(ctx: BotContext): boolean {
  return !isGroupChat(ctx) || commandNamesBot(ctx);
}

/**
 * The question a group message puts to the bot, or undefined when it does not address the bot
 * (then the bot must stay silent). Addressed: a reply to one of our messages, or a mention of us.
 * The mention itself is cut out; "" means the bot was addressed without a question.
 */
export function addressedQuestion(message: TextMessage, me: UserFromGetMe): string | undefined {
  const text = message.text;
  if (text === undefined) return undefined;
  const mentions = (message.entities ?? []).filter((e) => isOurMention(text, e, me));
  const repliesToUs = message.reply_to_message?.from?.id === me.id;
  if (mentions.length === 0 && !repliesToUs) return undefined;
  let question = text;
  // Cut from the end so earlier offsets (UTF-16, like JS strings) stay valid.
  for (const e of [...mentions].sort((a, b) => b.offset - a.offset)) {
    question = `${question.slice(0, e.offset)} ${question.slice(e.offset + e.length)}`;
  }
  return question
    .replace(/\s+/g, " ")
    .replace(/^[\s,.:;!-]+/, "")
    .trim();
}
