import type { Lang } from "../knowledge/types.js";
import { formatDate, MESSAGES } from "./messages.js";
import type { AnswerResult, Citation } from "./types.js";

export function citationLine(c: Citation, lang: Lang): string {
  const date =
    formatDate(c.published, lang) + (c.dateUnverified ? ` (${MESSAGES[lang].dateUnverified})` : "");
  const [open, close] = lang === "en" ? ["“", "”"] : ["«", "»"];
  return `${open}${c.title}${close}, ${c.publisher}, ${date}`;
}

/** The answer body without the citation: the answer, then one line per conflicting report. */
export function answerBody(result: AnswerResult): string {
  const m = MESSAGES[result.language];
  if (!result.answered) {
    const options = result.alternatives.map((s) => `• ${s.question}`);
    return [m.noAnswer, ...(options.length ? [m.didYouMean, ...options] : [])].join("\n");
  }
  const conflicts = result.conflicts.map(
    (c) =>
      `${m.differs} (${c.citation.publisher}, ${formatDate(c.citation.published, result.language)}): ${c.answer}`,
  );
  return [result.answer ?? "", ...conflicts].join("\n");
}

/** Plain text for the CLI and the console chat. */
export function renderText(result: AnswerResult): string {
  const body = answerBody(result);
  if (!result.citation) return body;
  const m = MESSAGES[result.language];
  return `${body}\n${m.source}: ${citationLine(result.citation, result.language)}\n${result.citation.url}`;
}
