import type { Lang, Source } from "../knowledge/types.js";
import { formatDate } from "../texts/format-date.js";
import { texts } from "../texts/texts.js";
import type { AnswerResult, Citation, FactAnswer } from "./types.js";

/**
 * The citation model both renderers draw (render-text.ts for the console chat and CLI, render-html.ts for
 * Telegram): which facts a reply holds and how each citation reads, in one place, so the surfaces differ
 * only in markup. Plain text; renderers escape it.
 */

/** A citation as a reader sees it: the title, the publisher, the date with "date unverified" where it is. */
export interface CitationParts {
  title: string;
  publisher: string;
  /** "4 January 2024", or "October 2022 (date unverified)" when the source does not print it. */
  date: string;
  url: string;
}

export function citationParts(citation: Citation, lang: Lang): CitationParts {
  const date = formatDate(citation.published, lang);
  return {
    title: citation.title,
    publisher: citation.publisher,
    date: citation.dateUnverified ? `${date} (${texts(lang).dateUnverified})` : date,
    url: citation.url,
  };
}

/** How a fact, or the source as a whole (/sources), cites its source. */
export function sourceCitation(source: Omit<Source, "text" | "textLine" | "notCovered">): Citation {
  return {
    sourceId: source.id,
    title: source.title,
    publisher: source.publisher,
    published: source.published,
    url: source.url,
    ...(source.publishedNote ? { dateUnverified: true } : {}),
  };
}

/** Sources as /sources lists them: newest first, then by id. */
export function sourcesNewestFirst<S extends Pick<Source, "id" | "published">>(sources: Iterable<S>): S[] {
  return [...sources].sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
}

/**
 * The facts of an answered reply, each with its answer, citation, the reports that differ and the same figure
 * at other dates: the asked fact first, then one per further question of a compound question. None when the
 * reply is not an answer.
 */
export function factAnswers(result: AnswerResult): FactAnswer[] {
  if (!result.answered || !result.factId || !result.citation) return [];
  return [
    {
      factId: result.factId,
      answer: result.answer ?? "",
      citation: result.citation,
      agreements: result.agreements,
      conflicts: result.conflicts,
      timeline: result.timeline,
    },
    ...result.more,
  ];
}

/**
 * Every fact a reply shows, each once, with its citation: each answered fact, then the reports that agree or
 * differ and the same figure at other dates. What `npm run ask -- --json` lists, and what the grader checks
 * citations against.
 */
export function factsShown(result: AnswerResult): { factId: string; citation: Citation }[] {
  const all = factAnswers(result).flatMap((f) => [f, ...f.agreements, ...f.conflicts, ...f.timeline]);
  return [...new Map(all.map((f) => [f.factId, { factId: f.factId, citation: f.citation }])).values()];
}
