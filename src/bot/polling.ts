import { setTimeout as sleep } from "node:timers/promises";
import { type Api, type Bot, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import type { AnsweredUpdates } from "./answered-updates.js";
import type { BotContext } from "./context.js";
import { ALLOWED_UPDATES, processUpdate } from "./create-bot.js";
import { trackInFlightUpdates } from "./in-flight-updates.js";

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
  /** The most the offset confirmation at stop may take; with a deadline, the drain ends this much before it. */
  confirmTimeoutMs?: number;
  /** While updates are in flight, how often to ask for new ones (a long poll would return at once). */
  busyPollMs?: number;
  /** How long updates in flight may hold back a full batch (and so every newer update) before polling moves on. */
  holdLimitMs?: number;
  /** The pause after a failed getUpdates; it doubles with each failure in a row, up to 30 s. */
  retryMs?: number;
  answered?: AnsweredUpdates;
}

/** Telegram's maximum. */
const BATCH = 100;

export interface Polling {
  /** Settles when polling has ended: resolves after stop(), rejects with a fatal error (401, 409). */
  readonly done: Promise<void>;
  /**
   * Stops taking updates, finishes those in flight, confirms to Telegram the updates that were finished and
   * remembers those finished past them. Idempotent. With a deadline (epoch ms), all of it ends by then: the
   * drain gets what is left minus the confirmation's budget, so the offset is confirmed even when some answers
   * are given up on; those are delivered again at the next start.
   */
  stop(deadline?: number): Promise<void>;
}

/** 401 (bad token) and 409 (another instance polling, or a webhook set) cannot be fixed by retrying. */
export function isFatalTelegramError(error: unknown): error is GrammyError {
  return error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409);
}

/**
 * Long polling with concurrent handling. grammY's bot.start() handles one update at a time, which cannot keep
 * up with a burst when every answer waits on Telegram's per-chat limit. @grammyjs/runner is concurrent, but in
 * 2.0.3 (recheck these on upgrading it): its stop() resolves as soon as the fetch loop ends, before the handlers
 * still running finish, whatever its docs say (runner.js createRunner.stop returns the fetch task; measured: 1 ms
 * with a 500 ms handler running); it does not confirm the last offset on stop, so Telegram delivers the last
 * batch again after a restart; and its retry sleep after a failed getUpdates (runner.js:109) cannot be
 * interrupted, so a stop during an outage waits it out. This is the small middle.
 *
 * Telegram forgets an update once getUpdates is called with a higher offset, so the offset sent is always the
 * oldest update still being handled (the watermark), never just past the last one fetched: an update that was
 * taken but not answered when the bot stops is delivered again at the next start. The price: while updates
 * are in flight Telegram answers a poll at once (with those updates, which are skipped), so polls are short
 * and paced instead of long; and one stuck update (a chat waiting out a 429) could hold back every newer one
 * once a whole batch sits behind it, so after `holdLimitMs` the offset moves past it.
 */
export function startPolling(bot: Bot<BotContext>, options: PollingOptions): Polling {
  const {
    logger,
    timeoutSeconds = 30,
    concurrency = 500,
    drainTimeoutMs = 7000,
    confirmTimeoutMs = 3000,
    busyPollMs = 100,
    holdLimitMs = 10_000,
    retryMs = 500,
    answered,
  } = options;
  const inFlight = trackInFlightUpdates((update: Update) => processUpdate(bot, update), {
    concurrency,
    onError: (error, update) =>
      logger.error({ err: error, update: update.update_id }, "update handling crashed"),
  });
  const controller = new AbortController();
  let stopping = false;
  let deadline: number | undefined;
  // The next update id not taken yet: 0 until the first batch, which makes Telegram start from the oldest
  // unconfirmed one.
  let next = 0;
  // Raised past updates that held back a full batch too long: the offset no longer waits for those.
  let floor = 0;
  // Ids taken at or past the last offset sent, ascending: the finished ones are what a restart must skip.
  let taken: number[] = [];
  // Answered before the last stop, past the offset that stop confirmed.
  let skip = new Set<number>();
  let loaded = 0;

  /** Every update below it was handled (or given up on by the hold limit): the offset Telegram may forget. */
  const watermark = () => inFlight.oldest(floor) ?? next;

  // Cut short by stop(); node's timer removes its abort listener, so retries do not pile up listeners.
  async function pause(ms: number) {
    await sleep(ms, undefined, { signal: controller.signal }).catch(() => undefined);
  }

  async function loadAnswered(): Promise<void> {
    try {
      const ids = (await answered?.load()) ?? [];
      skip = new Set(ids);
      loaded = ids.length;
    } catch (error) {
      logger.warn({ err: error }, "could not read which updates were answered before the last stop");
    }
  }

  async function loop(): Promise<void> {
    await loadAnswered();
    let backoffMs = retryMs;
    let heldSince: number | undefined;
    while (!stopping) {
      const offset = watermark();
      taken = taken.filter((id) => id >= offset);
      const busy = offset < next;
      let updates: Update[];
      try {
        updates = await bot.api.getUpdates(
          {
            offset,
            limit: BATCH,
            timeout: busy ? 0 : timeoutSeconds,
            allowed_updates: [...ALLOWED_UPDATES],
          },
          controller.signal as ApiSignal,
        );
        backoffMs = retryMs;
      } catch (error) {
        if (stopping) break;
        if (isFatalTelegramError(error)) throw error;
        // Anything else, network errors (HttpError, not retried by auto-retry) included, is retried here.
        logger.warn({ err: error, retryInMs: backoffMs }, "getUpdates failed; retrying");
        await pause(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 30_000);
        continue;
      }
      const fresh = updates.filter((update) => update.update_id >= next);
      for (const update of fresh) {
        next = update.update_id + 1;
        taken.push(update.update_id);
        if (skip.delete(update.update_id)) {
          logger.debug({ update: update.update_id }, "answered before the last stop; not answered again");
          continue;
        }
        inFlight.start(update);
      }
      if (fresh.length === 0 && busy) {
        if (updates.length < BATCH) heldSince = undefined;
        else if (heldSince === undefined) heldSince = Date.now();
        else if (Date.now() - heldSince >= holdLimitMs) {
          logger.warn(
            { held: inFlight.pending(), forMs: Date.now() - heldSince },
            "updates in flight held back all newer ones; moving on (they are lost if the bot stops before they finish)",
          );
          floor = next;
          heldSince = undefined;
          continue;
        }
        // Until an update finishes (the offset may move) or a new one may have come.
        await Promise.race([inFlight.settled(), pause(busyPollMs)]);
      } else {
        heldSince = undefined;
      }
      await inFlight.capacity();
    }
  }

  async function finish(): Promise<void> {
    const drainMs =
      deadline === undefined ? drainTimeoutMs : Math.max(0, deadline - Date.now() - confirmTimeoutMs);
    const drained = await inFlight.drain(drainMs);
    const offset = watermark();
    if (!drained) {
      const unfinished = inFlight.pending();
      const lost = unfinished.filter((id) => id < floor);
      logger.warn(
        { unfinished, redeliveredFrom: offset },
        "shutdown: gave up waiting for some updates; Telegram delivers them again at the next start",
      );
      if (lost.length > 0) {
        logger.error({ lost }, "shutdown: updates confirmed earlier to keep polling going were not answered");
      }
    }
    if (next > 0) {
      // Without this the last poll's offset stands, and updates finished since are delivered again.
      const confirmMs = Math.min(confirmTimeoutMs, Math.max(1, (deadline ?? Infinity) - Date.now()));
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
    // Finished past the offset: delivered again at the next start, which must not answer them twice. So are
    // those answered before the last stop that have not come again yet.
    const pending = new Set(inFlight.pending());
    const done = [
      ...taken.filter((id) => id >= offset && !pending.has(id)),
      ...[...skip].filter((id) => id >= offset),
    ];
    if (answered && (done.length > 0 || loaded > 0)) {
      try {
        await answered.save(done);
      } catch (error) {
        logger.warn(
          { err: error, updates: done },
          "could not store which updates were answered; they may be answered twice",
        );
      }
    }
  }

  const done = loop().then(finish, async (error) => {
    // Fatal: still let the answers in flight go out before reporting.
    await inFlight.drain(drainTimeoutMs);
    throw error;
  });
  // The caller handles rejection through `done`; this keeps an unobserved rejection from crashing the process.
  done.catch(() => undefined);

  return {
    done,
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
