import { LANGUAGES, type Lang } from "../knowledge/types.js";
import type { SourceInfo } from "./knowledge-summary.js";
import type { Normalizer, Word } from "./normalize.js";
import { type AnswerType, askedTypes } from "./question-type.js";
import { editDistance } from "./typo-index.js";

/**
 * Questions about a report rather than about what it reports: "who wrote the Newsweek piece about the
 * faster surrenders?", "коли вийшла стаття Dnipro Today про дезертирство?". The words describing the article
 * are the topic's words, so matching the whole question finds facts about the topic and the source facts
 * (src/answer/source-facts.ts) lose: here the article is found from the outlet the question names, or from
 * its title, and the question's kind picks the source fact.
 *
 * The words below are the languages' words for writing and publishing, not any topic's.
 */
export type ReportAsk = "author" | "date" | "outlet";

const L = "(?<!\\p{L})";
const R = "(?!\\p{L})";
const wordPattern = (alternatives: string) => new RegExp(`${L}(?:${alternatives})${R}`, "u");

/** Verbs of publishing an article, in the three languages. */
const PUBLISHED =
  "published|publish|ran|run|carried|released|put(?: \\p{L}+){0,2} out|came out|come out|appeared|appear|вышл\\p{L}*|вышел|опубликова\\p{L}*|напечата\\p{L}*|выпустил\\p{L}*|вийшл\\p{L}*|вийшов|опублікува\\p{L}*|опубліков\\p{L}*|надрукува\\p{L}*|надрукова\\p{L}*|випустил\\p{L}*";

const ASKS: Record<ReportAsk, RegExp> = {
  author: wordPattern(
    "who (?:wrote|authored|penned|reported)|authors?|byline|journalists?|reporters?|writers?|кто (?:на)?писал\\p{L}*|автор\\p{L}*|журналист\\p{L}*|репортер\\p{L}*|ч(?:ья|ей) (?:статья|материал|публикация|заметка)|хто (?:на)?писа\\p{L}*|журналіст\\p{L}*|чи(?:я|й) (?:стаття|матеріал|публікація|замітка)",
  ),
  date: wordPattern(
    `publication date|date of (?:the )?(?:article|piece|report|story|publication)|when (?:was|did|were|is)(?: \\p{L}+){0,12} (?:${PUBLISHED}|written|posted)|what (?:date|day)(?: \\p{L}+){0,6} (?:${PUBLISHED}|posted)|дат\\p{L}* (?:публикации|выхода|публікації|виходу)|когда(?: \\p{L}+){0,12} (?:вышл\\p{L}*|вышел|опубликова\\p{L}*|напечата\\p{L}*|написа\\p{L}*|появил\\p{L}*|выпустил\\p{L}*|выложил\\p{L}*)|какого числа|коли(?: \\p{L}+){0,12} (?:вийшл\\p{L}*|вийшов|опублікува\\p{L}*|опубліков\\p{L}*|надрукова\\p{L}*|написа\\p{L}*|зявил\\p{L}*|випустил\\p{L}*|виклал\\p{L}*)|якого числа`,
  ),
  // "Which outlet" only with a verb of publishing: "which outlet had interviewed him" asks about the story.
  outlet: wordPattern(
    `who published|publisher|издател\\p{L}*|видав\\p{L}*|(?:which|what|в каком|в какой|какое|какая|яке|яка|в якому|в якій|у якому|у якій) (?:outlet|publication|paper|newspaper|site|website|media|magazine|издани\\p{L}*|газет\\p{L}*|сми|сайт\\p{L}*|медиа|журнал\\p{L}*|видання|змі|медіа)(?: \\p{L}+){0,6} (?:${PUBLISHED})|where (?:was|did|is)(?: \\p{L}+){0,8} (?:${PUBLISHED})|кто опубликовал|где(?: \\p{L}+){0,6} (?:${PUBLISHED})|хто опублікував|де(?: \\p{L}+){0,6} (?:${PUBLISHED})`,
  ),
};

/** The article itself is meant, not something it reports: needed before "when … published" counts. */
const ARTICLE = wordPattern(
  "articles?|pieces?|reports?|story|stories|fact.?checks?|publications?|write.?ups?|post|стать\\p{L}*|материал\\p{L}*|публикаци\\p{L}*|заметк\\p{L}*|репортаж\\p{L}*|фактчек\\p{L}*|статт\\p{L}*|матеріал\\p{L}*|публікаці\\p{L}*|замітк\\p{L}*",
);

/** Whom or what the article cites is a question about what it reports, which the facts answer. */
const CITES = wordPattern(
  "cite[sd]?|citing|quot(?:e|es|ed|ing)|refer(?:s|red)? to|based on|relied on|ссыла\\p{L}*|цитир\\p{L}*|со ссылкой|посила\\p{L}*|цитува\\p{L}*|з посиланням",
);

/** Kinds of answer a source fact can give: a name, a date, an outlet. Anything else is not about the byline. */
const ANSWERABLE = new Set<AnswerType>(["who", "person", "when"]);

/** A share of a title's weight the question must cover to name that article by its title. */
const TITLE_SHARE = 0.5;
/** Ahead of any other title by this much: titles on one subject share words. */
const TITLE_LEAD = 0.2;
/** And at least this many of the title's words: "russians surrendering" alone names no article. */
const TITLE_WORDS = 3;

export interface ReportQuestion {
  /** Index into the engine's sources. */
  source: number;
  asks: ReadonlySet<ReportAsk>;
}

export type ReportReader = (normal: string, lang: Lang) => ReportQuestion | undefined;

/** Which sources a question names by their outlet ("the Kyiv Independent", «Ньюсвік»): indexes into `sources`. */
export type OutletNamer = (question: Word[], lang: Lang) => number[];

export function outletNamer(sources: readonly SourceInfo[], normalizer: Normalizer): OutletNamer {
  // An outlet's names without what a publisher field adds in brackets ("Dnipro Today (English edition)").
  const written = sources.map((s) => [s.publisher.replace(/\([^)]*\)/g, " "), ...(s.aliases ?? [])]);
  // Names are matched on their stems and on the words as written (a stemmer cuts "Київ" down to "ки"), read as
  // the question is: a Cyrillic name stems as Russian or Ukrainian.
  const names = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, written.map((list) => list.map((name) => normalizer.words(name, lang)))]),
  ) as Record<Lang, Word[][][]>;
  return (question, lang) =>
    sources.flatMap((_, i) =>
      (names[lang][i] ?? []).some((name) => name.length > 0 && containsRun(question, name)) ? [i] : [],
    );
}

/** A reader for one knowledge's sources; `normal` is the question after normalizeText. */
export function reportReader(sources: readonly SourceInfo[], normalizer: Normalizer): ReportReader {
  const terms = (text: string, lang: Lang) => normalizer.tokenize(text, lang);
  const words = (text: string, lang: Lang): Word[] => normalizer.words(text, lang);
  const byName = outletNamer(sources, normalizer);
  const titles = sources.map((s) => new Set(terms(s.title, "en")));
  // A word in every title tells the articles apart less than one in a single title.
  const inTitles = new Map<string, number>();
  for (const title of titles) for (const t of title) inTitles.set(t, (inTitles.get(t) ?? 0) + 1);
  const weight = (t: string) => Math.log(1 + sources.length / (inTitles.get(t) ?? 1));

  function byTitle(question: Set<string>, among: readonly number[]): number | undefined {
    const scored = among.map((i) => {
      const title = [...(titles[i] ?? [])];
      const covered = title.filter((t) => question.has(t));
      const total = title.reduce((sum, t) => sum + weight(t), 0) || 1;
      return { i, share: covered.reduce((sum, t) => sum + weight(t), 0) / total, words: covered.length };
    });
    const [best, next] = scored
      .filter((s) => s.share >= TITLE_SHARE && s.words >= TITLE_WORDS)
      .sort((a, b) => b.share - a.share);
    return best && (!next || best.share - next.share >= TITLE_LEAD) ? best.i : undefined;
  }

  return (normal, lang) => {
    const asks = new Set((Object.keys(ASKS) as ReportAsk[]).filter((kind) => ASKS[kind].test(normal)));
    if (asks.size === 0 || CITES.test(normal)) return undefined;
    const asked = askedTypes(normal);
    // "What did X tell the journalists" names a journalist without asking who wrote anything.
    if (!asked.includes("who") && !asked.includes("person")) asks.delete("author");
    if (asks.size === 0 || (!asks.has("author") && !ARTICLE.test(normal))) return undefined;
    // "Where did it come out" asks for the outlet.
    if (asked.some((type) => !ANSWERABLE.has(type) && !(type === "where" && asks.has("outlet"))))
      return undefined;
    const question = words(normal, lang);
    const named = byName(question, lang);
    const all = sources.map((_, i) => i);
    // "Which outlet published X" with the outlet named is asking something else ("which outlet did X cite").
    if (named.length > 0 && asks.has("outlet") && asks.size === 1) return undefined;
    const source =
      named.length === 1
        ? named[0]
        : byTitle(new Set(question.map((w) => w.term)), named.length > 1 ? named : all);
    return source === undefined ? undefined : { source, asks };
  };
}

/** Whether `run` occurs in `list` as consecutive words: the same stem, or as written within a typo. */
function containsRun(list: readonly Word[], run: readonly Word[]): boolean {
  const near = (a: string, b: string) => a.length >= 4 && b.length >= 4 && editDistance(a, b) <= 1;
  const same = (a: Word | undefined, b: Word) => !!a && (a.term === b.term || near(a.surface, b.surface));
  for (let i = 0; i + run.length <= list.length; i++) {
    if (run.every((w, j) => same(list[i + j], w))) return true;
  }
  return false;
}
