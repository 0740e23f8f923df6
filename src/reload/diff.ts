import { hash32, hash32b } from "../answer/hash.js";
import type { Fact, Knowledge } from "../knowledge/types.js";

/** Fact ids that a reload adds, removes or changes (content or citation, not just its line number). */
export interface ReloadDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

/**
 * What a reload compares, kept beside the engine instead of the knowledge itself: each fact's id and a
 * 64-bit hash of what a user sees of it, and the lexicon as read.
 */
export interface KnowledgeDigest {
  /** The knowledge's own facts, in file order. */
  readonly factIds: readonly string[];
  /** Two 32-bit hashes per fact, in the order of factIds, of its fingerprint. */
  readonly prints: Uint32Array;
  /** knowledge/lexicon.yaml as JSON, "" without one. */
  readonly lexicon: string;
}

export function digestKnowledge(knowledge: Knowledge): KnowledgeDigest {
  const prints = new Uint32Array(knowledge.facts.length * 2);
  knowledge.facts.forEach((fact, i) => {
    const print = fingerprint(fact, knowledge);
    prints[2 * i] = hash32(print);
    prints[2 * i + 1] = hash32b(print);
  });
  return {
    factIds: knowledge.facts.map((f) => f.id),
    prints,
    lexicon: JSON.stringify(knowledge.lexicon) ?? "",
  };
}

export function emptyDiff(): ReloadDiff {
  return { added: [], removed: [], changed: [] };
}

export function countDiff(diff: ReloadDiff): { added: number; removed: number; changed: number } {
  return { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length };
}

/** Compares fact by fact; a fact whose text is the same but whose cited source changed counts as changed. */
export function diffKnowledge(before: KnowledgeDigest | undefined, after: KnowledgeDigest): ReloadDiff {
  // Positions, not strings: 10,000 facts compare in a few milliseconds of the answering thread.
  const old = new Map((before?.factIds ?? []).map((id, i) => [id, i]));
  const was = before?.prints ?? new Uint32Array(0);
  const now = after.prints;
  const diff = emptyDiff();
  after.factIds.forEach((id, i) => {
    const j = old.get(id);
    if (j === undefined) diff.added.push(id);
    else if (was[2 * j] !== now[2 * i] || was[2 * j + 1] !== now[2 * i + 1]) diff.changed.push(id);
    old.delete(id);
  });
  diff.removed.push(...old.keys());
  for (const list of Object.values(diff)) list.sort();
  return diff;
}

/**
 * Whether the lexicon (knowledge/lexicon.yaml) reads questions differently now: the same facts may then find
 * other answers, though no fact changed. Adding or removing the file counts; the first load does not.
 */
export function lexiconChanged(before: KnowledgeDigest | undefined, after: KnowledgeDigest): boolean {
  return before !== undefined && before.lexicon !== after.lexicon;
}

// What a user sees of a fact: everything but where it sits in its file, plus the citation it renders with.
function fingerprint(fact: Fact, knowledge: Knowledge): string {
  const { file: _file, line: _line, ...content } = fact;
  const source = knowledge.sources.get(fact.source);
  const citation = source && {
    title: source.title,
    publisher: source.publisher,
    author: source.author,
    published: source.published,
    publishedNote: source.publishedNote,
    url: source.url,
  };
  return JSON.stringify({ content, citation });
}
