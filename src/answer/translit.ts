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

// The reflexive ending "-tsya" is «-ться» or «-тся»: Russian writes «-тся» after the vowel of a verb's
// person ending («сдаются», «сдаётся»), «-ться» after an infinitive's «а» («сдаться»); Ukrainian «-ться».
const REFLEXIVE: Record<"ru" | "uk", [RegExp, string][]> = {
  ru: [
    [/(?<=u|e|i)ts[yi]a$/, "тся"],
    [/ts[yi]a$/, "ться"],
  ],
  uk: [[/ts[yi]a$/, "ться"]],
};

function word(typed: string, lang: "ru" | "uk"): string {
  const { digraphs, y, i: iLetter } = BY_LANGUAGE[lang];
  const latin = REFLEXIVE[lang].reduce((w, [ending, cyrillic]) => w.replace(ending, cyrillic), typed);
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

// Frequent words as each language is typed in Latin letters: they tell the two apart where the readings
// know as many words ("skilky dali za tank" is Ukrainian, "skolko dali za tank" Russian).
const LATIN_WORDS: Record<"ru" | "uk", ReadonlySet<string>> = {
  ru: new Set(
    "skolko chto shto chtoby kto kak kakoy kakoi kakaya kakie kakih kakom kogda gde eto est net uzhe tozhe seychas seichas sejchas spasibo privet pochemu zachem mozhno nado nuzhno byl bylo byla byli ili posle che chto-to kotoryj kotoryi".split(
      " ",
    ),
  ),
  uk: new Set(
    "skilky skilki shcho scho sho shchob shob khto hto yak yaka yake yaki yakyi yakyy yakoi yakoho yakomu koly chy de tse nema nemaye zaraz teper vin vona vony kazav bulo buv bula buly mozhna treba dyakuyu pryvit privit vzhe tezh abo vid pislya shchos shos".split(
      " ",
    ),
  ),
};

// English words that no transliteration makes ("do", "to", "a" and "i" are Ukrainian or Russian words too).
const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  "the an is are was were in on of for which what whats who how why when where did does and or with this that it its from by about".split(
    " ",
  ),
);

/**
 * Which language a Latin-typed text reads as by its frequent words, if they tell: "in which country was
 * Maksim Kuzminov killed" is English though a Russian reading knows as many of its words.
 */
export function latinLanguage(text: string): Lang | undefined {
  const words = text.toLowerCase().match(/[a-z'-]+/g) ?? [];
  const count = (set: ReadonlySet<string>) => words.filter((w) => set.has(w)).length;
  const counts: [Lang, number][] = [
    ["en", count(ENGLISH_WORDS)],
    ["ru", count(LATIN_WORDS.ru)],
    ["uk", count(LATIN_WORDS.uk)],
  ];
  const [first, second] = counts.sort((a, b) => b[1] - a[1]);
  return first && second && first[1] > second[1] ? first[0] : undefined;
}
