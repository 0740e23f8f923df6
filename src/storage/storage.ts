import type { FeedbackRecord, UnansweredRecord } from "./log-records.js";

export interface LogRecords {
  unanswered: UnansweredRecord;
  feedback: FeedbackRecord;
}
export type LogName = keyof LogRecords;
/** Every log, for the backends' directories, keys and pruning. */
export const LOG_NAMES: readonly LogName[] = ["unanswered", "feedback"];

/** A stored value that is not valid JSON (edited by hand, or a damaged disk); the message says how to fix it. */
export class DamagedValueError extends Error {
  constructor(
    readonly key: string,
    /** Where the value is kept (Storage.where). */
    readonly where: string,
    /** What is wrong and how to fix it. */
    readonly reason: string,
  ) {
    super(`${where}: ${reason}`);
    this.name = "DamagedValueError";
  }
}

/** A stored value or log record that could not be used: skipped, and reported so it is not lost silently. */
export interface DamagedRecord {
  /** file:line for the file storage, the key for Redis. */
  where: string;
  reason: string;
}

/** A log record as read back: not checked beyond its time (validate it where it is used), and where it is. */
export interface StoredRecord {
  /** file:line for the file storage, the key for Redis: for a report when the record has the wrong shape. */
  where: string;
  record: unknown;
}

/**
 * The one storage interface used by group settings, the unanswered log and feedback.
 * Implementations: memory (tests), files under DATA_DIR (default), Redis (REDIS_URL).
 * Reads return `unknown`: what is stored may be damaged or older-shaped, so readers validate it (readValue,
 * validRecords) and treat a wrong shape as absent instead of trusting a type.
 */
export interface Storage {
  /** The stored value, undefined when there is none; throws DamagedValueError when it is not JSON. */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Where `key` is kept (a file, a Redis key), for messages that tell an operator what to fix. */
  where(key: string): string;
  append<L extends LogName>(log: L, record: LogRecords[L]): Promise<void>;
  /** Records with `at` at or after `since` (all when omitted), oldest first. */
  read(log: LogName, since?: Date): Promise<StoredRecord[]>;
  /** Drops log records older than `before`; returns how many were dropped. */
  prune(before: Date): Promise<number>;
  close(): Promise<void>;
}

/** A log record's time in ms from its `at`, or undefined when it has no ISO timestamp there. */
export function recordTime(record: unknown): number | undefined {
  const at = (record as { at?: unknown } | null)?.at;
  if (typeof at !== "string") return undefined;
  const time = Date.parse(at);
  return Number.isNaN(time) ? undefined : time;
}

/** The time of a record about to be appended; a record without an ISO `at` is the caller's bug: it throws. */
export function appendTime(log: LogName, record: { at: string }): number {
  const time = recordTime(record);
  if (time === undefined) {
    throw new Error(
      `storage.append("${log}"): record.at must be an ISO timestamp such as 2026-11-23T12:00:00.000Z, got ${record.at}`,
    );
  }
  return time;
}
