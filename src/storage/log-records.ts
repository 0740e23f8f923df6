import { z } from "zod";
import { LANGUAGES } from "../knowledge/types.js";

/**
 * What the bot writes to its two logs, as zod schemas: the writer's types come from them, and a reader
 * validates what it reads back against them (validRecords), since a log line may have been damaged or
 * written by an older version.
 */

// Where a question was asked: only chats the bot answers in write records (inline queries are not logged).
const chatType = z.enum(["private", "group", "supergroup"]);

/** A question the bot could not answer. No user ids or names: group chats keep only the question text. */
export const unansweredRecordSchema = z.object({
  at: z.iso.datetime(),
  question: z.string(),
  language: z.enum(LANGUAGES),
  chatType,
  nearest: z.array(z.object({ factId: z.string(), score: z.number() })),
});
export type UnansweredRecord = z.infer<typeof unansweredRecordSchema>;

export const feedbackRecordSchema = z.object({
  at: z.iso.datetime(),
  factId: z.string(),
  vote: z.enum(["up", "down"]),
  language: z.enum(LANGUAGES),
  chatType,
  /** The question that led to the answer, when known. */
  question: z.string().optional(),
  /** Salted hash of the voter, so one person's repeated votes can be told apart; never the id itself. */
  voter: z.string().optional(),
});
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;

export type ChatType = z.infer<typeof chatType>;
