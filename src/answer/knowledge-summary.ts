import type { About, Knowledge, Lang, Source } from "../knowledge/types.js";

/** A source as the bot lists and cites it: without the article text, which only validation reads. */
export type SourceInfo = Omit<Source, "text" | "textLine" | "notCovered">;

/**
 * What the bot tells about the knowledge behind an engine (/help, /sources, /about, buttons). The facts
 * themselves stay in the engine, in its compact form: a bot with 10,000 facts does not hold them twice.
 */
export interface KnowledgeSummary {
  /** The knowledge's own facts, in file order (not the facts the engine makes from the sources). */
  readonly factIds: readonly string[];
  readonly sources: ReadonlyMap<string, SourceInfo>;
  readonly about?: Record<Lang, About>;
}

export function sourceInfo({ text: _text, textLine: _line, notCovered: _not, ...info }: Source): SourceInfo {
  return info;
}

/** For engines built straight from a Knowledge (test doubles): its summary. */
export function summarize(knowledge: Knowledge): KnowledgeSummary {
  return {
    factIds: knowledge.facts.map((f) => f.id),
    sources: new Map([...knowledge.sources].map(([id, s]) => [id, sourceInfo(s)])),
    ...(knowledge.about ? { about: knowledge.about } : {}),
  };
}
