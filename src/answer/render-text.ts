import type { Lang } from "../knowledge/types.js";
import { formatDate, MESSAGES } from "./messages.js";
import type { AnswerResult, Citation, ConflictNote, TimelineNote } from "./types.js";

export function citationLine(c: Citation, lang: Lang): string {
  const date =
    formatDate(c.published, lang) + (c.dateUnverified ? ` (${MESSAGES[lang].dateUnverified})` : "");
  const [open, close] = lang === "en" ? ["“", "”"] : ["«", "»"];
  return `${open}${c.title}${close}, ${c.publisher}, ${date}`;
}

/** One fact's answer, then a line per report that differs, then the same figure at other dates. */
function withConflicts(
  answer: string,
  conflicts: ConflictNote[],
  timeline: TimelineNote[],
  lang: Lang,
): string {
  const m = MESSAGES[lang];
  const lines = conflicts.map(
    (c) => `${m.differs} (${c.citation.publisher}, ${formatDate(c.citation.published, lang)}): ${c.answer}`,
  );
  const dated = timeline.map((d) => `• ${formatDate(d.asOf, lang)}: ${d.answer}`);
  return [answer, ...lines, ...(dated.length ? [`${m.timeline}:`, ...dated] : [])].join("\n");
}

/** The answer body without citations: each fact's answer, then one line per conflicting report. */
export function answerBody(result: AnswerResult): string {
  const m = MESSAGES[result.language];
  if (!result.answered) {
    const options = result.alternatives.map((s) => `• ${s.question}`);
    if (result.smallTalk) return options.length ? [m.smallTalk, ...options].join("\n") : "👍";
    return [m.noAnswer, ...(options.length ? [m.didYouMean, ...options] : [])].join("\n");
  }
  return [
    withConflicts(result.answer ?? "", result.conflicts, result.timeline, result.language),
    ...result.more.map((f) => withConflicts(f.answer, f.conflicts, f.timeline, result.language)),
  ].join("\n\n");
}

/** Plain text for the CLI and the console chat: each fact's answer followed by its citation. */
export function renderText(result: AnswerResult): string {
  if (!result.citation) return answerBody(result);
  const lang = result.language;
  const cite = (c: Citation) => `${MESSAGES[lang].source}: ${citationLine(c, lang)}\n${c.url}`;
  return [
    `${withConflicts(result.answer ?? "", result.conflicts, result.timeline, lang)}\n${cite(result.citation)}`,
    ...result.more.map(
      (f) => `${withConflicts(f.answer, f.conflicts, f.timeline, lang)}\n${cite(f.citation)}`,
    ),
  ].join("\n\n");
}
