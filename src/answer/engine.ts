import type { Fact, Knowledge, Lang, Source } from "../knowledge/types.js";
import { buildIndex, questionText, type SearchIndex } from "./index.js";
import { detectLanguage } from "./language.js";
import {
  DEFAULT_MATCH_TUNING,
  type FactMatch,
  type MatchTuning,
  matchFacts,
  type QueryWord,
  queryWords,
} from "./match.js";
import { QUANTITY } from "./normalize.js";
import { isReverseDirection } from "./scope.js";
import type { AnswerResult, AskOptions, Citation, Engine, Suggestion } from "./types.js";

/**
 * When to answer. A wrong confident answer is worse than none, so every gate must pass:
 * - COVERAGE: most of what the question says (idf-weighted) is in the fact; "World War II" or
 *   "generals" left unexplained means the fact is about something else.
 * - SCORE: the question also resembles one of the fact's own questions.
 * - MARGIN: no unrelated fact is about as good; a tie means we cannot tell what was asked.
 */
export interface Tuning extends MatchTuning {
  minCoverage: number;
  minScore: number;
  margin: number;
  /** Least score and coverage for a "did you mean" suggestion. */
  suggest: number;
}
export const DEFAULT_TUNING: Tuning = {
  ...DEFAULT_MATCH_TUNING,
  minCoverage: 0.58,
  minScore: 0.5,
  margin: 0.04,
  suggest: 0.3,
};
const MAX_SUGGESTIONS = 3;

/** `tuning` is for experiments and the benchmark; the defaults are what the bot runs with. */
export function createEngine(knowledge: Knowledge, tuning: Tuning = DEFAULT_TUNING): Engine {
  const index = buildIndex(knowledge);
  const facts = knowledge.facts;
  const byId = new Map(facts.map((f, i) => [f.id, i]));

  function citation(fact: Fact): Citation {
    const source = knowledge.sources.get(fact.source) as Source;
    return {
      sourceId: source.id,
      title: source.title,
      publisher: source.publisher,
      published: source.published,
      url: source.url,
      ...(source.publishedNote ? { dateUnverified: true } : {}),
    };
  }

  // conflicts_with is read both ways: a maintainer may list it on one side only.
  const conflicts = new Map<string, Set<string>>(facts.map((f) => [f.id, new Set(f.conflictsWith)]));
  for (const f of facts) for (const other of f.conflictsWith) conflicts.get(other)?.add(f.id);
  const measures = sameMeasure(facts, conflicts);

  /**
   * The fact and those it names as related, and every fact about the same measure (linked through
   * conflicts_with, directly or not: two reports of "September 2022" that both differ from "18 August").
   * A close runner-up among them is no rival: they answer the same question.
   */
  function kinOf(fact: Fact): Set<string> {
    return new Set([...fact.related, ...(measures.get(fact.id) ?? [fact.id])]);
  }

  function answerFact(
    factId: string,
    language: Lang,
    score = 1,
    nearest: AnswerResult["nearest"] = [],
  ): AnswerResult | undefined {
    const i = byId.get(factId);
    const fact = i === undefined ? undefined : facts[i];
    if (!fact) return undefined;
    const differing = [...(conflicts.get(fact.id) ?? [])].flatMap((id) => {
      const other = facts[byId.get(id) ?? -1];
      return other ? [{ factId: other.id, answer: other.answer[language], citation: citation(other) }] : [];
    });
    const alternatives = fact.related
      .map((id) => facts[byId.get(id) ?? -1])
      .filter((f): f is Fact => f !== undefined)
      .slice(0, MAX_SUGGESTIONS)
      .map((f) => ({
        factId: f.id,
        question: f.questions[language][0] ?? f.questions.en[0] ?? f.id,
        score: 0,
      }));
    return {
      answered: true,
      language,
      factId: fact.id,
      score,
      answer: fact.answer[language],
      citation: citation(fact),
      conflicts: differing,
      alternatives,
      nearest: nearest.length ? nearest : [{ factId: fact.id, score }],
    };
  }

  function ask(question: string, options: AskOptions = {}): AnswerResult {
    const detected = detectLanguage(question, options.fallbackLanguage);
    const language = options.language ?? detected;
    const words = queryWords(index, question, detected);
    const matches = matchFacts(index, words, detected, tuning);
    const nearest = matches
      .slice(0, 5)
      .map((m) => ({ factId: facts[m.fact]?.id ?? "", score: round(m.score) }));
    const top = matches[0];
    const topFact = top ? facts[top.fact] : undefined;
    const inScope = hasSubject(words) && !isReverseDirection(question);
    if (top && topFact && inScope && confident(top, topFact, matches)) {
      return answerFact(topFact.id, language, round(top.score), nearest) as AnswerResult;
    }
    return {
      answered: false,
      language,
      score: round(top?.score ?? 0),
      conflicts: [],
      alternatives: suggestions(index, matches, language, tuning.suggest),
      nearest,
    };
  }

  function confident(top: FactMatch, fact: Fact, matches: FactMatch[]): boolean {
    if (top.coverage < tuning.minCoverage || top.score < tuning.minScore) return false;
    const kin = kinOf(fact);
    const rival = matches.find((m) => m !== top && !kin.has(facts[m.fact]?.id ?? ""));
    return !rival || top.score - rival.score >= tuning.margin;
  }

  function sampleQuestions(language: Lang, count: number): Suggestion[] {
    const step = Math.max(1, Math.floor(facts.length / Math.max(count, 1)));
    const picked: Suggestion[] = [];
    for (let i = 0; i < facts.length && picked.length < count; i += step) {
      const fact = facts[i] as Fact;
      const question = fact.questions[language][0];
      if (question) picked.push({ factId: fact.id, question, score: 0 });
    }
    return picked;
  }

  return { ask, answerFact: (id, lang) => answerFact(id, lang), sampleQuestions, knowledge };
}

/** Groups of facts linked by conflicts_with, directly or through others: each group reports one measure. */
function sameMeasure(facts: readonly Fact[], conflicts: Map<string, Set<string>>): Map<string, string[]> {
  const group = new Map<string, string[]>();
  for (const fact of facts) {
    if (group.has(fact.id)) continue;
    const members: string[] = [];
    const queue = [fact.id];
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      if (members.includes(id)) continue;
      members.push(id);
      queue.push(...(conflicts.get(id) ?? []));
    }
    for (const id of members) group.set(id, members);
  }
  return group;
}

/** "Did you mean": the nearest facts that are at least roughly on topic, one question each. */
function suggestions(index: SearchIndex, matches: FactMatch[], language: Lang, least: number): Suggestion[] {
  return matches
    .filter((m) => m.score >= least && m.coverage >= least)
    .slice(0, MAX_SUGGESTIONS)
    .map((m) => {
      const fact = index.facts[m.fact] as Fact;
      const inLanguage = m.bestDoc >= 0 && index.docs.lang[m.bestDoc] === language;
      const question = inLanguage ? questionText(index, m.bestDoc) : (fact.questions[language][0] ?? fact.id);
      return { factId: fact.id, question, score: round(m.score) };
    });
}

/**
 * A question needs a known word, spelt right, that names something: "2+2", "2023" or "how many?" asks
 * about nothing, and a lone guess at a misspelling ("тест" for "мест") is not enough to answer on.
 * A figure the reports give ("9,836") does name something.
 */
function hasSubject(words: QueryWord[]): boolean {
  const names = (token: string) =>
    token !== QUANTITY && (!/^\d+$/.test(token) || (token.length >= 3 && !/^(19|20)\d\d$/.test(token)));
  return words.some((w) => names(w.token) && w.terms.some((t) => t.sure === 1));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
