import { type Fact, LANGUAGES, type Lang } from "../knowledge/types.js";

const MONTHS: Record<Lang, string[]> = {
  en: "january february march april may june july august september october november december".split(" "),
  ru: "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split(" "),
  uk: "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень".split(
    " ",
  ),
};
const SEASONS: Record<Lang, string[]> = {
  en: ["winter", "spring", "summer", "autumn fall"],
  ru: ["зима зимой", "весна весной", "лето летом", "осень осенью"],
  uk: ["зима взимку", "весна навесні", "літо влітку", "осінь восени"],
};

/**
 * Words for when a fact's claim holds, from its as_of, in every language: "as of spring 2023" or
 * "в марте" then finds the figure for that time even when the fact's own wording names no month.
 */
export function dateWords(asOf: string): Record<Lang, string> {
  const [year, month] = asOf.split("-");
  const m = month ? Number(month) - 1 : -1;
  const out = {} as Record<Lang, string>;
  for (const lang of LANGUAGES) {
    const season = m >= 0 ? SEASONS[lang][Math.floor(((m + 1) % 12) / 3)] : "";
    out[lang] = [year, MONTHS[lang][m] ?? "", season].join(" ");
  }
  return out;
}

/**
 * Whether the fact gives a figure: a number that is not a year or a day of the month, a percentage,
 * or an amount of money. Matched against "how many / сколько / скільки" in a question.
 */
export function givesFigure(fact: Fact): boolean {
  const text = fact.answer.en;
  // "2,000 appeals" is a figure even though 2000 could be a year: years are not written with a comma.
  if (/\d\s*%|\$\s*\d|\d\s*(?:million|billion)|\d,\d{3}/.test(text)) return true;
  return (text.match(/\d+/g) ?? []).some((n) => {
    const v = Number(n);
    return v > 31 && !(v >= 1900 && v <= 2100);
  });
}
