import type { Lang } from "../knowledge/types.js";

/** A question the bot could not answer. No user ids or names: group chats keep only the question text. */
export interface UnansweredRecord {
  at: string; // ISO timestamp
  question: string;
  language: Lang;
  chatType: "private" | "group" | "supergroup" | "channel" | "inline" | "console";
  nearest: { factId: string; score: number }[];
}

export interface FeedbackRecord {
  at: string;
  factId: string;
  vote: "up" | "down";
  language: Lang;
  chatType: UnansweredRecord["chatType"];
  /** The question that led to the answer, when known. */
  question?: string;
  /** Salted hash of the voter, so one person's repeated votes can be told apart; never the id itself. */
  voter?: string;
}

export interface LogRecords {
  unanswered: UnansweredRecord;
  feedback: FeedbackRecord;
}
export type LogName = keyof LogRecords;

/** A stored value that is not valid JSON (edited by hand, or a damaged disk); the message says how to fix it. */
export class DamagedValueError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = "DamagedValueError";
  }
}

/** A stored log record that could not be read back: skipped by `read`, and reported so it is not lost silently. */
export interface DamagedRecord {
  /** file:line for the file storage, the key for Redis. */
  where: string;
  reason: string;
}

/**
 * The one storage interface used by group settings, the unanswered log and feedback.
 * Implementations: memory (tests), files under DATA_DIR (default), Redis (REDIS_URL).
 */
export interface Storage {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  append<L extends LogName>(log: L, record: LogRecords[L]): Promise<void>;
  /** Records with `at` at or after `since` (all when omitted), oldest first. */
  read<L extends LogName>(log: L, since?: Date): Promise<LogRecords[L][]>;
  /** Drops log records older than `before`; returns how many were dropped. */
  prune(before: Date): Promise<number>;
  close(): Promise<void>;
}
