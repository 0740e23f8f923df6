import { Composer } from "grammy";
import { isGroupChat, isQuietNow, replyTarget } from "../answer-question.js";
import type { BotContext } from "../context.js";
import { texts } from "../i18n.js";
import { escapeHtml, escapeTrim, renderSourcesHtml } from "../render-html.js";
import { sendHtml } from "../reply.js";
import { isCommandForUs } from "./groups/addressing.js";

/** /start and /help: what the bot knows, how to ask here, in groups and inline, with a few example questions. */
function helpHtml(ctx: BotContext): string {
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

export const commandsFeature = new Composer<BotContext>();

// grammY matches "/help" and "/help@thisbot" but never "/help@other_bot", so another bot's commands fall through;
// in groups a bare "/help" is not ours either (isCommandForUs).
commandsFeature.command(["start", "help"], async (ctx) => {
  if (!isCommandForUs(ctx) || (await isQuietNow(ctx))) return;
  await sendHtml(ctx, helpHtml(ctx), { replyTo: replyTarget(ctx) });
});

commandsFeature.command("sources", async (ctx) => {
  if (!isCommandForUs(ctx) || (await isQuietNow(ctx))) return;
  await sendHtml(ctx, renderSourcesHtml(ctx.engine.knowledge.sources.values(), ctx.uiLang), {
    replyTo: replyTarget(ctx),
  });
});

commandsFeature.command("about", async (ctx) => {
  if (!isCommandForUs(ctx) || (await isQuietNow(ctx))) return;
  const t = texts(ctx.uiLang);
  const html = `<b>${escapeHtml(t.aboutTitle)}</b>\n\n${escapeHtml(t.about)}`;
  await sendHtml(ctx, html, { replyTo: replyTarget(ctx) });
});
