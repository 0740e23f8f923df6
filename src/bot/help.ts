import { texts } from "../texts/texts.js";
import { isGroupChat } from "./chat.js";
import type { BotContext } from "./context.js";
import { escapeHtml, escapeTrim } from "./render-html.js";

/** "I know N facts from M reports about <topic>": the topic from knowledge/about.yaml, when there is one. */
export function knowsText(ctx: BotContext, lang = ctx.uiLang): string {
  const { factIds, sources, about } = ctx.engine.knowledge;
  return texts(lang).helpKnows(factIds.length, sources.size, about?.[lang].topic);
}

/**
 * /start and /help: what the bot knows, how to ask here, in groups and inline, with a few example questions.
 * `greet` (/start): a first line with the user's first name.
 */
export function helpHtml(ctx: BotContext, greet = false): string {
  const t = texts(ctx.uiLang);
  const name = ctx.from?.first_name;
  const examples = ctx.engine.sampleQuestions(ctx.uiLang, 3).map((s) => `• ${escapeTrim(s.question, 300)}`);
  return [
    ...(greet && name ? [escapeHtml(t.hello(name))] : []),
    `<b>${escapeHtml(t.helpTitle)}</b>`,
    escapeHtml(knowsText(ctx)),
    // "Just write a question" holds only in a private chat: in a group the bot ignores what is not addressed to it.
    ...(isGroupChat(ctx) ? [] : [escapeHtml(t.helpPrivate)]),
    escapeHtml(t.helpGroups),
    escapeHtml(t.helpInline(ctx.me.username)),
    ...(examples.length > 0 ? [`${escapeHtml(t.helpExamples)}\n${examples.join("\n")}`] : []),
  ].join("\n\n");
}
