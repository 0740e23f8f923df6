import Fuse from "fuse.js";
import { hash32 } from "./hash.js";
import { type HashRuns, hashRuns, runStart } from "./hash-runs.js";
import { type StringTable, stringAt, tableSize } from "./string-table.js";

/** Words shorter than this, and numbers, must match exactly: "тест" is not "мест", "2" is not "20". */
export const FUZZY_MIN_LENGTH = 5;

const fuzzy = (word: string) => word.length >= FUZZY_MIN_LENGTH && !/\d/.test(word);

/**
 * Finds known words within one typo of a misspelt one. A plain Fuse over the whole vocabulary takes
 * milliseconds per word at 50,000 facts, so a deletion index (two words one edit apart share a variant
 * with one letter left out) picks the few candidates and Fuse ranks only those. The variants are kept as
 * hashes only: variant hash → the known words (positions in `words`) that have it.
 */
export interface TypoIndex {
  words: StringTable;
  variants: HashRuns;
}

/** `words` are the known words as written, each once. */
export function typoIndex(words: StringTable): TypoIndex {
  const keys: number[] = [];
  const values: number[] = [];
  // Stryker disable next-line EqualityOperator: equivalent, past the last word the table gives "", too short to index
  for (let w = 0; w < tableSize(words); w++) {
    const word = stringAt(words, w);
    if (!fuzzy(word)) continue;
    // The word itself, then each form of it with one letter left out.
    // Stryker disable next-line EqualityOperator: equivalent, leaving out a letter past the end is the word itself, entered again
    for (let skip = -1; skip < word.length; skip++) {
      // "aab" without either "a" is the same "ab": one entry is enough.
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, only saves entering a variant twice (candidates are a set)
      if (skip > 0 && word.charCodeAt(skip) === word.charCodeAt(skip - 1)) continue;
      keys.push(hash32(word, skip));
      values.push(w);
    }
  }
  return { words, variants: hashRuns(keys, values) };
}

const variantOf = (word: string, skip: number) =>
  skip < 0 ? word : word.slice(0, skip) + word.slice(skip + 1);

/** Whether `variant` is `word` itself or `word` with one letter left out. */
function hasVariant(word: string, variant: string): boolean {
  if (variant.length === word.length) return variant === word;
  if (variant.length !== word.length - 1) return false;
  let i = 0;
  while (i < variant.length && variant.charCodeAt(i) === word.charCodeAt(i)) i++;
  for (; i < variant.length; i++) if (variant.charCodeAt(i) !== word.charCodeAt(i + 1)) return false;
  return true;
}

/**
 * Known words close to `word`, best first, each with how sure the match is: 1 − edits / length, by the
 * optimal-string-alignment distance (a swap of two neighbours is one edit, as people mistype).
 */
export function searchTypos(index: TypoIndex, word: string): { word: string; sure: number }[] {
  if (!fuzzy(word)) return [];
  const { keys, values } = index.variants;
  // In the order a Map of variant → words would give them: variant by variant, each's words in index order.
  const candidates = new Set<string>();
  // Stryker disable next-line EqualityOperator: equivalent, leaving out a letter past the end is the word itself, looked up again
  for (let skip = -1; skip < word.length; skip++) {
    const variant = variantOf(word, skip);
    const key = hash32(variant);
    for (let k = runStart(keys, key); k < keys.length && keys[k] === key; k++) {
      const known = stringAt(index.words, values[k] as number);
      // A hash is not the variant: a word that merely shares its hash is no candidate.
      if (hasVariant(known, variant)) candidates.add(known);
    }
  }
  // Stryker disable next-line ConditionalExpression: equivalent, Fuse finds nothing among no candidates (this only saves making it)
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

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Uint16Array(rows * cols);
  // Stryker disable next-line EqualityOperator: equivalent, a typed array ignores a write past its end
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  // Stryker disable next-line EqualityOperator: equivalent, the extra row is written past the array's end, where nothing is kept
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (d[(i - 1) * cols + j] ?? 0) + 1,
        (d[i * cols + j - 1] ?? 0) + 1,
        (d[(i - 1) * cols + j - 1] ?? 0) + cost,
      );
      // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: equivalent, before the second letter a[-1] or b[-1] is undefined and no pair matches
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (d[(i - 2) * cols + j - 2] ?? 0) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1] ?? 0;
}
