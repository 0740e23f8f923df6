import { compilePattern } from "../knowledge/lexicon.js";
import { LANGUAGES, type Lang, type Lexicon } from "../knowledge/types.js";
import { PERSON_ASKER } from "./question-type.js";

/** A knowledge's lexicon (knowledge/lexicon.yaml) ready to run: patterns compiled, word lists as sets. */
export interface CompiledLexicon {
  synonyms: Record<Lang, readonly string[][]>;
  /** Every language's phrases, en then ru then uk, each in file order: all apply to every question. */
  phrases: readonly [RegExp, string][];
  outOfScope: readonly { pattern: RegExp; reason: string }[];
  /** Every language's: a short question is easily taken for another language, so all apply to all. */
  stopWords: ReadonlySet<string>;
  organisationWords: ReadonlySet<string>;
  /** "which pilot", «какой лётчик»: asks for a person's name (question-type.ts), from every language's person words. */
  asksPerson?: RegExp;
  languageWords: Record<"ru" | "uk", ReadonlySet<string>>;
}

/** Without a lexicon, nothing of the kind: words are matched as they are. */
export function compileLexicon(lexicon?: Lexicon): CompiledLexicon {
  const all = <T>(pick: (lang: Lang) => readonly T[]) => LANGUAGES.flatMap((lang) => [...pick(lang)]);
  const of = (lang: Lang) => lexicon?.[lang];
  return {
    synonyms: { en: of("en")?.synonyms ?? [], ru: of("ru")?.synonyms ?? [], uk: of("uk")?.synonyms ?? [] },
    // Padded with spaces: the phrase becomes a word of its own even when glued to punctuation.
    phrases: all((lang) => of(lang)?.phrases ?? []).map((p) => [
      compilePattern(p.pattern, true),
      ` ${p.replacement} `,
    ]),
    outOfScope: all((lang) => of(lang)?.outOfScope ?? []).map((o) => ({
      pattern: compilePattern(o.pattern),
      reason: o.reason,
    })),
    stopWords: new Set(all((lang) => of(lang)?.stopWords ?? [])),
    organisationWords: new Set(all((lang) => of(lang)?.organisationWords ?? [])),
    ...personQuestion(all((lang) => of(lang)?.personWords ?? [])),
    languageWords: { ru: new Set(of("ru")?.languageWords), uk: new Set(of("uk")?.languageWords) },
  };
}

/** "which X" or «какой X…», «який X…» for the lexicon's person words X (a Cyrillic word inflects). */
function personQuestion(words: readonly string[]): { asksPerson?: RegExp } {
  if (words.length === 0) return {};
  const forms = words.map((w) => (/\p{Script=Cyrillic}/u.test(w) ? `${w}\\p{L}*` : w)).join("|");
  return { asksPerson: new RegExp(`${PERSON_ASKER}(?:${forms})(?!\\p{L})`, "u") };
}

/** Why a (normalised) question is outside what the reports cover, or undefined when it is not. */
export function outOfScope(text: string, lexicon: CompiledLexicon): string | undefined {
  return lexicon.outOfScope.find((rule) => rule.pattern.test(text))?.reason;
}
