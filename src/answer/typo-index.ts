import Fuse from "fuse.js";

/** Words shorter than this, and numbers, must match exactly: "тест" is not "мест", "2" is not "20". */
export const FUZZY_MIN_LENGTH = 5;

/** The word and every form of it with one letter left out. */
function variants(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Finds known words within one typo of a misspelt one. A plain Fuse over the whole vocabulary takes
 * milliseconds per word at 50,000 facts, so a deletion index (two words one edit apart share a
 * variant with one letter left out) picks the few candidates and Fuse ranks only those.
 */
export class TypoIndex {
  private readonly byVariant = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length < FUZZY_MIN_LENGTH || /\d/.test(word)) continue;
      for (const v of variants(word)) {
        const list = this.byVariant.get(v);
        if (!list) this.byVariant.set(v, [word]);
        else if (list.at(-1) !== word) list.push(word);
      }
    }
  }

  /** Known words close to `word`, with Fuse's score (0 is a perfect match), best first. */
  search(word: string): { word: string; score: number }[] {
    if (word.length < FUZZY_MIN_LENGTH || /\d/.test(word)) return [];
    const candidates = new Set<string>();
    for (const v of variants(word)) for (const w of this.byVariant.get(v) ?? []) candidates.add(w);
    if (candidates.size === 0) return [];
    // Tight threshold: the 0.6 default would take "world" for "would". ignoreLocation: a typo may be anywhere.
    const fuse = new Fuse([...candidates], { includeScore: true, threshold: 0.4, ignoreLocation: true });
    return fuse.search(word, { limit: 5 }).map((hit) => ({ word: hit.item, score: hit.score ?? 1 }));
  }
}
