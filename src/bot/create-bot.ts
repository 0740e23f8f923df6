import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, BotError, GrammyError, HttpError } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { languageOfCode } from "../answer/language.js";
import type { BotContext, BotDeps } from "./context.js";
import { askFeature } from "./features/ask.js";
import { commandsFeature } from "./features/commands.js";
import { feedbackFeature } from "./features/feedback.js";
import { addressingFeature } from "./features/groups/addressing.js";
import { inlineFeature } from "./features/inline.js";
import { reloadFeature } from "./features/reload.js";
import { settingsFeature } from "./features/settings.js";
import { unhandledFeature } from "./features/unhandled.js";
import { createSettingsStore } from "./group-settings.js";
import { type RateLimit, rateLimit } from "./rate-limit.js";
import { RecentQuestions } from "./recent-questions.js";
import type { ApiFailure } from "./telegram-failure.js";

export interface BotConfig {
  token: string;
  /** A local Bot API server or a test double; Telegram's own when absent. */
  apiRoot?: string;
  /** Known in advance (tests), so no getMe call is needed. */
  botInfo?: UserFromGetMe;
  rateLimit?: RateLimit;
  /** Every error answer of the Bot API, retried ones included (auto-retry hides those from the caller). */
  onApiError?: (failure: ApiFailure) => void;
}

/** The update kinds the bot handles; everything else is not even delivered. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

export function createBot(config: BotConfig, deps: BotDeps): Bot<BotContext> {
  const bot = new Bot<BotContext>(config.token, {
    botInfo: config.botInfo,
    client: config.apiRoot ? { apiRoot: config.apiRoot } : undefined,
  });

  // grammY's flood-limit advice: send as fast as possible and let auto-retry honour 429 (after retry_after) and
  // retry 5xx; throttling in advance only delays answers. Network errors are rethrown, not retried: auto-retry
  // would retry them forever with a backoff growing to an hour, so after an outage polling would go deaf and a
  // send would never settle, blocking its chat's queue. Polling has its own short backoff; a failed answer is logged.
  const { onApiError } = config;
  if (onApiError) {
    // Installed first, so it runs inside auto-retry and sees each attempt.
    bot.api.config.use(async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal);
      if (!result.ok) onApiError({ method, code: result.error_code, description: result.description });
      return result;
    });
  }
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: true }));

  // Updates are handled concurrently; within one chat they keep their order.
  bot.use(sequentialize((ctx: BotContext) => String(ctx.chat?.id ?? ctx.from?.id ?? "")));

  const settingsStore = createSettingsStore(deps.storage, deps.logger, { changes: deps.cluster?.changes });
  const recentQuestions = new RecentQuestions();
  bot.use((ctx, next) => {
    ctx.recentQuestions = recentQuestions;
    ctx.deps = deps;
    ctx.engine = deps.getEngine();
    ctx.now = deps.now?.() ?? new Date();
    ctx.uiLang = languageOfCode(ctx.from?.language_code);
    ctx.settingsStore = settingsStore;
    ctx.log = deps.logger.child({ update: ctx.update.update_id });
    return next();
  });

  bot.use(rateLimit(deps, config.rateLimit));

  bot.use(commandsFeature);
  bot.use(askFeature);
  bot.use(settingsFeature);
  bot.use(feedbackFeature);
  bot.use(inlineFeature);
  bot.use(addressingFeature);
  bot.use(reloadFeature);
  bot.use(unhandledFeature);

  bot.catch((error) => logBotError(deps, error));
  return bot;
}

/**
 * Handles one update the way polling and the webhook both do: a failure in the middleware goes to the bot's
 * error handler (bot.catch), which logs it with the update id, and the caller carries on.
 */
export async function processUpdate(bot: Bot<BotContext>, update: Update): Promise<void> {
  try {
    await bot.handleUpdate(update);
  } catch (error) {
    if (!(error instanceof BotError)) throw error;
    await bot.errorHandler(error as BotError<BotContext>);
  }
}

/** Logs a failed update and carries on: one bad update must never stop the bot. */
function logBotError(deps: Pick<BotDeps, "logger">, error: BotError<BotContext>): void {
  const update = error.ctx.update.update_id;
  const cause = error.error;
  if (cause instanceof GrammyError) {
    // 403: the user blocked the bot or it was removed from the group; nothing to fix on our side.
    const level = cause.error_code === 403 ? "info" : "error";
    deps.logger[level](
      { update, method: cause.method, code: cause.error_code, description: cause.description },
      "Telegram refused a request while handling an update",
    );
  } else if (cause instanceof HttpError) {
    deps.logger.error({ update, err: cause.error }, "network error while handling an update");
  } else {
    deps.logger.error({ update, err: cause }, "error while handling an update");
  }
}
