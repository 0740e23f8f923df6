import { type Fact, LANGUAGES, type Lang } from "../knowledge/types.js";
import { isSourceFact } from "./source-facts.js";

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

/** Counts written out: "three meals a day", "hundreds of offers", "dozens of soldiers". */
const COUNT_WORDS =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|dozens?|millions?)\b/i;
const MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December";
const DAY_OF_MONTH = new RegExp(
  `\\b(\\d{1,2})\\s+(?:${MONTH_NAMES})\\b|\\b(?:${MONTH_NAMES})\\s+(\\d{1,2})\\b`,
  "g",
);

/**
 * Whether the fact gives a figure: a number that is not a year or a day of the month, a percentage,
 * or an amount of money. Matched against "how many / сколько / скільки" in a question.
 */
export function givesFigure(fact: Fact): boolean {
  // A report's own fact gives its byline or date; a number in its headline is the headline's.
  if (isSourceFact(fact)) return false;
  const text = fact.answer.en;
  // "2,000 appeals" is a figure even though 2000 could be a year: years are not written with a comma.
  if (/\d\s*%|\$\s*\d|\d\s*(?:million|billion)|\d,\d{3}/.test(text)) return true;
  if (COUNT_WORDS.test(text)) return true;
  // A small number is a count unless it is a day of a month: "21 mobilized soldiers", not "4 January".
  const dates = new Set([...text.matchAll(DAY_OF_MONTH)].flatMap((m) => [m[1], m[2]]));
  // Not a number that is part of a name ("Mi-8", "Su-27") or a decimal ("1,5").
  return (text.match(/(?<![\p{L}\d-]|\d[.,])\d+(?![.,]\d)/gu) ?? []).some((n) => {
    const v = Number(n);
    if (v >= 1900 && v <= 2100) return false;
    return v > 31 || (v > 1 && !dates.has(n));
  });
}
