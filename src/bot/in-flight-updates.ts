import type { Update } from "grammy/types";

/**
 * The updates being handled right now, in polling and webhook mode alike. Not a queue: an update is handled
 * as soon as it is started (order within a chat is kept by the bot's sequentialize middleware); this only
 * counts what is in flight, so the poller can hold back at `concurrency` (back-pressure) and shutdown can
 * wait for exactly those updates and say which it gave up on.
 */
export interface InFlightUpdates {
  /** Starts handling the update at once. */
  start(update: Update): void;
  /** Resolves when fewer than `concurrency` updates are in flight: the poller's back-pressure. */
  capacity(): Promise<void>;
  /** Resolves true once nothing is in flight, or false if `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean>;
  /** Update ids still being handled, ascending. */
  pending(): number[];
  /** The lowest update id still being handled (at or above `from`), if any. */
  oldest(from?: number): number | undefined;
  /** Resolves when the next update finishes. */
  settled(): Promise<void>;
}

export interface InFlightUpdatesOptions {
  concurrency?: number;
  /** For errors that escaped the bot's own error handler. */
  onError?: (error: unknown, update: Update) => void;
}

export function trackInFlightUpdates(
  handle: (update: Update) => Promise<void>,
  { concurrency = 500, onError }: InFlightUpdatesOptions = {},
): InFlightUpdates {
  const inFlight = new Set<number>();
  let waiters: (() => void)[] = [];
  let nextSettled: Promise<void> | undefined;
  const notify = () => {
    const ready = waiters;
    waiters = [];
    for (const w of ready) w();
  };
  return {
    start(update) {
      inFlight.add(update.update_id);
      handle(update)
        .catch((error) => onError?.(error, update))
        .finally(() => {
          inFlight.delete(update.update_id);
          notify();
        });
    },
    async capacity() {
      while (inFlight.size >= concurrency) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    async drain(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (inFlight.size > 0) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          timer = setTimeout(resolve, left);
        });
        clearTimeout(timer);
      }
      return true;
    },
    pending: () => [...inFlight].sort((a, b) => a - b),
    oldest(from = Number.NEGATIVE_INFINITY) {
      let low: number | undefined;
      for (const id of inFlight) if (id >= from && (low === undefined || id < low)) low = id;
      return low;
    },
    settled() {
      // One promise for every caller until the next finish: a poller asking again and again while an update
      // is stuck must not pile up waiters.
      nextSettled ??= new Promise<void>((resolve) =>
        waiters.push(() => {
          nextSettled = undefined;
          resolve();
        }),
      );
      return nextSettled;
    },
  };
}
