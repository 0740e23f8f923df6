/** "1 fact", "3 facts": counts in the English operator messages (CLIs, /reload), for regular plurals only. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
