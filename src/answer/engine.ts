import { type Fact, type Knowledge, LANGUAGES, type Lang, type Source } from "../knowledge/types.js";
import { predictForest } from "./boosted-trees.js";
import { sourceCitation } from "./citation.js";
import { splitQuestions } from "./compound.js";
import { FEATURE_NAMES, type Features, featureVector } from "./confidence.js";
import { CONFIDENCE_MODEL } from "./confidence-model.js";
import { factLinks } from "./fact-links.js";
import { buildIndex, type SearchIndex } from "./index.js";
import { detectLanguage } from "./language.js";
import { compileLexicon, outOfScope } from "./lexicon.js";
import {
  DEFAULT_MATCH_TUNING,
  type FactMatch,
  type MatchTuning,
  matchFacts,
  type QueryWord,
  queryWords,
  wordCoverage,
} from "./match.js";
import { createNormalizer, type Normalizer, normalizeText, QUANTITY } from "./normalize.js";
import {
  type AnswerType,
  askedTypes,
  asks,
  type Carried,
  carriedBy,
  focusText,
  namedYears,
  personMissing,
} from "./question-type.js";
import { smallTalk } from "./small-talk.js";
import { sourceFacts } from "./source-facts.js";
import { latinToCyrillic } from "./translit.js";
import type { AnswerResult, AskOptions, Citation, Engine, FactAnswer, Suggestion } from "./types.js";

const MAX_SUGGESTIONS = 3;
/** A compound question gets at most this many facts in one reply. */
const MAX_FACTS = 3;
/** Similarity to a listed unanswerable question from which it counts as that question. */
const KNOWN_UNANSWERABLE = 0.9;
/** Only the closest known unanswerable question counts: a short shortlist finds it. */
const UNANSWERABLE_SHORTLIST = 40;
/** How many of the best-scoring facts the confidence model judges for each question. */
const JUDGED = 3;

/** One fact judged for one question: what the confidence model saw and what it said. */
export interface Candidate {
  match: FactMatch;
  fact: Fact;
  features: Features;
  /** Probability that this fact answers the question, from the fitted model. */
  confidence: number;
}

/** How the engine read one question: for `npm run calibrate`, the JSON CLI and debugging. */
export interface Reading {
  language: Lang;
  /** Best candidate first. */
  candidates: Candidate[];
  matches: FactMatch[];
  inScope: boolean;
  /** Why the question is out of scope, from the lexicon's out-of-scope patterns. */
  outOfScope?: string;
}

export interface InspectableEngine extends Engine {
  /** The candidates for one question (or one part of a compound question), best first. */
  inspect(question: string, options?: AskOptions): Reading;
}

/** Whether a fact carries every kind of thing a question asks for (a date for "when", a name for "who"). */
const fits = (asked: AnswerType[], has: Carried | undefined) => asked.every((t) => has?.types.has(t));

/** `tuning` is for experiments and the benchmark; the defaults are what the bot runs with. */
export function createEngine(
  knowledge: Knowledge,
  tuning: MatchTuning = DEFAULT_MATCH_TUNING,
  model = CONFIDENCE_MODEL,
): InspectableEngine {
  if (model.features.join() !== FEATURE_NAMES.join()) {
    throw new Error("the confidence model was fitted on other features: run npm run calibrate");
  }
  // This knowledge's words: every question and fact of this engine is read with its lexicon.
  const lexicon = compileLexicon(knowledge.lexicon);
  const normalizer = createNormalizer(lexicon);
  const detect = (text: string, fallback?: string) => detectLanguage(text, fallback, lexicon.languageWords);
  const facts = [...knowledge.facts, ...sourceFacts(knowledge)];
  const index = buildIndex({ ...knowledge, facts }, normalizer);
  const byId = new Map(facts.map((f, i) => [f.id, i]));
  const carried: Carried[] = facts.map((f) => carriedBy(f, lexicon.organisationWords));
  const unanswerable = unanswerableIndex(knowledge, normalizer);
  // Every question of every fact as words only → the facts that list it: "is this one of their own questions?"
  const asWritten = new Map<string, Set<number>>();
  facts.forEach((fact, i) => {
    for (const lang of LANGUAGES) {
      for (const q of fact.questions[lang]) {
        const key = plain(q);
        asWritten.set(key, (asWritten.get(key) ?? new Set()).add(i));
      }
    }
  });

  function citation(fact: Fact): Citation {
    return sourceCitation(knowledge.sources.get(fact.source) as Source);
  }

  const { conflicts, measures, timelineOf } = factLinks(facts);

  /**
   * The fact and those it names as related, and every fact about the same measure (linked through
   * conflicts_with or timeline, directly or not: two reports of "September 2022" that both differ from
   * "18 August"; the count of calls in 2022, 2023 and 2024).
   * A close runner-up among them is no rival: they answer the same question.
   */
  function kinOf(fact: Fact): Set<string> {
    return new Set([...fact.related, ...(measures.get(fact.id) ?? [fact.id])]);
  }

  function factAnswer(fact: Fact, language: Lang): FactAnswer {
    const differing = [...(conflicts.get(fact.id) ?? [])].flatMap((id) => {
      const other = facts[byId.get(id) ?? -1];
      return other ? [{ factId: other.id, answer: other.answer[language], citation: citation(other) }] : [];
    });
    // The same measure at other dates, oldest first: earlier and later figures, not a disagreement.
    const timeline = (timelineOf.get(fact.id) ?? [])
      .filter((id) => id !== fact.id)
      .flatMap((id) => {
        const other = facts[byId.get(id) ?? -1];
        return other
          ? [
              {
                factId: other.id,
                asOf: other.asOf,
                answer: other.answer[language],
                citation: citation(other),
              },
            ]
          : [];
      })
      .sort((a, b) => a.asOf.localeCompare(b.asOf));
    return {
      factId: fact.id,
      answer: fact.answer[language],
      citation: citation(fact),
      conflicts: differing,
      timeline,
    };
  }

  function answerFact(
    factId: string,
    language: Lang,
    score = 1,
    nearest: AnswerResult["nearest"] = [],
    more: FactAnswer[] = [],
  ): AnswerResult | undefined {
    const fact = facts[byId.get(factId) ?? -1];
    if (!fact) return undefined;
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
      score,
      ...factAnswer(fact, language),
      more,
      alternatives,
      nearest: nearest.length ? nearest : [{ factId: fact.id, score }],
    };
  }

  /** Russian or Ukrainian typed in Latin letters, when the Cyrillic reading knows more of its words. */
  function reading(question: string, fallback?: string): { text: string; lang: Lang; translit: boolean } {
    const lang = detect(question, fallback);
    if (lang !== "en" || /\p{Script=Cyrillic}/u.test(question))
      return { text: question, lang, translit: false };
    const known = (words: QueryWord[]) =>
      words.filter((w) => w.terms.length > 0 && w.token !== QUANTITY).length;
    const asTyped = queryWords(index, question, "en");
    // English with a typo or two is not transliteration: try it only when most words are unknown.
    const unknown = asTyped.filter((w) => w.terms.length === 0).length;
    if (unknown * 2 < asTyped.length) return { text: question, lang, translit: false };
    const readings = (["ru", "uk"] as const).map((to) => {
      const text = latinToCyrillic(question, to);
      return { text, lang: to as Lang, known: known(queryWords(index, text, to)) };
    });
    const best = readings.reduce((a, b) => (b.known > a.known ? b : a));
    return best.known > known(asTyped) && best.known >= 2
      ? { text: best.text, lang: best.lang, translit: true }
      : { text: question, lang, translit: false };
  }

  function inspect(question: string, options: AskOptions = {}): Reading {
    const { text, lang, translit } = reading(question, options.fallbackLanguage);
    const words = queryWords(index, text, lang);
    const matches = matchFacts(index, words, tuning);
    const normal = normalizeText(text);
    const scopeRule = outOfScope(normal, lexicon);
    const inScope = hasSubject(words) && scopeRule === undefined;
    const total = words.reduce((sum, w) => sum + w.idf, 0) || 1;
    const share = (pick: (w: QueryWord, i: number) => number) =>
      words.reduce((sum, w, i) => sum + w.idf * pick(w, i), 0) / total;
    const asked = askedTypes(normal);
    const askedPlain = plain(normal);
    const focusAfter = focusText(normal);
    const focus = focusAfter === undefined ? [] : queryWords(index, focusAfter, lang).slice(0, 2);
    const focusIdf = focus.reduce((sum, w) => sum + w.idf, 0);
    const years = namedYears(normal);
    const asking = asks(normal);
    const topScore = matches[0]?.score ?? 0;
    const known = unanswerable
      ? Math.max(
          0,
          ...matchFacts(
            unanswerable,
            queryWords(unanswerable, text, lang),
            tuning,
            UNANSWERABLE_SHORTLIST,
          ).map((m) => m.question),
        )
      : 0;
    const candidates = matches.slice(0, JUDGED).map((match): Candidate => {
      const fact = facts[match.fact] as Fact;
      const kin = kinOf(fact);
      const rival = matches.find((m) => m !== match && !kin.has(facts[m.fact]?.id ?? ""));
      // "when was it launched": a rival about who launched it, with no date, is no rival.
      const typedRival = matches.find(
        (m) => m !== match && !kin.has(facts[m.fact]?.id ?? "") && fits(asked, carried[m.fact]),
      );
      const sure = wordCoverage(index, words, match.fact, tuning.answerOnly);
      const matched = sure.filter((s) => s > 0).length;
      const has = carried[match.fact] as Carried;
      const features: Features = {
        coverage: match.coverage,
        similarity: match.question,
        "coverage×similarity": match.coverage * match.question,
        exact: asWritten.get(askedPlain)?.has(match.fact) ? 1 : 0,
        lead: match.score - (rival?.score ?? 0),
        "typed-lead": match.score - (typedRival?.score ?? 0),
        behind: topScore - match.score,
        "largest-gap": Math.max(0, ...words.map((w, i) => (w.idf * (1 - (sure[i] ?? 0))) / total)),
        "focus-gap": focusIdf
          ? wordCoverage(index, focus, match.fact, tuning.answerOnly).reduce(
              (gap, s, i) => gap + ((focus[i]?.idf ?? 0) * (1 - s)) / focusIdf,
              0,
            )
          : 0,
        "no-focus": focusAfter === undefined ? 1 : 0,
        "focus-unknown": focus.some((w) => w.terms.length === 0) ? 1 : 0,
        "missing-words": Math.min(sure.filter((s) => s === 0).length, 4) / 4,
        "unknown-words": Math.min(words.filter((w) => w.terms.length === 0).length, 3) / 3,
        unanswerable: known,
        "unanswerable-lead": known - match.question,
        unknown: share((w) => (w.terms.length === 0 ? 1 : 0)),
        typo: share((w, i) => ((sure[i] ?? 0) > 0 && !w.terms.some((t) => t.sure === 1) ? 1 : 0)),
        "one-word": matched <= 1 ? 1 : 0,
        "two-words": matched === 2 ? 1 : 0,
        "type-mismatch": fits(asked, has) ? 0 : 1,
        "year-mismatch": years.some((y) => !has.years.has(y)) ? 1 : 0,
        "person-missing": personMissing(asked, asking, has) ? 1 : 0,
        "reply-missing": asking.reply && has.noReply ? 1 : 0,
        "later-missing": asking.later && has.earlier ? 1 : 0,
        length: Math.min(words.length, 12) / 12,
        ru: lang === "ru" ? 1 : 0,
        uk: lang === "uk" ? 1 : 0,
        transliterated: translit ? 1 : 0,
      };
      return { match, fact, features, confidence: predictForest(model.forest, featureVector(features)) };
    });
    candidates.sort((a, b) => b.confidence - a.confidence);
    return { language: lang, candidates, matches, inScope, ...(scopeRule ? { outOfScope: scopeRule } : {}) };
  }

  /**
   * The confident candidate of one reading, if any. A question (nearly) word for word one that a maintainer
   * listed in knowledge/unanswerable.yaml, and closer to it than to the fact's questions, is never answered:
   * the model learns from similar questions, this is the same one.
   */
  function confident(r: Reading): Candidate | undefined {
    const best = r.candidates[0];
    if (!r.inScope || !best) return undefined;
    const listed = best.features.unanswerable;
    if (listed >= KNOWN_UNANSWERABLE && listed > best.features.similarity) return undefined;
    // One of the fact's own questions, word for word, and no other fact's: what its maintainer wrote it to answer.
    const onlyExact =
      best.features.exact === 1 && r.candidates.filter((c) => c.features.exact === 1).length === 1;
    return onlyExact || best.confidence >= model.answerAt ? best : undefined;
  }

  function ask(question: string, options: AskOptions = {}): AnswerResult {
    const talk = smallTalk(question);
    if (talk) {
      const language = options.language ?? detect(question, options.fallbackLanguage);
      const examples = talk === "ok" || talk === "bye" ? [] : sampleQuestions(language, MAX_SUGGESTIONS);
      return {
        answered: false,
        language,
        score: 0,
        conflicts: [],
        more: [],
        timeline: [],
        alternatives: examples,
        nearest: [],
        smallTalk: talk,
      };
    }
    const whole = inspect(question, options);
    const language = options.language ?? whole.language;
    const nearest = whole.matches
      .slice(0, 5)
      .map((m) => ({ factId: facts[m.fact]?.id ?? "", score: round(m.score) }));

    // The whole message first, then each question in it: "when did it start and who runs it" is two.
    const chosen: Candidate[] = [];
    const take = (c: Candidate | undefined) => {
      if (!c || chosen.length >= MAX_FACTS) return;
      if (chosen.some((o) => o.fact.id === c.fact.id || kinOf(o.fact).has(c.fact.id))) return;
      chosen.push(c);
    };
    take(confident(whole));
    const parts = splitQuestions(question, whole.language);
    if (parts.length > 1) for (const part of parts) take(confident(inspect(part, options)));

    const [first, ...others] = chosen;
    if (first) {
      return answerFact(
        first.fact.id,
        language,
        round(first.confidence),
        nearest,
        others.map((c) => factAnswer(c.fact, language)),
      ) as AnswerResult;
    }
    return {
      answered: false,
      language,
      score: round(whole.candidates[0]?.confidence ?? 0),
      conflicts: [],
      timeline: [],
      more: [],
      alternatives: whole.inScope ? suggestions(whole.candidates, language, model.suggestAt) : [],
      nearest,
    };
  }

  // The example questions of knowledge/about.yaml, each with the fact that answers it (one that does not is
  // left out: an example must work when tapped).
  const examples = new Map(
    LANGUAGES.map((lang) => [
      lang,
      (knowledge.about?.[lang].examples ?? []).flatMap((question): Suggestion[] => {
        const r = ask(question);
        return r.answered && r.factId ? [{ factId: r.factId, question, score: 0 }] : [];
      }),
    ]),
  );

  /** The about.yaml examples first, then facts spread over the knowledge, one question each, no fact twice. */
  function sampleQuestions(language: Lang, count: number): Suggestion[] {
    const picked = (examples.get(language) ?? []).slice(0, count);
    const own = knowledge.facts;
    const step = Math.max(1, Math.floor(own.length / Math.max(count, 1)));
    for (let i = 0; i < own.length && picked.length < count; i += step) {
      const fact = own[i] as Fact;
      const question = fact.questions[language][0];
      if (question && !picked.some((p) => p.factId === fact.id))
        picked.push({ factId: fact.id, question, score: 0 });
    }
    return picked;
  }

  return { ask, inspect, answerFact: (id, lang) => answerFact(id, lang), sampleQuestions, knowledge };
}

/** Text as words only: two questions are the same question when these agree. */
const plain = (text: string) =>
  normalizeText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The known unanswerable questions as an index of their own, one pseudo-fact per question. */
function unanswerableIndex(knowledge: Knowledge, normalizer: Normalizer): SearchIndex | undefined {
  const lists = knowledge.unanswerable;
  if (!lists) return undefined;
  const facts = LANGUAGES.flatMap((lang) =>
    lists[lang].map(
      (q, i): Fact => ({
        id: `unanswerable:${lang}:${i}`,
        source: "",
        quote: "",
        asOf: "",
        attributedTo: "",
        tags: [],
        related: [],
        conflictsWith: [],
        timeline: [],
        questions: { en: [], ru: [], uk: [], [lang]: [q] },
        answer: { en: "", ru: "", uk: "" },
        file: "",
        line: 0,
      }),
    ),
  );
  return facts.length ? buildIndex({ sources: new Map(), facts }, normalizer) : undefined;
}

/** A link list read both ways: fact id → the ids it links to or that link to it. */
/** "Did you mean": the candidates the model finds plausible though not sure enough, one question each. */
function suggestions(candidates: Candidate[], language: Lang, least: number): Suggestion[] {
  return (
    candidates
      .filter((c) => c.confidence >= least)
      .slice(0, MAX_SUGGESTIONS)
      // The fact's first question: a well-formed one, where the closest may be a keyword stub ("kuzminov heli").
      .map(({ fact, confidence }) => ({
        factId: fact.id,
        question: fact.questions[language][0] ?? fact.questions.en[0] ?? fact.id,
        score: round(confidence),
      }))
  );
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
