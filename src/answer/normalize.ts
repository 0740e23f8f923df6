import { stemmer as stemEn } from "@orama/stemmers/english";
import { stemmer as stemRu } from "@orama/stemmers/russian";
import { stemmer as stemUk } from "@orama/stemmers/ukrainian";
import { LANGUAGES, type Lang } from "../knowledge/types.js";
import { formalize } from "./informal.js";
import { type CompiledLexicon, compileLexicon } from "./lexicon.js";
import { STOP_WORDS } from "./stop-words.js";

/**
 * The Ukrainian stemmer leaves a final vowel on some forms and not on others of one word ("лінія" → "лін",
 * "лінії" → "ліні", "статтею" → "статте"): dropping what vowels end a stem of four letters or more makes
 * them one.
 */
function stemUkrainian(word: string): string {
  // The future of «повертати» is «повертатиму», «повертатимуть»: the infinitive and an ending the stemmer
  // does not know. Cut back to the infinitive, which it does.
  const stem = stemUk(word.replace(/(?<=\p{L}{3}ти)(?:муть|мемо|мете|меш|му|ме)$/u, ""));
  return stem.length >= 4 ? stem.replace(/(?<=\p{L}{3})[аеєиіїоуюяь]+$/u, "") : stem;
}

const STEMMERS: Record<Lang, (word: string) => string> = { en: stemEn, ru: stemRu, uk: stemUkrainian };

/**
 * A number written in groups of three with one separator throughout ("26,000", "26 000", "1.000.000"),
 * starting with one to three digits that are not glued to a letter, a digit or a dash: "in 2022 500
 * soldiers" and "Mi-8 400" are two numbers each.
 */
const GROUPED_NUMBER =
  /(?<![\p{L}\p{N}\-.,])\d{1,3}([ ,.'\u00A0\u202F])\d{3}(?:\1\d{3})*(?![\p{N}]|[,.]\d)/gu;

/** The months' stems in Russian and Ukrainian, and their names in English. */
const RU_UK_MONTHS =
  "январ|феврал|март|апрел|ма[яе]|июн|июл|август|сентябр|октябр|ноябр|декабр|січн|лют|берез|квітн|травн|червн|липн|серпн|вересн|жовтн|листопад|грудн";
const EN_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";

/**
 * Two digits with a Russian or Ukrainian ordinal ending, or after an apostrophe: a year of this century.
 * Not before a month or «числа»: «22-го февраля» is a day.
 */
const SHORT_YEAR = new RegExp(
  `(?<![\\p{L}\\p{N}'])(?:'(\\d\\d)|(?<=^|\\s)(\\d\\d)-?(?:го|й|м|ом|ому))(?![\\p{L}\\p{N}])(?! ?(?:${RU_UK_MONTHS}|числ))`,
  "gu",
);
/**
 * "At the start of 2024", "early January", «в начале 2024», «на початку січня»: the part of a year or month
 * narrows the date, and its words ("start", «начал») are the hotline's launch words, which a fact about
 * January 2024 lacks. Only before a year or a month: "at the start" alone is the launch.
 */
const PERIOD_PART = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:at|in|by|from) the (?:very )?(?:start|beginning|end|middle) of|early|late|mid-?|(?:в|во|к|с|до) (?:самом |самого )?(?:начал[еуао]?|конц[еуа]|середин[еуы])|на (?:самому )?початку|наприкінці|(?:в|у|з|до) (?:кінці|кінця|середині|початку))(?= ?(?:\\d{4}|${EN_MONTHS}|${RU_UK_MONTHS}))`,
  "gu",
);
/** A number of one to three digits with k or к glued on: "10k", «26к» (with a space, «к» is "to"). */
const THOUSANDS = /(?<![\p{L}\p{N}.,])(\d{1,3})[kк](?![\p{L}\p{N}])/gu;

/** Case, Unicode forms, ё, apostrophes, dashes and digit grouping made uniform before splitting into words. */
export function normalizeText(text: string): string {
  // The acute accent (´) before NFKC, which would make it a space and a combining mark.
  let t = formalize(
    text
      .replace(/\u00B4/g, "'")
      .normalize("NFKC")
      .toLowerCase(),
  ).replace(/ё/g, "е");
  t = t.replace(/[\u2018\u2019\u02BC\u0060]/g, "'");
  t = t.replace(/(\p{L})'s\b/gu, "$1"); // English possessive: Kuzminov's → kuzminov
  t = t.replace(/(\p{L})'(\p{L})/gu, "$1$2"); // Ukrainian apostrophe inside a word: п'ять → пять
  t = t.replace(GROUPED_NUMBER, (number) => number.replace(/\D/g, ""));
  // Chat shorthand: «осенью 22го», «до грудня 23-го», "in '23" are years; "10k", «26к» are thousands.
  t = t.replace(SHORT_YEAR, (_, quoted?: string, ordinal?: string) => `20${quoted ?? ordinal}`);
  t = t.replace(THOUSANDS, (_, n: string) => `${Number(n) * 1000}`);
  t = t.replace(PERIOD_PART, " ");
  // "Mi-8", "МиГ-29" are one name.
  t = t.replace(/(\p{L})[-\u2010-\u2015](\d)/gu, "$1$2");
  t = t.replace(/%/g, " percent ");
  return t;
}

/** The language whose stemmer fits a word: Latin words are English whatever the question's language. */
function wordLanguage(word: string, lang: Lang): Lang {
  if (!/\p{Script=Cyrillic}/u.test(word)) return "en";
  return lang === "en" ? "ru" : lang;
}

/**
 * Stemming is the costliest step of indexing, and a knowledge base repeats its words a great deal, so each
 * normaliser keeps what it stemmed. Bounded: past the limit a word is stemmed afresh each time, which costs
 * time, never memory or correctness.
 */
const STEM_CACHE_LIMIT = 200_000;

function createStemmer(): (word: string, lang: Lang) => string {
  const caches: Record<Lang, Map<string, string>> = { en: new Map(), ru: new Map(), uk: new Map() };
  return (word, lang) => {
    if (/\d/.test(word) || word.length < 4) return word;
    const stemmerLang = wordLanguage(word, lang);
    const cache = caches[stemmerLang];
    let stemmed = cache.get(word);
    if (stemmed === undefined) {
      stemmed = STEMMERS[stemmerLang](word);
      if (cache.size < STEM_CACHE_LIMIT) cache.set(word, stemmed);
    }
    return stemmed;
  };
}

/** Asks for a count or an amount: such a question wants a fact that gives a figure. */
export const QUANTITY = "#quantity";
const QUANTITY_WORDS =
  /\b(?:how many|how much|number of|amount of)\b|(?<!\p{L})(?:сколько|скільки|количество|кількість)(?!\p{L})/u;

/** A content word as written (normalised) and the term it stands for (stemmed, synonyms folded). */
export interface Word {
  surface: string;
  term: string;
}

/** Reads text into words with one knowledge's lexicon; an engine and its index share one. */
export interface Normalizer {
  /** Text → content words: normalised, phrases joined, stop words dropped, stemmed, synonyms folded. */
  words(text: string, lang: Lang): Word[];
  /** The terms of `words`. */
  tokenize(text: string, lang: Lang): string[];
}

/** A normaliser for one lexicon (none: the languages' own rules only), with its own stem cache. */
export function createNormalizer(lexicon: CompiledLexicon = compileLexicon()): Normalizer {
  const stem = createStemmer();
  // Per language, stems of every synonym → stem of its group's first word.
  const synonyms: Record<Lang, Map<string, string>> = { en: new Map(), ru: new Map(), uk: new Map() };
  for (const lang of LANGUAGES) {
    for (const [head = "", ...rest] of lexicon.synonyms[lang]) {
      const target = stem(normalizeText(head), lang);
      for (const word of rest) synonyms[lang].set(stem(normalizeText(word), lang), target);
    }
  }
  // All three languages' lists: a short question is easily taken for the other language ("шо казав").
  const stopWords = new Set([...STOP_WORDS.en, ...STOP_WORDS.ru, ...STOP_WORDS.uk, ...lexicon.stopWords]);

  function words(text: string, lang: Lang): Word[] {
    let normal = normalizeText(text);
    for (const [pattern, replacement] of lexicon.phrases) normal = normal.replace(pattern, replacement);
    const out: Word[] = QUANTITY_WORDS.test(normal) ? [{ surface: QUANTITY, term: QUANTITY }] : [];
    for (const word of normal.match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (stopWords.has(word)) continue;
      if (word.length < 2 && !/\d/.test(word)) continue;
      const stemmed = stem(word, lang);
      out.push({ surface: word, term: synonyms[wordLanguage(word, lang)].get(stemmed) ?? stemmed });
    }
    return out;
  }

  return { words, tokenize: (text, lang) => words(text, lang).map((w) => w.term) };
}
