import { type Fact, LANGUAGES, type Lang, type Source } from "./types.js";

/**
 * Checks of what an answer says against what its source says: an answer is read in many phrasings, so it
 * states the fact rather than "Yes:"; its figures are the source's; the years and months it names are the
 * claim's (as_of), the article's date, or the source's own.
 */
export interface AnswerProblem {
  lang: Lang;
  rule: "yes-no-answer" | "figure-not-in-source" | "figures-differ" | "date-not-in-source";
  message: string;
  hint: string;
}

const YES_NO = /^(?:yes|no|yeah|nope|да|нет|так|ні|ні,|угу|ага)(?![\p{L}\p{N}])/iu;

// Scale words after a number: "14 million", "26 тыс.", "14 млн".
const SCALES: [RegExp, number][] = [
  [/^(?:billion|млрд|миллиард\p{L}*|мільярд\p{L}*)/u, 1e9],
  [/^(?:million|млн|миллион\p{L}*|мільйон\p{L}*)/u, 1e6],
  [/^(?:thousand|тыс\p{L}*|тис\p{L}*)/u, 1e3],
];

const MONTHS: Record<Lang, RegExp[]> = {
  en: "jan feb mar apr may jun jul aug sep oct nov dec".split(" ").map((m) => new RegExp(`^${m}`)),
  ru: "январ феврал март апрел ма[йяе] июн июл август сентябр октябр ноябр декабр"
    .split(" ")
    .map((m) => new RegExp(`^${m}`)),
  uk: "січ лют берез квіт трав черв лип серп верес жовт листопад груд"
    .split(" ")
    .map((m) => new RegExp(`^${m}`)),
};

function monthOf(word: string, lang: Lang): number | undefined {
  const i = MONTHS[lang].findIndex((m) => m.test(word));
  return i >= 0 ? i + 1 : undefined;
}

// Spelled-out numbers as the sources write them ("two million dollars").
const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  "one two three four five six seven eight nine ten eleven twelve"
    .split(" ")
    .map((w, i) => [w, i + 1] as [string, number])
    .concat([
      ["twenty", 20],
      ["thirty", 30],
      ["forty", 40],
      ["fifty", 50],
      ["hundred", 100],
    ]),
);

/**
 * Tokens: words and numbers; digit groups joined ("26,000", "26 000" → 26000), a decimal comma read as a
 * point ("18,48 млн"), a spelled-out number before a scale word as its digits ("two million").
 */
function tokens(text: string): string[] {
  const joined = text
    .toLowerCase()
    .replace(/(\d),(\d{1,2})(?!\d)/g, "$1.$2")
    .replace(
      /(?<![\d.,])(\d{1,3})((?:[ ,\u00A0\u202F]\d{3})+)(?![\d])/g,
      (_m, head: string, rest: string) => head + rest.replace(/\D/g, ""),
    );
  const out = joined.match(/[\p{L}]+|\d+(?:\.\d+)?/gu) ?? [];
  return out.map((t, i) =>
    NUMBER_WORDS[t] !== undefined && SCALES.some(([scale]) => scale.test(out[i + 1] ?? ""))
      ? String(NUMBER_WORDS[t])
      : t,
  );
}

export interface Reading {
  /** Figures as values: "14 million" → 14000000, "84%" → 84. Years and days of a date are not figures. */
  figures: Set<number>;
  years: Set<number>;
  /** Numbers that are part of a name or a unit ("Mi-8", "24-hour"). */
  named: Set<number>;
  /** "YYYY-MM" of every month named in a date with its year, "-MM" in a date without one ("4 January"). */
  months: Set<string>;
}

/**
 * What a text says in figures and dates. `lenient` (for a source): every month it names counts, also outside
 * a date ("last September", since an answer may date what the article says relatively), and every number.
 */
export function read(text: string, lang: Lang, lenient = false): Reading {
  const t = tokens(text);
  const figures = new Set<number>();
  const years = new Set<number>();
  const months = new Set<string>();
  const named = new Set<number>();
  // Digits glued to letters name things (Mi-8, MiG-29, 24-hour, 16th, 16-й, 24/7): not figures in an answer.
  // A source is read leniently (`lenient`): its "24-hour" allows an answer's "24 hours".
  const glued = new Set(
    lenient
      ? []
      : (text.match(/\p{L}[-\u2010-\u2015]?\d+|\d+[-\u2010-\u2015]?\p{L}|\d+\/\d+/gu) ?? []).flatMap(
          (m) => m.match(/\d+/g) ?? [],
        ),
  );
  for (let i = 0; i < t.length; i++) {
    const word = t[i] as string;
    if (!/^\d/.test(word)) {
      const month = monthOf(word, lang);
      if (month === undefined) continue;
      const isYear = (x: string | undefined) => /^(?:19|20)\d\d$/.test(x ?? "");
      const isDay = (x: string | undefined) => /^\d{1,2}$/.test(x ?? "") && Number(x) <= 31;
      // A month in a date only: "may" and "март" are words too.
      const year = isYear(t[i + 1]) ? t[i + 1] : isDay(t[i + 1]) && isYear(t[i + 2]) ? t[i + 2] : undefined;
      if (year) months.add(`${year}-${String(month).padStart(2, "0")}`);
      else if (lenient || isDay(t[i - 1]) || isDay(t[i + 1]))
        months.add(`-${String(month).padStart(2, "0")}`);
      continue;
    }
    const value = Number(word);
    const nextMonth = monthOf(t[i + 1] ?? "", lang);
    const prevMonth = monthOf(t[i - 1] ?? "", lang);
    if (value >= 1900 && value <= 2100 && Number.isInteger(value)) {
      years.add(value);
      continue;
    }
    if (value <= 31 && (nextMonth !== undefined || prevMonth !== undefined)) continue; // a day of a date
    if (glued.has(word)) {
      named.add(value);
      continue;
    }
    const scale = SCALES.find(([pattern]) => pattern.test(t[i + 1] ?? ""))?.[1] ?? 1;
    figures.add(Math.round(value * scale));
  }
  return { figures, named, years, months };
}

/** `sourceReading` is read(source.text, "en", true), once per source. */
export function checkAnswers(fact: Fact, source: Source, sourceReading: Reading): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const quote = read(fact.quote, "en", true);
  const [asOfYear = "", asOfMonth = ""] = fact.asOf.split("-");
  const [pubYear = "", pubMonth = ""] = source.published.split("-");
  const readings = new Map(LANGUAGES.map((lang) => [lang, read(fact.answer[lang], lang)]));
  // "24-hour" in one language may be "24 часа" in another: a number named so in any language is not compared.
  const named = new Set([...readings.values()].flatMap((r) => [...r.named]));
  const figuresBy = new Map<Lang, number[]>();
  for (const lang of LANGUAGES) {
    const answer = fact.answer[lang];
    if (YES_NO.test(answer.trim())) {
      problems.push({
        lang,
        rule: "yes-no-answer",
        message: `the ${lang} answer begins with a yes/no word`,
        hint: "state the fact itself: one answer serves questions phrased either way",
      });
    }
    const said = readings.get(lang) as Reading;
    const figures = [...said.figures].sort((a, b) => a - b);
    figuresBy.set(
      lang,
      figures.filter((f) => !named.has(f)),
    );
    for (const figure of figures) {
      if (!sourceReading.figures.has(figure) && !quote.figures.has(figure)) {
        problems.push({
          lang,
          rule: "figure-not-in-source",
          message: `the ${lang} answer gives ${figure.toLocaleString("en")}, which neither the quote nor the source gives`,
          hint: "use the source's figure, or quote the sentence that gives this one",
        });
      }
    }
    const knownYears = new Set([Number(asOfYear), Number(pubYear), ...sourceReading.years, ...quote.years]);
    for (const year of said.years) {
      if (!knownYears.has(year)) {
        problems.push({
          lang,
          rule: "date-not-in-source",
          message: `the ${lang} answer names the year ${year}, which is not the fact's as_of, the article's date or in the source`,
          hint: "correct the year or as_of",
        });
      }
    }
    const sourceMonths = new Set([...sourceReading.months, ...quote.months].map((m) => m.slice(-2)));
    for (const ym of said.months) {
      const month = ym.slice(-2);
      const matchesAsOf = asOfMonth === month && (ym.startsWith("-") || ym.startsWith(asOfYear));
      const matchesPublished = pubMonth === month && (ym.startsWith("-") || ym.startsWith(pubYear));
      if (!matchesAsOf && !matchesPublished && !sourceMonths.has(month)) {
        problems.push({
          lang,
          rule: "date-not-in-source",
          message: `the ${lang} answer names the month ${ym.replace(/^-/, "")}, which is not the fact's as_of, the article's date or in the source`,
          hint: "correct the month or as_of",
        });
      }
    }
  }
  const en = (figuresBy.get("en") ?? []).join(",");
  for (const lang of ["ru", "uk"] as const) {
    if ((figuresBy.get(lang) ?? []).join(",") !== en) {
      problems.push({
        lang,
        rule: "figures-differ",
        message: `the ${lang} answer gives the figures [${figuresBy.get(lang)?.join(", ")}], the en answer [${en.replace(/,/g, ", ")}]`,
        hint: "every language states the same figures",
      });
    }
  }
  return problems;
}
