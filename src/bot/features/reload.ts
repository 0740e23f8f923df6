import { Composer } from "grammy";
import { describeReload } from "../../reload/messages.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../render-html.js";
import { sendHtml } from "../reply.js";

/**
 * /reload and /reload force, for the bot's operators (ADMIN_IDS) only: re-validates the knowledge directory
 * and swaps it in if it is all valid; the reply says what changed, or lists the errors (file:line) and that
 * the previous knowledge is still served. Everyone else falls through to the next handlers, so the command
 * looks like any unknown one and reveals nothing.
 */
export const reloadFeature = new Composer<BotContext>();

reloadFeature.command("reload", async (ctx, next) => {
  const userId = ctx.from?.id;
  if (userId === undefined || !ctx.deps.adminIds.includes(userId)) {
    ctx.log.info({ chatType: ctx.chat.type }, "/reload ignored: the sender is not in ADMIN_IDS");
    return next();
  }
  const reply = (text: string) => sendHtml(ctx, escapeHtml(text), { replyTo: ctx.msg.message_id });
  const { reloader } = ctx.deps;
  if (!reloader) {
    await reply("Reloading is not available in this process (no knowledge reloader was configured).");
    return;
  }
  const argument = ctx.match.trim().toLowerCase();
  if (argument !== "" && argument !== "force") {
    await reply(`Unknown argument "${ctx.match.trim().slice(0, 50)}". Use /reload or /reload force.`);
    return;
  }
  await ctx.replyWithChatAction("typing").catch(() => undefined);
  const result = await reloader.reload({ force: argument === "force", trigger: "/reload" });
  await reply(describeReload(result));
});
