import { normalizeForQuote } from "./normalize-quote.js";
import type { Knowledge, Source } from "./types.js";

/**
 * How much of each archived article the facts quote: its sentences, and for each whether a fact's quote
 * covers it. A maintainer who archives an article sees at once which claims still lack a fact.
 */
export interface SentenceCoverage {
  /** Line of the source file the sentence starts on. */
  line: number;
  text: string;
  covered: boolean;
  /** Why no fact needs to quote it (the source's `not_covered`), when it is not covered. */
  why?: string;
}

export interface SourceCoverage {
  sourceId: string;
  file: string;
  sentences: SentenceCoverage[];
  /** Share of sentences covered or explained, in [0, 1]. */
  share: number;
  /** `not_covered` entries that explain no uncovered sentence: stale, to be removed. */
  unusedNotCovered: string[];
}

/** A sentence counts as covered when quotes span at least this share of it, or it holds a whole quote. */
const COVERED_SHARE = 0.3;
/** Overlap is found in runs of this many characters. */
const WINDOW = 20;

/**
 * Where a sentence ends: after . ! ? or …, before a capital, a quote or a dash; not after an initial
 * ("Mark F. Cancian") or a common abbreviation ("5:55 p.m. ET", "Mr. Yusov").
 */
const SENTENCE_END =
  /(?<=[.!?…])(?<!(?<![\p{L}.])\p{Lu}\.)(?<!\b(?:[ap]\.m|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|vs|etc)\.)\s+(?=[A-Z"“‘'(«[—–-])/u;

/** Sentences of an article body, with the line each starts on (the body starts at `firstLine`). */
export function sentences(body: string, firstLine: number): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  body.split("\n").forEach((lineText, i) => {
    for (const text of lineText.split(SENTENCE_END)) {
      if (/\p{L}/u.test(text)) out.push({ line: firstLine + i, text: text.trim() });
    }
  });
  return out;
}

export function sourceCoverage(source: Source, quotes: readonly string[], firstLine: number): SourceCoverage {
  const normalQuotes = quotes.map(normalizeForQuote);
  const used = new Set<NonNullable<Source["notCovered"]>[number]>();
  const result = sentences(source.text, firstLine).map(({ line, text }): SentenceCoverage => {
    const normal = normalizeForQuote(text);
    const quoted = new Uint8Array(normal.length);
    let whole = false;
    for (const quote of normalQuotes) {
      if (normal.includes(quote)) whole = true;
      // The part of the sentence a quote overlaps: quotes may start or end mid-sentence, or span two.
      for (let start = 0; start + WINDOW <= normal.length; start += WINDOW / 2) {
        if (quote.includes(normal.slice(start, start + WINDOW))) quoted.fill(1, start, start + WINDOW);
      }
    }
    const share = quoted.reduce((n, b) => n + b, 0) / Math.max(normal.length, 1);
    const covered = whole || share >= COVERED_SHARE;
    const explained = covered
      ? undefined
      : source.notCovered?.find((n) => normal.startsWith(normalizeForQuote(n.starts)));
    if (explained) used.add(explained);
    return { line, text, covered, ...(explained ? { why: explained.why } : {}) };
  });
  const ok = result.filter((s) => s.covered || s.why).length;
  return {
    sourceId: source.id,
    file: source.file,
    sentences: result,
    share: result.length ? ok / result.length : 1,
    unusedNotCovered: (source.notCovered ?? []).filter((n) => !used.has(n)).map((n) => n.starts),
  };
}

export function knowledgeCoverage(knowledge: Knowledge): SourceCoverage[] {
  return [...knowledge.sources.values()].map((source) =>
    sourceCoverage(
      source,
      knowledge.facts.filter((f) => f.source === source.id).map((f) => f.quote),
      source.textLine ?? 1,
    ),
  );
}
