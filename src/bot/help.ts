import { isGroupChat } from "./answer-question.js";
import type { BotContext } from "./context.js";
import { texts } from "./i18n.js";
import { escapeHtml, escapeTrim } from "./render-html.js";

/** /start and /help: what the bot knows, how to ask here, in groups and inline, with a few example questions. */
export function helpHtml(ctx: BotContext): string {
  const t = texts(ctx.uiLang);
  const { facts, sources } = ctx.engine.knowledge;
  const examples = ctx.engine.sampleQuestions(ctx.uiLang, 3).map((s) => `• ${escapeTrim(s.question, 300)}`);
  return [
    `<b>${escapeHtml(t.helpTitle)}</b>`,
    escapeHtml(t.helpKnows(facts.length, sources.size)),
    // "Just write a question" holds only in a private chat: in a group the bot ignores what is not addressed to it.
    ...(isGroupChat(ctx) ? [] : [escapeHtml(t.helpPrivate)]),
    escapeHtml(t.helpGroups),
    escapeHtml(t.helpInline(ctx.me.username)),
    ...(examples.length > 0 ? [`${escapeHtml(t.helpExamples)}\n${examples.join("\n")}`] : []),
  ].join("\n\n");
}
