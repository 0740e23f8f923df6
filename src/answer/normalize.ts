import { stemmer as stemEn } from "@orama/stemmers/english";
import { stemmer as stemRu } from "@orama/stemmers/russian";
import { stemmer as stemUk } from "@orama/stemmers/ukrainian";
import type { Lang } from "../knowledge/types.js";
import { STOP_WORDS } from "./stop-words.js";
import { SYNONYMS } from "./synonyms.js";

const STEMMERS: Record<Lang, (word: string) => string> = { en: stemEn, ru: stemRu, uk: stemUk };

/** Case, Unicode forms, ё, apostrophes, dashes and digit grouping made uniform before splitting into words. */
export function normalizeText(text: string): string {
  let t = text.normalize("NFKC").toLowerCase().replace(/ё/g, "е");
  t = t.replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'");
  t = t.replace(/(\p{L})'s\b/gu, "$1"); // English possessive: Kuzminov's → kuzminov
  t = t.replace(/(\p{L})'(\p{L})/gu, "$1$2"); // Ukrainian apostrophe inside a word: п'ять → пять
  // "26,000", "26 000", "1.000.000" are one number; "Mi-8", "МиГ-29" are one name.
  for (let i = 0; i < 3; i++) t = t.replace(/(\d)[\s,.'\u00A0\u202F](?=\d{3}(?!\d))/g, "$1");
  t = t.replace(/(\p{L})[-\u2010-\u2015](\d)/gu, "$1$2");
  return t;
}

/** Stems a word with the stemmer of its script: Latin words are English whatever the question's language. */
function stem(word: string, lang: Lang): string {
  const cyrillic = /\p{Script=Cyrillic}/u.test(word);
  const stemmerLang: Lang = cyrillic ? (lang === "en" ? "ru" : lang) : "en";
  if (/\d/.test(word) || word.length < 4) return word;
  return STEMMERS[stemmerLang](word);
}

/** Text → content tokens: normalised, stop words dropped, stemmed, synonyms folded to one form. */
export function tokenize(text: string, lang: Lang): string[] {
  const stop = STOP_WORDS[lang];
  const tokens: string[] = [];
  for (const word of normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (stop.has(word) || STOP_WORDS.en.has(word)) continue;
    if (word.length < 2 && !/\d/.test(word)) continue;
    const stemmed = stem(word, lang);
    tokens.push(SYNONYMS.get(stemmed) ?? stemmed);
  }
  return tokens;
}
