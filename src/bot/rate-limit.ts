import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import { type Claims, createMemoryClaims } from "../cluster/claims.js";
import type { RateLimitClient } from "../cluster/cluster.js";
import { texts } from "../texts/texts.js";
import { addressedQuestion, startsWithCommand } from "./addressing.js";
import { isGroupChat } from "./chat.js";
import type { BotContext, BotDeps } from "./context.js";
import { decodeCallback } from "./keyboards.js";
import { escapeHtml } from "./render-html.js";
import { sendHtml } from "./reply.js";

export interface RateLimit {
  /** Questions a person may ask within the window before being asked to wait. */
  limit: number;
  windowMs: number;
}

/** Enough for a handful of questions in a row (and a burst of related-question taps), not for a flood. */
const DEFAULT_RATE_LIMIT: RateLimit = { limit: 8, windowMs: 20_000 };

/**
 * Whose bucket an update counts against. In groups it is per chat and sender: anonymous admins all post as
 * one user (1087968824) and channel senders as another, so only sender_chat tells them apart, and one group's
 * flood must not silence another.
 */
function bucket(ctx: BotContext, userId: number): string {
  if (!ctx.chat || !isGroupChat(ctx)) return String(userId);
  return `${ctx.chat.id}:${ctx.message?.sender_chat?.id ?? userId}`;
}

/**
 * The bucket an update counts against, or undefined to exempt it: only what the bot would answer counts against
 * the rate limit.
 */
function rateLimitKey(ctx: BotContext): string | undefined {
  const from = ctx.from;
  if (!from) return undefined;
  if (ctx.callbackQuery)
    return decodeCallback(ctx.callbackQuery.data)?.kind === "answer" ? bucket(ctx, from.id) : undefined;
  const message = ctx.message;
  if (!message) return undefined;
  if (ctx.chat?.type === "private") return bucket(ctx, from.id);
  if (!isGroupChat(ctx) || message.text === undefined) return undefined;
  // In groups only messages addressed to the bot count; chatter between people must never trip the limit.
  const addressed = startsWithCommand(message) || addressedQuestion(message, ctx.me) !== undefined;
  return addressed ? bucket(ctx, from.id) : undefined;
}

/**
 * Called for every update over the limit. A button press always gets its answerCallbackQuery (or the button
 * keeps spinning); a private chat gets the "please wait" message once per window, so the notice itself cannot
 * become spam; groups get nothing. "Once" holds across instances when the claims are shared.
 */
function rateLimitNotice(windowMs: number, claims: Claims) {
  return async (ctx: BotContext) => {
    const t = texts(ctx.uiLang);
    // One claim per kind (button or message) and bucket within the window: the first excess.
    const first = await claims.claim(
      `notice:${ctx.callbackQuery ? "button" : "message"}:${rateLimitKey(ctx)}`,
      windowMs,
    );
    if (first) ctx.log.info({ chatType: ctx.chat?.type }, "rate limited");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t.rateLimited });
    else if (first && ctx.chat?.type === "private") await sendHtml(ctx, escapeHtml(t.rateLimited));
  };
}

/**
 * The rate limit as middleware: questions over the limit in its window are not answered, and are told so
 * (rateLimitNotice). With several instances (deps.cluster) the counters and the notices' claims live in Redis,
 * so a person's questions count wherever they land.
 */
export function rateLimit(
  deps: Pick<BotDeps, "cluster">,
  rate: RateLimit = DEFAULT_RATE_LIMIT,
): MiddlewareFn<BotContext> {
  return limit<BotContext, RateLimitClient>({
    timeFrame: rate.windowMs,
    limit: rate.limit,
    keyGenerator: rateLimitKey,
    storageClient: deps.cluster?.rateLimitClient(rate.windowMs) ?? "MEMORY_STORE",
    // The shared client prefixes its keys itself.
    keyPrefix: "",
    alwaysReply: true,
    onLimitExceeded: rateLimitNotice(rate.windowMs, deps.cluster?.claims ?? createMemoryClaims()),
  });
}
