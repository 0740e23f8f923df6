import { DisjointSets } from "../common/disjoint-sets.js";
import type { Fact } from "../knowledge/types.js";

/** How facts are linked, read both ways: a maintainer may list a link on one side only. */
export interface FactLinks {
  /** fact id → the facts of other reports that say the same (agrees_with), read both ways, not chained. */
  agreements: Map<string, Set<string>>;
  /** fact id → the facts it disagrees with (conflicts_with). */
  conflicts: Map<string, Set<string>>;
  /**
   * fact id → every fact about the same measure, linked through conflicts_with or timeline, directly or
   * not (two reports of "September 2022" that both differ from "18 August"; the count of calls in 2022,
   * 2023 and 2024), itself included. They answer the same question.
   */
  measures: Map<string, string[]>;
  /** fact id → its timeline: the same measure at other dates, itself included. */
  timelineOf: Map<string, string[]>;
}

export function factLinks(facts: readonly Fact[]): FactLinks {
  const conflicts = bothWays(facts, (f) => f.conflictsWith);
  const timelines = bothWays(facts, (f) => f.timeline);
  const links = new Map(
    facts.map((f) => [f.id, new Set([...(conflicts.get(f.id) ?? []), ...(timelines.get(f.id) ?? [])])]),
  );
  return {
    agreements: bothWays(facts, (f) => f.agreesWith),
    conflicts,
    measures: connected(facts, links),
    timelineOf: connected(facts, timelines),
  };
}

function bothWays(facts: readonly Fact[], linksOf: (fact: Fact) => string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>(facts.map((f) => [f.id, new Set(linksOf(f))]));
  for (const f of facts) for (const other of linksOf(f)) out.get(other)?.add(f.id);
  return out;
}

/** Groups of facts linked directly or through others: fact id → every id of its group (itself included). */
function connected(facts: readonly Fact[], links: Map<string, Set<string>>): Map<string, string[]> {
  const index = new Map(facts.map((f, i) => [f.id, i]));
  const sets = new DisjointSets(facts.length);
  facts.forEach((fact, i) => {
    for (const other of links.get(fact.id) ?? []) {
      const j = index.get(other);
      if (j !== undefined) sets.union(i, j);
    }
  });
  const group = new Map<string, string[]>();
  for (const members of sets.groups()) {
    const ids = members.map((i) => (facts[i] as Fact).id);
    for (const id of ids) group.set(id, ids);
  }
  return group;
}
