import type { Lang } from "../knowledge/types.js";

/**
 * Russian or Ukrainian typed in Latin letters ("skolko zvonkov bylo", "skilky dzvinkiv") read back into
 * Cyrillic. Chat transliteration is loose, so this is one plausible spelling per language, not a standard:
 * the engine uses it only when more of its words are known than of the text as typed.
 */
const DIGRAPHS: [string, string][] = [
  ["shch", "щ"],
  ["sch", "щ"],
  ["zh", "ж"],
  ["kh", "х"],
  ["ch", "ч"],
  ["sh", "ш"],
  ["ts", "ц"],
  ["yu", "ю"],
  ["ju", "ю"],
  ["ya", "я"],
  ["ja", "я"],
  ["yo", "е"],
  ["jo", "е"],
];
const LETTERS: Record<string, string> = {
  a: "а",
  b: "б",
  c: "ц",
  d: "д",
  e: "е",
  f: "ф",
  g: "г",
  h: "х",
  j: "й",
  k: "к",
  l: "л",
  m: "м",
  n: "н",
  o: "о",
  p: "п",
  q: "к",
  r: "р",
  s: "с",
  t: "т",
  u: "у",
  v: "в",
  w: "в",
  x: "кс",
  z: "з",
  "'": "ь",
};
// Where the two languages part: "y" is ы in Russian and и in Ukrainian, "i" is и and і, "ye"/"yi" are є/ї.
const BY_LANGUAGE: Record<"ru" | "uk", { digraphs: [string, string][]; y: string; i: string }> = {
  ru: { digraphs: [["ye", "е"]], y: "ы", i: "и" },
  uk: {
    digraphs: [
      ["ye", "є"],
      ["yi", "ї"],
      ["ie", "є"],
    ],
    y: "и",
    i: "і",
  },
};
const VOWELS = "aeiouy";

function word(latin: string, lang: "ru" | "uk"): string {
  const { digraphs, y, i: iLetter } = BY_LANGUAGE[lang];
  let out = "";
  for (let i = 0; i < latin.length; ) {
    const pair = [...digraphs, ...DIGRAPHS].find(([from]) => latin.startsWith(from, i));
    if (pair) {
      out += pair[1];
      i += pair[0].length;
      continue;
    }
    const ch = latin[i] as string;
    const after = latin[i + 1];
    // After a vowel and before a consonant or the end, "i"/"y" is й: "sait" сайт, "takoy" такой.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, at the first letter latin[-1] is undefined, never a vowel
    const glide = (ch === "i" || ch === "y") && i > 0 && "aeou".includes(latin[i - 1] as string);
    // Stryker disable next-line ConditionalExpression: equivalent, VOWELS.includes(undefined) is false too
    if (glide && (after === undefined || !VOWELS.includes(after))) out += "й";
    else if (ch === "y") out += y;
    else if (ch === "i") out += iLetter;
    else out += LETTERS[ch] ?? ch;
    i++;
  }
  return out;
}

/** The text with every all-Latin word transliterated for `lang`; other words are kept. */
export function latinToCyrillic(text: string, lang: Extract<Lang, "ru" | "uk">): string {
  return text.toLowerCase().replace(/[a-z']+/g, (w) => word(w, lang));
}
