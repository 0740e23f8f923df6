import { citationParts, factAnswers, sourceCitation, sourcesNewestFirst } from "../answer/citation.js";
import type { KnowledgeSummary, SourceInfo } from "../answer/knowledge-summary.js";
import type { AnswerResult, Citation } from "../answer/types.js";
import { isHttpUrl } from "../common/http-url.js";
import type { Lang } from "../knowledge/types.js";
import { formatDate } from "../texts/format-date.js";
import { texts } from "../texts/texts.js";

/*
 * Telegram HTML: what the console chat and CLI show (answer/render-text.ts), in the same words from the same
 * texts table and the same citation model, with links behind titles and within Telegram's length limits.
 */

/** Telegram's limit for a message's text; kept on the HTML source, which is never shorter than the parsed text. */
export const MESSAGE_LIMIT = 4096;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Escapes text for Telegram's HTML parse mode (and for attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] as string);
}

/**
 * Escapes `text`, cutting it so the escaped result is at most `max` characters (with "…" when cut).
 * Cuts between code points, so an emoji is never split into a broken surrogate.
 */
export function escapeTrim(text: string, max: number): string {
  const full = escapeHtml(text);
  if (full.length <= max) return full;
  let out = "";
  for (const ch of text) {
    const piece = ESCAPES[ch] ?? ch;
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}

/** Plain text cut to `max` UTF-16 units on a code point boundary (for button labels and titles). */
export function trimPlain(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  let out = "";
  for (const ch of flat) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

function link(url: string, label: string, max: number): string {
  const text = escapeTrim(label, max);
  return isHttpUrl(url) ? `<a href="${escapeHtml(url)}">${text}</a>` : text;
}

/** "Title, Publisher, 4 January 2024" with the title linking to the article; an estimated date says so. */
function renderCitation(citation: Citation, lang: Lang, budget = 600): string {
  const { title, publisher, date, url } = citationParts(citation, lang);
  return `${link(url, title, Math.floor(budget * 0.6))}, ${escapeTrim(publisher, Math.floor(budget * 0.3))}, ${escapeHtml(date)}`;
}

/**
 * Packs balanced HTML blocks into as few messages as possible, each within the limit.
 * Every block must already fit on its own; callers build blocks with escapeTrim budgets to guarantee that.
 */
export function packBlocks(blocks: readonly string[], limit = MESSAGE_LIMIT, separator = "\n\n"): string[] {
  const messages: string[] = [];
  let current = "";
  for (const raw of blocks) {
    // A block over the limit is a bug upstream; dropping its markup keeps the message valid rather than rejected.
    const block = raw.length <= limit ? raw : escapeTrim(stripTags(raw), limit);
    if (current === "") current = block;
    else if (current.length + separator.length + block.length <= limit) current += separator + block;
    else {
      messages.push(current);
      current = block;
    }
  }
  if (current !== "") messages.push(current);
  return messages;
}

/** Turns our own HTML back into plain text (a fallback when Telegram refuses the markup). */
export function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/**
 * An answered result as one self-contained message: the answer, its citation and the reports that agree or
 * differ. Never over the limit: other reports are dropped, then the answer is shortened, so the citation
 * always stays.
 */
export function renderAnswerHtml(result: AnswerResult, limit = MESSAGE_LIMIT): string {
  const t = texts(result.language);
  const facts = factAnswers(result);
  const attempts: [answerBudget: number, conflicts: number][] = [
    [3000, 3],
    [3000, 1],
    [2000, 0],
    [800, 0],
  ];
  let html = "";
  for (const [answerBudget, conflictCount] of attempts) {
    // A compound question's facts share the budget; each keeps its own citation.
    const budget = Math.floor(answerBudget / Math.max(facts.length, 1));
    const blocks = facts.map((fact) => {
      const parts = [
        escapeTrim(fact.answer, budget),
        `📄 <b>${escapeHtml(t.sourceLabel)}:</b> ${renderCitation(fact.citation, result.language)}`,
      ];
      for (const agreement of fact.agreements.slice(0, conflictCount)) {
        parts.push(
          `✅ <b>${escapeHtml(t.agreementLabel)}:</b> ${escapeTrim(agreement.answer, 600)}\n${renderCitation(agreement.citation, result.language)}`,
        );
      }
      for (const conflict of fact.conflicts.slice(0, conflictCount)) {
        parts.push(
          `⚠️ <b>${escapeHtml(t.conflictLabel)}:</b> ${escapeTrim(conflict.answer, 600)}\n${renderCitation(conflict.citation, result.language)}`,
        );
      }
      // Same budget as conflicts: the other dates of a figure go before the answer is shortened.
      const dated = fact.timeline.slice(0, conflictCount);
      if (dated.length) {
        const entries = dated.map(
          (d) =>
            `• <b>${escapeHtml(formatDate(d.asOf, result.language))}:</b> ${escapeTrim(d.answer, 400)}\n${renderCitation(d.citation, result.language)}`,
        );
        parts.push(`🕑 <b>${escapeHtml(t.timelineLabel)}:</b>\n${entries.join("\n")}`);
      }
      return parts.join("\n\n");
    });
    html = blocks.join("\n\n———\n\n");
    if (html.length <= limit) return html;
  }
  // Unreachable with the budgets above (800 + a citation is far below 4096); kept so the limit is a guarantee.
  return escapeTrim(stripTags(html), limit);
}

/** A short reply to small talk: what the bot knows, then example questions (their buttons come along). */
export function renderSmallTalkHtml(result: AnswerResult, knowledge: KnowledgeSummary): string {
  const t = texts(result.language);
  const parts = [escapeHtml(t.smallTalk[result.smallTalk ?? "greeting"])];
  // Examples come with a greeting or "who are you", not with "ok" or "bye".
  if (result.alternatives.length) {
    parts.push(
      escapeHtml(
        t.helpKnows(
          knowledge.factIds.length,
          knowledge.sources.size,
          knowledge.about?.[result.language].topic,
        ),
      ),
      escapeHtml(t.helpExamples),
    );
  }
  return parts.join("\n\n");
}

/**
 * The honest "no answer" reply. The "did you mean" questions come as buttons (answerKeyboard): the text only
 * points at them, so nothing is said twice.
 */
export function renderNotAnsweredHtml(result: AnswerResult, showSuggestions: boolean): string {
  const t = texts(result.language);
  const parts = [escapeHtml(t.notAnswered)];
  if (showSuggestions && result.alternatives.length > 0) parts.push(escapeHtml(t.didYouMean));
  return parts.join("\n\n");
}

/** /sources: every source with its date and link, split over several messages when the list is long. */
export function renderSourcesHtml(sources: Iterable<SourceInfo>, lang: Lang): string[] {
  const t = texts(lang);
  const list = sourcesNewestFirst(sources);
  const blocks = list.map((s) => {
    const { title, publisher, date, url } = citationParts(sourceCitation(s), lang);
    return `• ${link(url, title, 500)}\n${escapeTrim(publisher, 300)}, ${escapeHtml(date)}`;
  });
  return packBlocks([`<b>${escapeHtml(t.sourcesTitle(list.length))}</b>`, ...blocks]);
}
