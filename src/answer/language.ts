import { LANGUAGES, type Lang } from "../knowledge/types.js";

// Letters only one of the two Cyrillic languages uses, and frequent words that differ between them:
// a short Cyrillic question often has no telling letter ("Как попасть на сайт?") but has such a word or ending.
const UK_LETTERS = /[іїєґ]/g;
const RU_LETTERS = /[ыэъё]/g;
// Chat Ukrainian too: «шо», «шось», «шоб» are how it is typed, and Russian writes «что», «чтобы».
const UK_WORDS = new Set(
  "як що чи скільки де коли хто який яка яке які якого якому якій яку яким якими якийсь чому навіщо нащо чого це цей ця цю цього цим цими тих та або з із зі від після ще вже тільки також теж тепер зараз дуже нема немає його їх їм йому мені тобі можна треба був була було були є ти ви вони вона воно але бо аби щоб шо шось шоб нашо казав казала казали розкажи розкажіть порадь порадьте котра котрий добрий тиждень дякую дякс будь ласка бувай справи добре гаразд".split(
    " ",
  ),
);
const RU_WORDS = new Set(
  "как что ли сколько где когда кто какой какая какое какие почему зачем чего это или из от после еще уже только также тоже теперь сейчас очень нет его их им мне можно надо нужно был была было были есть че чё спасибо привет пожалуйста пока дела хорошо ладно".split(
    " ",
  ),
);
// Past-tense endings where the languages part: Ukrainian «казав», «здався», «здалася»; Russian «сказал»,
// «сдался». With «-ють», the Ukrainian "they" form («юзають»; Russian «юзают»).
const UK_ENDING = /\p{L}{2}(?:ав|ив|вся|лася|лися|тися|ють)$/u;
const RU_ENDING = /\p{L}{2}(?:ил|лся)$/u;

export function isLang(value: string | undefined): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value ?? "");
}

/**
 * One of our languages for a Telegram language_code ("ru-RU", "be"): the interface language, and the
 * question's language when the question itself cannot tell (emoji only). Belarusian readers get Russian,
 * every other language English.
 */
export function languageOfCode(code: string | undefined): Lang {
  const base = (code ?? "").toLowerCase().split(/[-_]/)[0];
  if (base === "uk") return "uk";
  if (base === "ru" || base === "be") return "ru";
  return "en";
}

/**
 * The question's language from its script, then the letters and frequent words that tell Ukrainian
 * from Russian (the languages' own, and `topicWords`, a lexicon's). Text with no letters (emoji, digits)
 * gets the fallback: a Telegram language_code, read as languageOfCode reads it.
 */
export function detectLanguage(
  text: string,
  fallback?: string,
  topicWords?: Record<"ru" | "uk", ReadonlySet<string>>,
): Lang {
  // As the interface language is picked, so a Belarusian reader's emoji gets a Russian answer, not an English one.
  const fallbackLang = languageOfCode(fallback);
  // A quoted title or name is in its own language, not the question's: «Russians are deserting …».
  const unquoted = text.replace(/«[^»]*»|“[^”]*”|„[^“”]*[“”]|"[^"]*"/g, " ");
  const lower = (/\p{L}/u.test(unquoted) ? unquoted : text).toLowerCase();
  const cyrillic = lower.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = lower.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (cyrillic === 0 && latin === 0) return fallbackLang;
  // By words, not letters, once two are Cyrillic: "хто автор статті kyiv independent" names an outlet in
  // English but asks in Ukrainian.
  const words = lower.match(/\p{L}+/gu) ?? [];
  const cyrillicWords = words.filter((w) => /\p{Script=Cyrillic}/u.test(w)).length;
  const asked = cyrillicWords >= 2 ? cyrillicWords >= words.length - cyrillicWords : cyrillic >= latin;
  if (!asked) return "en";
  let uk = 2 * (lower.match(UK_LETTERS)?.length ?? 0);
  let ru = 2 * (lower.match(RU_LETTERS)?.length ?? 0);
  for (const word of words) {
    // A lexicon's word is a surer sign than an ending: «гвинтокрил» ends as Russian verbs do.
    if (topicWords?.uk.has(word)) uk += 2;
    else if (UK_WORDS.has(word) || UK_ENDING.test(word)) uk++;
    if (topicWords?.ru.has(word)) ru += 2;
    else if (RU_WORDS.has(word) || RU_ENDING.test(word)) ru++;
  }
  // Stryker disable next-line EqualityOperator: equivalent, uk and ru differ here
  if (uk !== ru) return uk > ru ? "uk" : "ru";
  return fallbackLang === "uk" ? "uk" : "ru";
}
