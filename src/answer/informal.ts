import type { Lang } from "../knowledge/types.js";

/**
 * How people type in a chat, folded to the written form before matching. This is about the languages, not
 * about any one set of reports: abbreviations, slang spellings of question words, and the common Ukrainian
 * spelling «проект» for «проєкт». Each entry is a whole word; the value is what it stands for.
 */
const INFORMAL: Record<string, string> = {
  // English chat spellings
  pls: "please",
  plz: "please",
  thx: "thanks",
  ty: "thanks",
  u: "you",
  ur: "your",
  r: "are",
  y: "why",
  wat: "what",
  wut: "what",
  wht: "what",
  whats: "what is",
  whos: "who is",
  wich: "which",
  whic: "which",
  wher: "where",
  thru: "through",
  rn: "right now",
  mil: "million",
  mln: "million",
  hw: "how",
  abt: "about",
  bc: "because",
  cuz: "because",
  tho: "though",
  smth: "something",
  sth: "something",
  ppl: "people",
  gonna: "going to",
  wanna: "want to",
  gotta: "got to",
  dunno: "do not know",
  every1: "everyone",
  some1: "someone",
  any1: "anyone",
  "2day": "today",
  govt: "government",
  gov: "government",
  // Russian
  скока: "сколько",
  скоко: "сколько",
  сколко: "сколько",
  скок: "сколько",
  щас: "сейчас",
  ща: "сейчас",
  шо: "что",
  чё: "что",
  чо: "что",
  че: "что",
  што: "что",
  штоль: "что ли",
  када: "когда",
  кагда: "когда",
  ваще: "вообще",
  кароче: "короче",
  тыщ: "тысяч",
  тыщи: "тысячи",
  тыща: "тысяча",
  тыс: "тысяч",
  млн: "миллионов",
  рф: "россия",
  // Ukrainian (and surzhyk)
  скіки: "скільки",
  // "skilky" typed in Latin letters, read back without its soft sign.
  скілки: "скільки",
  скілкі: "скільки",
  скільки: "скільки",
  скики: "скільки",
  скілько: "скільки",
  скіко: "скільки",
  скико: "скільки",
  шось: "щось",
  шоб: "щоб",
  тищ: "тисяч",
  тисч: "тисяч",
  проект: "проєкт",
  проекту: "проєкту",
  проекті: "проєкті",
  проектом: "проєктом",
};

/** Unicode characters that are invisible in a message but split or glue words. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

// Letters that look alike in the two scripts: a word typed with one foreign letter is read in its own script.
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: "а",
  b: "в",
  c: "с",
  e: "е",
  h: "н",
  i: "і",
  k: "к",
  m: "м",
  o: "о",
  p: "р",
  t: "т",
  x: "х",
  y: "у",
};
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: "a",
  в: "b",
  с: "c",
  е: "e",
  н: "h",
  і: "i",
  к: "k",
  м: "m",
  о: "o",
  р: "p",
  т: "t",
  х: "x",
  у: "y",
};

const MIXED = /[a-z].*[а-яіїєґё]|[а-яіїєґё].*[a-z]/;

/** A word mixing Latin and Cyrillic look-alike letters is rewritten in the script most of its letters use. */
function fixMixedScript(word: string): string {
  // Stryker disable next-line ConditionalExpression: equivalent, a word in one script is returned by the count below too
  if (!MIXED.test(word)) return word;
  // Stryker disable next-line OptionalChaining: equivalent, MIXED has found letters of both scripts, so there is a match
  const cyrillic = word.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  // Stryker disable next-line OptionalChaining: equivalent, MIXED has found letters of both scripts, so there is a match
  const latin = word.match(/\p{Script=Latin}/gu)?.length ?? 0;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, MIXED has found letters of both scripts (a guard)
  if (cyrillic === 0 || latin === 0) return word;
  const map = cyrillic >= latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  const fixed = [...word].map((ch) => map[ch] ?? ch).join("");
  // Only when every letter then is of one script: "vpn-через" stays as typed.
  const stillMixed = /\p{Script=Cyrillic}/u.test(fixed) && /\p{Script=Latin}/u.test(fixed);
  return stillMixed ? word : fixed;
}

/**
 * Lower-cased text with invisible characters removed, look-alike letters fixed and chat spellings
 * expanded, word by word. `lang` is unused today; the table is small enough to apply to every language.
 */
export function formalize(text: string, _lang?: Lang): string {
  return text.replace(INVISIBLE, "").replace(/[\p{L}\p{N}]+/gu, (word) => {
    const fixed = fixMixedScript(word);
    return INFORMAL[fixed] ?? fixed;
  });
}
