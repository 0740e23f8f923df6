import type { Lang } from "../knowledge/types.js";
import { texts } from "./texts.js";

/**
 * "4 January 2024" / "4 января 2024 г." / "4 січня 2024 р.": dates as each language writes them, on every
 * surface. A date known only to the month or the year (a source's published_note says why) as only that:
 * "October 2022", "2026".
 */
export function formatDate(iso: string, lang: Lang): string {
  if (/^\d{4}$/.test(iso)) return iso;
  const monthOnly = /^\d{4}-\d{2}$/.test(iso);
  const date = new Date(`${monthOnly ? `${iso}-01` : iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(texts(lang).locale, {
    ...(monthOnly ? {} : { day: "numeric" }),
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}
