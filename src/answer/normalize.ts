import { stemmer as stemEn } from "@orama/stemmers/english";
import { stemmer as stemRu } from "@orama/stemmers/russian";
import { stemmer as stemUk } from "@orama/stemmers/ukrainian";
import type { Lang } from "../knowledge/types.js";
import { formalize } from "./informal.js";
import { STOP_WORDS } from "./stop-words.js";
import { SYNONYM_GROUPS } from "./synonyms.js";

const STEMMERS: Record<Lang, (word: string) => string> = { en: stemEn, ru: stemRu, uk: stemUk };

/**
 * A number written in groups of three with one separator throughout ("26,000", "26 000", "1.000.000"),
 * starting with one to three digits that are not glued to a letter, a digit or a dash: "in 2022 500
 * soldiers" and "Mi-8 400" are two numbers each.
 */
const GROUPED_NUMBER =
  /(?<![\p{L}\p{N}\-.,])\d{1,3}([ ,.'\u00A0\u202F])\d{3}(?:\1\d{3})*(?![\p{N}]|[,.]\d)/gu;

/** Case, Unicode forms, ё, apostrophes, dashes and digit grouping made uniform before splitting into words. */
export function normalizeText(text: string): string {
  let t = formalize(text.normalize("NFKC").toLowerCase()).replace(/ё/g, "е");
  t = t.replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'");
  t = t.replace(/(\p{L})'s\b/gu, "$1"); // English possessive: Kuzminov's → kuzminov
  t = t.replace(/(\p{L})'(\p{L})/gu, "$1$2"); // Ukrainian apostrophe inside a word: п'ять → пять
  t = t.replace(GROUPED_NUMBER, (number) => number.replace(/\D/g, ""));
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

// Stemming is the costliest step of indexing, and a knowledge base repeats its words a great deal.
const STEM_CACHE = { en: new Map(), ru: new Map(), uk: new Map() } as Record<Lang, Map<string, string>>;
const STEM_CACHE_LIMIT = 200_000;

function stem(word: string, lang: Lang): string {
  if (/\d/.test(word) || word.length < 4) return word;
  const stemmerLang = wordLanguage(word, lang);
  const cache = STEM_CACHE[stemmerLang];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = STEMMERS[stemmerLang](word);
    if (cache.size < STEM_CACHE_LIMIT) cache.set(word, stemmed);
  }
  return stemmed;
}

// Per language, stems of every synonym → stem of its group's first word, built once at import.
const SYNONYMS = { en: new Map(), ru: new Map(), uk: new Map() } as Record<Lang, Map<string, string>>;
for (const lang of Object.keys(SYNONYM_GROUPS) as Lang[]) {
  for (const [head = "", ...rest] of SYNONYM_GROUPS[lang]) {
    const target = stem(normalizeText(head), lang);
    for (const word of rest) SYNONYMS[lang].set(stem(normalizeText(word), lang), target);
  }
}

/** Asks for a count or an amount: such a question wants a fact that gives a figure. */
export const QUANTITY = "#quantity";
const QUANTITY_WORDS =
  /\b(?:how many|how much|number of|amount of)\b|(?<!\p{L})(?:сколько|скільки|количество|кількість)(?!\p{L})/u;

// Multi-word ways of saying "surrender" that stop-word removal would otherwise reduce to nothing,
// and compounds whose words mean something else apart ("phone number" is not "phone" and "number").
const PHRASES: [RegExp, string][] = [
  // The project's name is one name, not the verb "live" people also use ("do they live in Ukraine?").
  [/\bi\s+want\s+to\s+live\b|(?<!\p{L})хочу\s+жит[ьи]?(?!\p{L})/gu, " iwanttolive "],
  [/\bphone\s+numbers?\b|(?<!\p{L})номер\p{L}*\s+телефон\p{L}*/gu, " phonenumber "],
  [/\bg(?:ive|ave|iving|ives|iven)\s+(?:(?:them|him|your|my|our|one)sel(?:f|ves)\s+)?up\b/g, " surrender "],
  [/\bhand(?:s|ed|ing)?\s+(?:(?:them|him|your|my|our|one)sel(?:f|ves)\s+)?over\b/g, " surrender "],
  [/\b(?:lay|lays|laying|laid)\s+down\s+(?:their\s+|his\s+)?(?:arms|weapons)\b/g, " surrender "],
  [/(?<!\p{L})(?:сложить|сложили|сложил|складывают)\s+оружие(?!\p{L})/gu, " сдаться "],
  [/(?<!\p{L})(?:скласти|склали|склав|складають)\s+зброю(?!\p{L})/gu, " здатися "],
];

/** A content word as written (normalised) and the term it stands for (stemmed, synonyms folded). */
export interface Word {
  surface: string;
  term: string;
}

/** Text → content words: normalised, stop words dropped, stemmed, synonyms folded to one form. */
export function words(text: string, lang: Lang): Word[] {
  let normal = normalizeText(text);
  for (const [pattern, replacement] of PHRASES) normal = normal.replace(pattern, replacement);
  const out: Word[] = QUANTITY_WORDS.test(normal) ? [{ surface: QUANTITY, term: QUANTITY }] : [];
  for (const word of normal.match(/[\p{L}\p{N}]+/gu) ?? []) {
    // Both Cyrillic lists apply: a short question is easily taken for the other language ("шо казав").
    if (STOP_WORDS.en.has(word) || STOP_WORDS.ru.has(word) || STOP_WORDS.uk.has(word)) continue;
    if (word.length < 2 && !/\d/.test(word)) continue;
    const stemmed = stem(word, lang);
    out.push({ surface: word, term: SYNONYMS[wordLanguage(word, lang)].get(stemmed) ?? stemmed });
  }
  return out;
}

export function tokenize(text: string, lang: Lang): string[] {
  return words(text, lang).map((w) => w.term);
}
