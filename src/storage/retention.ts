import type { Storage } from "./storage.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Drops unanswered-log and feedback records older than `retentionDays`; returns how many were dropped. */
export async function pruneExpired(
  storage: Storage,
  retentionDays: number,
  now = new Date(),
): Promise<number> {
  if (!Number.isFinite(retentionDays) || retentionDays <= 0) {
    throw new Error(`RETENTION_DAYS must be a positive number of days, got ${retentionDays}`);
  }
  return storage.prune(new Date(now.getTime() - retentionDays * DAY_MS));
}

export interface RetentionOptions {
  storage: Storage;
  retentionDays: number;
  logger?: {
    info: (obj: object, msg: string) => void;
    error: (obj: object, msg: string) => void;
  };
  /** How often to prune after the first run at start; daily unless a test says otherwise. */
  intervalMs?: number;
  now?: () => Date;
}

/**
 * Prunes now and then every day, for as long as the bot runs. Failures are logged, never thrown: an
 * unreachable Redis must not take the bot down over housekeeping. The timer does not keep the process alive.
 */
export function scheduleRetention(options: RetentionOptions): { first: Promise<void>; stop: () => void } {
  // Stryker disable next-line ArrowFunction: equivalent, pruneExpired's own default is the same clock
  const { storage, retentionDays, logger, intervalMs = DAY_MS, now = () => new Date() } = options;
  const run = async () => {
    try {
      const dropped = await pruneExpired(storage, retentionDays, now());
      if (dropped > 0) logger?.info({ dropped, retentionDays }, "retention: dropped old log records");
    } catch (error) {
      logger?.error({ err: error, retentionDays }, "retention: pruning old log records failed");
    }
  };
  const first = run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
