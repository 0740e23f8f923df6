/**
 * The longest question answered, in Telegram, the console chat and the engine alike (the matcher reads this
 * much and no more). Longer text is not a question but a pasted article; matching it would only waste time and
 * produce a confident-looking wrong answer, so the surfaces refuse it with a message instead of cutting it.
 * Telegram's own message limit (4096) is far above this.
 */
export const MAX_QUESTION_LENGTH = 1000;
