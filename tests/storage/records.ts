import type { UnansweredRecord } from "../../src/storage/log-records.js";

/** An unanswered question from a private chat, with no nearest facts: what the storage tests write and read. */
export const record = (at: string, question: string): UnansweredRecord => ({
  at,
  question,
  language: "en",
  chatType: "private",
  nearest: [],
});
