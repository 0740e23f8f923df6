import type { Lang } from "../knowledge/types.js";
import { formatDate } from "../texts/format-date.js";
import { texts } from "../texts/texts.js";
import { citationParts, factAnswers, sourceCitation, sourcesNewestFirst } from "./citation.js";
import type { KnowledgeSummary, SourceInfo } from "./knowledge-summary.js";
import type { AnswerResult, Citation, FactAnswer } from "./types.js";

/*
 * Plain text for the console chat and the CLI: what Telegram shows (render-html.ts), in the same words from
 * the same texts table, with each link written out on a line of its own instead of behind its title.
 */

/** “Title”, Publisher, 4 January 2024, then the link on the next line. */
export function citationText(citation: Citation, lang: Lang): string {
  const { title, publisher, date, url } = citationParts(citation, lang);
  const [open, close] = lang === "en" ? ["“", "”"] : ["«", "»"];
  return `${open}${title}${close}, ${publisher}, ${date}\n${url}`;
}

/**
 * One fact's part: its answer and citation, each report that agrees, each that differs, then the same figure
 * at other dates.
 */
function factText(fact: FactAnswer, lang: Lang, cite: boolean): string {
  const t = texts(lang);
  const cited = (c: Citation) => (cite ? [citationText(c, lang)] : []);
  const dated = fact.timeline.flatMap((d) => [
    `• ${formatDate(d.asOf, lang)}: ${d.answer}`,
    ...cited(d.citation),
  ]);
  return [
    fact.answer,
    ...(cite ? [`${t.sourceLabel}: ${citationText(fact.citation, lang)}`] : []),
    ...fact.agreements.flatMap((a) => [`${t.agreementLabel}: ${a.answer}`, ...cited(a.citation)]),
    ...fact.conflicts.flatMap((c) => [`${t.conflictLabel}: ${c.answer}`, ...cited(c.citation)]),
    ...(dated.length ? [`${t.timelineLabel}:`, ...dated] : []),
  ].join("\n");
}

/** What is said when there is no answer: small talk's reply with examples, or "no sourced answer". */
function unansweredText(result: AnswerResult, knowledge?: KnowledgeSummary): string {
  const t = texts(result.language);
  const options = result.alternatives.map((s) => `• ${s.question}`);
  if (result.smallTalk) {
    const about = knowledge?.about?.[result.language].topic;
    const knows = knowledge ? [t.helpKnows(knowledge.factIds.length, knowledge.sources.size, about)] : [];
    // Examples come with a greeting or "who are you", not with "ok" or "bye" (the engine gives none then).
    return [
      t.smallTalk[result.smallTalk],
      ...(options.length ? [...knows, t.helpExamples, ...options] : []),
    ].join("\n");
  }
  return [t.notAnswered, ...(options.length ? [t.didYouMean, ...options] : [])].join("\n");
}

/**
 * The reply without citations: each fact's answer with the reports that differ and its other dates, or what
 * is said instead of an answer. What the question sets and the grader check an answer's words against.
 */
export function answerBody(result: AnswerResult): string {
  const facts = factAnswers(result);
  if (facts.length === 0) return unansweredText(result);
  return facts.map((fact) => factText(fact, result.language, false)).join("\n\n");
}

/**
 * The whole reply as plain text: each fact with its citation and link, and those of the reports that differ
 * and of the other dates. `knowledge` adds what the bot knows to a reply to small talk, as in Telegram.
 */
export function renderText(result: AnswerResult, knowledge?: KnowledgeSummary): string {
  const facts = factAnswers(result);
  if (facts.length === 0) return unansweredText(result, knowledge);
  return facts.map((fact) => factText(fact, result.language, true)).join("\n\n");
}

/** /sources: every source with its date and link, newest first. */
export function renderSourcesText(sources: Iterable<SourceInfo>, lang: Lang): string {
  const list = sourcesNewestFirst(sources);
  const entries = list.map((source) => {
    const { title, publisher, date, url } = citationParts(sourceCitation(source), lang);
    return `• ${title}\n${publisher}, ${date}\n${url}`;
  });
  return [texts(lang).sourcesTitle(list.length), ...entries].join("\n\n");
}
