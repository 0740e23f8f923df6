/**
 * The question each recent answer answered, by chat and message id, so a 👎 pressed under an answer in a
 * private chat can be stored with its question (a group answer quotes the question; a private one does not).
 * Kept in memory only and bounded: the oldest entries go first, and nothing here outlives the process.
 */
export class RecentQuestions {
  private readonly byMessage = new Map<string, string>();

  constructor(private readonly capacity = 10_000) {}

  remember(chatId: number, messageId: number, question: string): void {
    const key = `${chatId}:${messageId}`;
    this.byMessage.delete(key);
    this.byMessage.set(key, question);
    while (this.byMessage.size > this.capacity) {
      const oldest = this.byMessage.keys().next().value;
      if (oldest === undefined) break;
      this.byMessage.delete(oldest);
    }
  }

  get(chatId: number, messageId: number): string | undefined {
    return this.byMessage.get(`${chatId}:${messageId}`);
  }
}
