import { startBotProcess } from "../testing/bot-process.js";
import { privateText, startFakeBotApi } from "../testing/fake-bot-api.js";

const QUESTIONS = [
  "Which agency launched the I Want to Live hotline?",
  "Сколько солдат сдалось через «Хочу жить»?",
  "Скільки отримав Кузьмінов?",
  "Is the hotline open around the clock?",
  "What is the weather tomorrow?",
];

/**
 * Answered updates per second, end to end: the bot as deployed (`npm start`, long polling) against the
 * loopback fake Bot API the tests use too, `updates` questions from `users` people pushed at once.
 */
export async function measureThroughput({
  updates,
  users,
}: {
  updates: number;
  users: number;
}): Promise<number> {
  const api = await startFakeBotApi();
  const bot = startBotProcess({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    LOG_LEVEL: "warn",
  });
  try {
    await api.waitForPoll({ timeoutMs: 30_000, what: "the bot's first long poll" });
    const batch = Array.from({ length: updates }, (_, i) =>
      privateText(1000 + (i % users), QUESTIONS[i % QUESTIONS.length] as string),
    );
    const t0 = performance.now();
    api.pushUpdates(batch);
    await api.waitForSent(updates, { timeoutMs: 120_000, what: `${updates} answers` });
    return updates / ((performance.now() - t0) / 1000);
  } finally {
    await bot.dispose();
    await api.close();
  }
}
