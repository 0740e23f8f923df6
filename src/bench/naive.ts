import Fuse from "fuse.js";
import { type Knowledge, LANGUAGES } from "../knowledge/types.js";

/** The baseline the issue names: one plain Fuse over every question string, default options. */
export function naiveMatcher(
  knowledge: Knowledge,
): (question: string) => { fact: number; score: number } | undefined {
  const owners: number[] = [];
  const strings: string[] = [];
  knowledge.facts.forEach((fact, f) => {
    for (const lang of LANGUAGES) {
      for (const q of fact.questions[lang]) {
        strings.push(q);
        owners.push(f);
      }
    }
  });
  const fuse = new Fuse(strings, { includeScore: true });
  return (question) => {
    const [top] = fuse.search(question, { limit: 1 });
    return top ? { fact: owners[top.refIndex] as number, score: top.score ?? 1 } : undefined;
  };
}
