import type { LexiconFile } from "./schema.js";
import { LANGUAGES, type Lang, type Lexicon } from "./types.js";

/**
 * A lexicon pattern as the engine runs it: a JavaScript regular expression with the u flag (so \p{L} works),
 * matched against lower-cased, normalised text. The validator compiles it the same way.
 */
export function compilePattern(source: string, global = false): RegExp {
  return new RegExp(source, global ? "gu" : "u");
}

/** Reports one problem of knowledge/lexicon.yaml at a line of it. */
export type LexiconReport = (line: number, rule: string, message: string, hint: string) => void;

const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * The schema-valid file as the engine reads it, after the checks a schema cannot make: patterns that do not
 * compile or match empty text, synonym groups with nothing to fold, a word that is not one word, in the other
 * script, or in two groups. `lineAt` gives the line of a path in the file.
 */
export function checkLexicon(
  file: LexiconFile,
  lineAt: (path: PropertyKey[]) => number,
  report: LexiconReport,
): Lexicon {
  const lexicon = {} as Lexicon;
  for (const lang of LANGUAGES) {
    const entry = file[lang] ?? {};
    const patterns: [string, PropertyKey[]][] = [
      ...(entry.phrases ?? []).map((p, i): [string, PropertyKey[]] => [p.pattern, ["phrases", i]]),
      ...(entry.out_of_scope ?? []).map((p, i): [string, PropertyKey[]] => [p.pattern, ["out_of_scope", i]]),
    ];
    for (const [source, path] of patterns) checkPattern(source, [lang, ...path, "pattern"], lineAt, report);
    checkSynonyms(lang, entry.synonyms ?? [], lineAt, report);
    lexicon[lang] = {
      synonyms: entry.synonyms ?? [],
      phrases: entry.phrases ?? [],
      outOfScope: entry.out_of_scope ?? [],
      stopWords: entry.stop_words ?? [],
      personWords: entry.person_words ?? [],
      organisationWords: ("organisation_words" in entry && entry.organisation_words) || [],
      languageWords: ("language_words" in entry && entry.language_words) || [],
    };
  }
  return lexicon;
}

function checkPattern(
  source: string,
  path: PropertyKey[],
  lineAt: (path: PropertyKey[]) => number,
  report: LexiconReport,
): void {
  const where = path.join(".");
  let pattern: RegExp;
  try {
    pattern = compilePattern(source);
  } catch (error) {
    report(
      lineAt(path),
      "invalid-pattern",
      `${where} is not a regular expression: ${(error as Error).message}`,
      "write a JavaScript regular expression with the u flag, in single quotes; escape ( ) [ ] { } . * + ? | with \\ where you mean the character itself",
    );
    return;
  }
  if (pattern.test(""))
    report(
      lineAt(path),
      "invalid-pattern",
      `${where} matches empty text, so it would apply to every question`,
      "make it require at least one letter",
    );
}

/** A word as questions are read: NFKC, lower case, е for ё, no apostrophe inside (сім'я is сімя). */
function asRead(word: string): string {
  return word
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/(\p{L})['\u2018\u2019\u02BC\u0060\u00B4](\p{L})/gu, "$1$2");
}

function checkSynonyms(
  lang: Lang,
  groups: string[][],
  lineAt: (path: PropertyKey[]) => number,
  report: LexiconReport,
): void {
  const seen = new Map<string, { group: number; line: number }>();
  groups.forEach((group, g) => {
    const groupLine = lineAt([lang, "synonyms", g]);
    if (group.length < 2)
      report(
        groupLine,
        "empty-group",
        `${lang}.synonyms.${g} has ${group.length === 0 ? "no words" : "one word"}: there is nothing to fold`,
        "list the word first, then the words that mean the same; or remove the group",
      );
    group.forEach((word, w) => {
      const line = lineAt([lang, "synonyms", g, w]);
      const read = asRead(word);
      if (!/^[\p{L}\p{N}]+$/u.test(read)) {
        report(
          line,
          "not-a-word",
          `"${word}" is not one word, and a question's words are looked up one by one`,
          "write it as one word of letters and digits, mi8 for mi-8; for several words add a phrase that makes them one",
        );
        return;
      }
      // A word is looked up among the groups of its script: without Cyrillic letters, the en groups. Only the
      // first word, which the others fold into, may cross over (ru "percent" joins the en term).
      if (w > 0 && CYRILLIC.test(read) !== (lang !== "en"))
        report(
          line,
          "wrong-script",
          `"${word}" is ${lang === "en" ? "Cyrillic" : "not Cyrillic"}, so no question's word is looked up in ${lang}.synonyms`,
          lang === "en" ? "move it to the ru or uk groups" : "move it to the en groups",
        );
      const first = seen.get(read);
      if (first && first.group !== g)
        report(
          line,
          "duplicate-synonym",
          `"${word}" is already in the group at line ${first.line}`,
          "a word folds into one group only: merge the two groups or remove it from one",
        );
      else if (!first) seen.set(read, { group: g, line: groupLine });
    });
  });
}
