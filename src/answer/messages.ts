import type { Lang } from "../knowledge/types.js";

/** Every fixed phrase a reader sees around an answer, in the three languages. */
export const MESSAGES: Record<
  Lang,
  {
    noAnswer: string;
    didYouMean: string;
    source: string;
    differs: string;
    dateUnverified: string;
    locale: string;
  }
> = {
  en: {
    noAnswer: "I have no sourced answer to that: the reports I know do not cover it.",
    didYouMean: "Did you mean:",
    source: "Source",
    differs: "Another report differs",
    dateUnverified: "date unverified",
    locale: "en-GB",
  },
  ru: {
    noAnswer: "У меня нет ответа на это из источников: известные мне материалы этого не освещают.",
    didYouMean: "Возможно, вы имели в виду:",
    source: "Источник",
    differs: "Другой источник расходится",
    dateUnverified: "дата не подтверждена",
    locale: "ru-RU",
  },
  uk: {
    noAnswer: "У мене немає відповіді на це з джерел: відомі мені матеріали цього не висвітлюють.",
    didYouMean: "Можливо, ви мали на увазі:",
    source: "Джерело",
    differs: "Інше джерело розходиться",
    dateUnverified: "дату не підтверджено",
    locale: "uk-UA",
  },
};

/** "4 January 2024" / "4 января 2024 г." / "4 січня 2024 р.": dates as each language writes them. */
export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(MESSAGES[lang].locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}
