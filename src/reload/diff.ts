import type { Fact, Knowledge } from "../knowledge/types.js";

/** Fact ids that a reload adds, removes or changes (content or citation, not just its line number). */
export interface ReloadDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

export function emptyDiff(): ReloadDiff {
  return { added: [], removed: [], changed: [] };
}

export function countDiff(diff: ReloadDiff): { added: number; removed: number; changed: number } {
  return { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length };
}

/** Compares fact by fact; a fact whose text is the same but whose cited source changed counts as changed. */
export function diffKnowledge(before: Knowledge | undefined, after: Knowledge): ReloadDiff {
  const old = new Map((before?.facts ?? []).map((f) => [f.id, fingerprint(f, before as Knowledge)]));
  const diff = emptyDiff();
  for (const fact of after.facts) {
    const previous = old.get(fact.id);
    if (previous === undefined) diff.added.push(fact.id);
    else if (previous !== fingerprint(fact, after)) diff.changed.push(fact.id);
    old.delete(fact.id);
  }
  diff.removed.push(...old.keys());
  for (const list of Object.values(diff)) list.sort();
  return diff;
}

/**
 * Whether the lexicon (knowledge/lexicon.yaml) reads questions differently now: the same facts may then find
 * other answers, though no fact changed. Adding or removing the file counts; the first load does not.
 */
export function lexiconChanged(before: Knowledge | undefined, after: Knowledge): boolean {
  return before !== undefined && JSON.stringify(before.lexicon) !== JSON.stringify(after.lexicon);
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
