import { Composer } from "grammy";
import { texts } from "../../texts/texts.js";
import { isCommandForUs } from "../addressing.js";
import { isQuietNow, replyTarget } from "../chat.js";
import type { BotContext } from "../context.js";
import { helpHtml } from "../help.js";
import { escapeHtml, renderSourcesHtml } from "../render-html.js";
import { sendHtml } from "../reply.js";

export const commandsFeature = new Composer<BotContext>();

// grammY matches "/help" and "/help@thisbot" but never "/help@other_bot", so another bot's commands fall through;
// in groups a bare "/help" is not ours either (isCommandForUs).
commandsFeature.command(["start", "help"], async (ctx) => {
  if (!isCommandForUs(ctx) || (await isQuietNow(ctx))) return;
  await sendHtml(ctx, helpHtml(ctx, ctx.msg.text.startsWith("/start")), { replyTo: replyTarget(ctx) });
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
  const summary = ctx.engine.knowledge.about?.[ctx.uiLang].summary;
  const html = [
    `<b>${escapeHtml(t.aboutTitle)}</b>`,
    ...(summary ? [escapeHtml(summary)] : []),
    escapeHtml(t.about),
  ].join("\n\n");
  await sendHtml(ctx, html, { replyTo: replyTarget(ctx) });
});
