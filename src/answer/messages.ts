import type { Lang } from "../knowledge/types.js";

/** Every fixed phrase a reader sees around an answer, in the three languages. */
export const MESSAGES: Record<
  Lang,
  {
    noAnswer: string;
    didYouMean: string;
    smallTalk: string;
    source: string;
    differs: string;
    timeline: string;
    dateUnverified: string;
    locale: string;
  }
> = {
  en: {
    noAnswer: "I have no sourced answer to that: the reports I know do not cover it.",
    didYouMean: "Did you mean:",
    smallTalk: "I answer questions from published reports, with the source of each answer. For example:",
    source: "Source",
    differs: "Another report differs",
    timeline: "The same figure at other dates",
    dateUnverified: "date unverified",
    locale: "en-GB",
  },
  ru: {
    noAnswer: "У меня нет ответа на это из источников: известные мне материалы этого не освещают.",
    didYouMean: "Возможно, вы имели в виду:",
    smallTalk:
      "Я отвечаю на вопросы по опубликованным материалам и указываю источник каждого ответа. Например:",
    source: "Источник",
    differs: "Другой источник расходится",
    timeline: "Эта же цифра на другие даты",
    dateUnverified: "дата не подтверждена",
    locale: "ru-RU",
  },
  uk: {
    noAnswer: "У мене немає відповіді на це з джерел: відомі мені матеріали цього не висвітлюють.",
    didYouMean: "Можливо, ви мали на увазі:",
    smallTalk:
      "Я відповідаю на запитання за опублікованими матеріалами і вказую джерело кожної відповіді. Наприклад:",
    source: "Джерело",
    differs: "Інше джерело розходиться",
    timeline: "Ця сама цифра на інші дати",
    dateUnverified: "дату не підтверджено",
    locale: "uk-UA",
  },
};

/**
 * "4 January 2024" / "4 января 2024 г." / "4 січня 2024 р.": dates as each language writes them; a date known
 * only to the month or the year (a source's published_note says why) as only that: "October 2022", "2026".
 */
export function formatDate(iso: string, lang: Lang): string {
  if (/^\d{4}$/.test(iso)) return iso;
  const monthOnly = /^\d{4}-\d{2}$/.test(iso);
  const date = new Date(`${monthOnly ? `${iso}-01` : iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(MESSAGES[lang].locale, {
    ...(monthOnly ? {} : { day: "numeric" }),
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}
