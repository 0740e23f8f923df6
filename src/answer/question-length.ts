/**
 * The longest question answered, in Telegram and in the console chat alike. Longer text is not a question but
 * a pasted article; matching it would only waste time and produce a confident-looking wrong answer. Telegram's
 * own message limit (4096) is far above this.
 */
export const MAX_QUESTION_LENGTH = 1000;
