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

  /**
   * Known words close to `word`, best first, each with how sure the match is: 1 − edits / length, by the
   * optimal-string-alignment distance (a swap of two neighbours is one edit, as people mistype).
   */
  search(word: string): { word: string; sure: number }[] {
    if (word.length < FUZZY_MIN_LENGTH || /\d/.test(word)) return [];
    const candidates = new Set<string>();
    for (const v of variants(word)) for (const w of this.byVariant.get(v) ?? []) candidates.add(w);
    if (candidates.size === 0) return [];
    // Fuse ranks the candidates (ignoreLocation: a typo may be anywhere); its substring score finds "pilot"
    // in "copilot" at no cost, so the edit distance, not Fuse's score, says how sure the match is.
    const fuse = new Fuse([...candidates], { includeScore: true, threshold: 0.5, ignoreLocation: true });
    return fuse
      .search(word, { limit: 5 })
      .map((hit) => ({
        word: hit.item,
        sure: 1 - editDistance(word, hit.item) / Math.max(word.length, hit.item.length),
      }))
      .sort((a, b) => b.sure - a.sure);
  }
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Uint16Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (d[(i - 1) * cols + j] ?? 0) + 1,
        (d[i * cols + j - 1] ?? 0) + 1,
        (d[(i - 1) * cols + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (d[(i - 2) * cols + j - 2] ?? 0) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1] ?? 0;
}
