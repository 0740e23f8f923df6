import { GrammyError, HttpError } from "grammy";

/** A call the Bot API answered with an error (auto-retry may have tried it again). */
export interface ApiFailure {
  method: string;
  code: number;
  description: string;
}

export interface FailureContext {
  apiRoot: string;
  /** How long start-up waited before giving up. */
  waitedMs: number;
  /** The last error the API answered with while start-up waited, if any. */
  lastFailure?: ApiFailure;
}

/** One line for a start-up call that failed: what happened, and what to do about it. Never the token. */
export function describeTelegramFailure(error: unknown, context: FailureContext): string {
  const { apiRoot, waitedMs, lastFailure } = context;
  if (error instanceof GrammyError && error.error_code === 401) {
    return (
      "Telegram rejected BOT_TOKEN (401 Unauthorized): the token is wrong or was revoked. " +
      "Open @BotFather, send /mybots, pick the bot, choose API Token, and put the current token in BOT_TOKEN."
    );
  }
  if (error instanceof GrammyError && error.error_code === 409) {
    return (
      `Another instance is already receiving updates for this bot (409 Conflict: ${error.description}). ` +
      "Stop the other instance (or remove its webhook), then start this one again."
    );
  }
  // The server answered, but with errors that auto-retry kept retrying until start-up gave up or ran out of tries.
  const failure =
    error instanceof GrammyError
      ? { method: error.method, code: error.error_code, description: error.description }
      : lastFailure;
  if (failure && (failure.code === 429 || failure.code >= 500 || !(error instanceof GrammyError))) {
    const what = `${failure.code} ${failure.description.replace(/^\d+\s*/, "")} to ${failure.method}`;
    const advice =
      failure.code === 429
        ? "Telegram asks to slow down (is another instance using this token?); wait a minute and start again."
        : "Telegram (or the server at TELEGRAM_API_ROOT) is having trouble; start again in a few minutes.";
    return `The Telegram Bot API at ${apiRoot} answered with errors for ${seconds(waitedMs)} (last: ${what}). ${advice}`;
  }
  if (error instanceof GrammyError) {
    return `Telegram refused to start the bot: ${error.method} failed with ${error.error_code} ${error.description}`;
  }
  if (error instanceof HttpError) {
    return `Cannot reach the Telegram Bot API at ${apiRoot} (${error.message}). Check the network and TELEGRAM_API_ROOT.`;
  }
  return (
    `Cannot reach the Telegram Bot API at ${apiRoot} within ${seconds(waitedMs)}: no answer came. ` +
    "Check the network and TELEGRAM_API_ROOT."
  );
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}
