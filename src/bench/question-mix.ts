import { seededRandom } from "../common/seeded-random.js";
import type { Knowledge, Lang } from "../knowledge/types.js";
import type { DevRow } from "./dev-set.js";

/** Swaps two neighbouring letters in one longer word: the commonest typo on a phone keyboard. */
export function misspell(question: string, random: () => number): string {
  const words = question.split(" ");
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5);
  if (long.length === 0) return question;
  const [word, at] = long[Math.floor(random() * long.length)] as readonly [string, number];
  const k = 1 + Math.floor(random() * (word.length - 3));
  words[at] = word.slice(0, k) + word.charAt(k + 1) + word.charAt(k) + word.slice(k + 2);
  return words.join(" ");
}

const LANGS: Lang[] = ["en", "ru", "uk"];

/**
 * A realistic mix: the dev set's questions (in-scope, out-of-scope, near misses), the same with a
 * typo, and questions of the knowledge's own facts (so synthetic facts are asked about too), with typos.
 */
export function questionMix(knowledge: Knowledge, dev: DevRow[], count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const out: string[] = [];
  while (out.length < count) {
    const roll = random();
    if (roll < 0.4 && dev.length) out.push((dev[Math.floor(random() * dev.length)] as DevRow).q);
    else if (roll < 0.6 && dev.length)
      out.push(misspell((dev[Math.floor(random() * dev.length)] as DevRow).q, random));
    else {
      const fact = knowledge.facts[Math.floor(random() * knowledge.facts.length)];
      const lang = LANGS[Math.floor(random() * LANGS.length)] as Lang;
      const questions = fact?.questions[lang] ?? [];
      const q = questions[Math.floor(random() * questions.length)] ?? "";
      out.push(random() < 0.5 ? misspell(q, random) : q);
    }
  }
  return out;
}
