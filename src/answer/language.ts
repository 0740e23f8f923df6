import { LANGUAGES, type Lang } from "../knowledge/types.js";

// Letters only one of the two Cyrillic languages uses, and frequent words that differ between them:
// a short Cyrillic question often has no telling letter ("Как попасть на сайт?") but has such a word or ending.
const UK_LETTERS = /[іїєґ]/g;
const RU_LETTERS = /[ыэъё]/g;
const UK_WORDS = new Set(
  "як що чи скільки де коли хто який яка яке які чому навіщо нащо чого це та або із зі від після ще вже тільки також теж тепер зараз дуже нема немає його їх їм мені можна треба був була було були є дякую будь ласка бувай справи добре гаразд".split(
    " ",
  ),
);
const RU_WORDS = new Set(
  "как что ли сколько где когда кто какой какая какое какие почему зачем чего это или из от после еще уже только также тоже теперь сейчас очень нет его их им мне можно надо нужно был была было были есть спасибо привет пожалуйста пока дела хорошо ладно".split(
    " ",
  ),
);

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
  if (latin > cyrillic) return "en";
  let uk = 2 * (lower.match(UK_LETTERS)?.length ?? 0);
  let ru = 2 * (lower.match(RU_LETTERS)?.length ?? 0);
  for (const word of lower.match(/\p{L}+/gu) ?? []) {
    if (UK_WORDS.has(word) || topicWords?.uk.has(word)) uk++;
    if (RU_WORDS.has(word) || topicWords?.ru.has(word)) ru++;
    // A verb's "they" form: Ukrainian «юзають», «дають»; Russian writes «юзают», «дают».
    if (word.endsWith("ють")) uk++;
  }
  // Stryker disable next-line EqualityOperator: equivalent, uk and ru differ here
  if (uk !== ru) return uk > ru ? "uk" : "ru";
  return fallbackLang === "uk" ? "uk" : "ru";
}
