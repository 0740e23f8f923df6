import { setTimeout as sleep } from "node:timers/promises";
import { type Api, type Bot, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { ALLOWED_UPDATES, processUpdate } from "./create-bot.js";
import { createUpdateQueue, type UpdateQueue } from "./update-queue.js";

// grammY types signals with the abort-controller polyfill; Node's own AbortSignal is what it gets at run time.
type ApiSignal = Parameters<Api["getUpdates"]>[1];

export interface PollingOptions {
  logger: Logger;
  /** Long-poll timeout in seconds (Telegram holds the request this long when there is nothing new). */
  timeoutSeconds?: number;
  /** Updates handled at once; the next batch is fetched only below this. */
  concurrency?: number;
  /** How long stop() waits for answers in flight before giving up on them, when it is given no deadline. */
  drainTimeoutMs?: number;
}

/** The most the offset confirmation after the drain may take. */
const CONFIRM_TIMEOUT_MS = 3000;

export interface Polling {
  /** Settles when polling has ended: resolves after stop(), rejects with a fatal error (401, 409). */
  readonly done: Promise<void>;
  /**
   * Stops taking updates, finishes those in flight, confirms the offset to Telegram. Idempotent.
   * With a deadline (epoch ms), all of it ends by then: the drain gets what is left minus the confirmation's
   * budget (CONFIRM_TIMEOUT_MS), so the offset is still confirmed when some answers are given up on.
   */
  stop(deadline?: number): Promise<void>;
  readonly queue: UpdateQueue;
}

/** 401 (bad token) and 409 (another instance polling, or a webhook set) cannot be fixed by retrying. */
export function isFatalTelegramError(error: unknown): error is GrammyError {
  return error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409);
}

/**
 * Long polling with concurrent handling. grammY's bot.start() handles one update at a time, which cannot keep
 * up with a burst when every answer waits on Telegram's per-chat limit; @grammyjs/runner is concurrent but
 * gives no way to wait for the updates in flight, which a clean shutdown needs. This is the small middle:
 * fetch, hand each update to the queue, fetch again once there is room.
 */
export function startPolling(bot: Bot<BotContext>, options: PollingOptions): Polling {
  const { logger, timeoutSeconds = 30, concurrency = 500, drainTimeoutMs = 7000 } = options;
  const queue = createUpdateQueue((update: Update) => processUpdate(bot, update), {
    concurrency,
    onError: (error, update) =>
      logger.error({ err: error, update: update.update_id }, "update handling crashed"),
  });
  const controller = new AbortController();
  let stopping = false;
  let deadline: number | undefined;
  // The next update wanted: 0 until the first batch, which makes Telegram start from the oldest unconfirmed one.
  let offset = 0;

  // Cut short by stop(); node's timer removes its abort listener, so retries do not pile up listeners.
  async function pause(ms: number) {
    await sleep(ms, undefined, { signal: controller.signal }).catch(() => undefined);
  }

  async function loop(): Promise<void> {
    let backoffMs = 500;
    while (!stopping) {
      let updates: Update[];
      try {
        updates = await bot.api.getUpdates(
          { offset, limit: 100, timeout: timeoutSeconds, allowed_updates: [...ALLOWED_UPDATES] },
          controller.signal as ApiSignal,
        );
        backoffMs = 500;
      } catch (error) {
        if (stopping) break;
        if (isFatalTelegramError(error)) throw error;
        // Anything else, network errors (HttpError, not retried by auto-retry) included, is retried here.
        logger.warn({ err: error, retryInMs: backoffMs }, "getUpdates failed; retrying");
        await pause(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 30_000);
        continue;
      }
      for (const update of updates) {
        offset = update.update_id + 1;
        queue.add(update);
      }
      await queue.capacity();
    }
  }

  async function finish(): Promise<void> {
    const drainMs =
      deadline === undefined ? drainTimeoutMs : Math.max(0, deadline - Date.now() - CONFIRM_TIMEOUT_MS);
    const drained = await queue.drain(drainMs);
    if (!drained) {
      logger.warn({ unfinished: queue.pending() }, "shutdown: gave up waiting for some updates");
    }
    if (offset > 0) {
      // The next getUpdates would confirm everything before `offset`; there is no next one, so do it now,
      // or Telegram delivers the last batch again after a restart and it is answered twice.
      const confirmMs = Math.min(CONFIRM_TIMEOUT_MS, Math.max(1, (deadline ?? Infinity) - Date.now()));
      try {
        await bot.api.getUpdates(
          { offset, limit: 1, timeout: 0 },
          AbortSignal.timeout(confirmMs) as ApiSignal,
        );
        logger.info({ offset }, "confirmed the update offset to Telegram");
      } catch (error) {
        logger.warn({ err: error, offset }, "could not confirm the update offset");
      }
    }
  }

  const done = loop().then(finish, async (error) => {
    // Fatal: still let the answers in flight go out before reporting.
    await queue.drain(drainTimeoutMs);
    throw error;
  });
  // The caller handles rejection through `done`; this keeps an unobserved rejection from crashing the process.
  done.catch(() => undefined);

  return {
    done,
    queue,
    async stop(until) {
      if (!stopping) {
        stopping = true;
        deadline = until;
        controller.abort();
      }
      await done;
    },
  };
}
