import { round } from "../common/round.js";
import {
  type About,
  type Fact,
  type Knowledge,
  LANGUAGES,
  type Lang,
  type Lexicon,
} from "../knowledge/types.js";
import { predictForest } from "./boosted-trees.js";
import { sourceCitation } from "./citation.js";
import { splitQuestions } from "./compound.js";
import { type ConfidenceModel, FEATURE_NAMES, type Features, featureVector } from "./confidence.js";
import { CONFIDENCE_MODEL } from "./confidence-model.js";
import {
  carriesAll,
  type FactTable,
  FLAG,
  factTable,
  factText,
  hasFlag,
  introduces,
  isKin,
  listsQuestion,
  namesYear,
  personMissing,
  plain,
  surnameKey,
  TEXT,
  writtenKey,
} from "./fact-table.js";
import { type IndexData, indexData, searchIndex } from "./index.js";
import { forEachIn, listAt } from "./int-lists.js";
import { type KnowledgeSummary, type SourceInfo, sourceInfo } from "./knowledge-summary.js";
import { detectLanguage } from "./language.js";
import { compileLexicon, outOfScope } from "./lexicon.js";
import {
  closestQuestion,
  contentWords,
  DEFAULT_MATCH_TUNING,
  type FactMatch,
  type MatchTuning,
  matchFacts,
  type QueryWord,
  queryWords,
  resolveWords,
  wordCoverage,
} from "./match.js";
import { createNormalizer, type Normalizer, normalizeText, QUANTITY, type Word } from "./normalize.js";
import {
  askedTypes,
  asks,
  asksDisagreement,
  focusText,
  identitySubject,
  namedNumbers,
  namedYears,
  RELATIVE_STEMS,
} from "./question-type.js";
import { outletNamer, reportReader } from "./report-question.js";
import { smallTalk } from "./small-talk.js";
import { sourceFacts } from "./source-facts.js";
import { withoutSourceFrame } from "./source-frame.js";
import { findString, stringAt } from "./string-table.js";
import { latinLanguage, latinToCyrillic } from "./translit.js";
import type { AnswerResult, AskOptions, Citation, Engine, FactAnswer, Suggestion } from "./types.js";
import {
  type CountedQuestion,
  countWords,
  NONE,
  type WordModelData,
  wordModel,
  wordModelData,
} from "./word-model.js";

const MAX_SUGGESTIONS = 3;
/** A compound question gets at most this many facts in one reply. */
const MAX_FACTS = 3;
/** Similarity to a listed unanswerable question from which it counts as that question. */
const KNOWN_UNANSWERABLE = 0.9;
/** Least confidence for a fact showing two reports' figures to answer a question pitting reports against each other. */
const DISAGREEMENT_AT = 0.1;
/** Only the closest known unanswerable question counts: a short shortlist finds it. */
const UNANSWERABLE_SHORTLIST = 40;
/** How many of the best-scoring facts the confidence model judges for each question (and the word model's). */
const JUDGED = 3;

/** One fact judged for one question: what the confidence model saw and what it said. */
export interface Candidate {
  /** The fact is match.fact, by its number in the engine. */
  match: FactMatch;
  factId: string;
  features: Features;
  /** Probability that this fact answers the question, from the fitted model. */
  confidence: number;
  /** The question asks who or what someone is ("who is X"), and one of the fact's own questions asks that of X. */
  introduces: boolean;
}

/** How the engine read one question: for `npm run calibrate`, the JSON CLI and debugging. */
export interface Reading {
  /** The question as read: Russian or Ukrainian typed in Latin letters back in Cyrillic. */
  text: string;
  language: Lang;
  /** Best candidate first. */
  candidates: Candidate[];
  matches: FactMatch[];
  inScope: boolean;
  /** Content words (after stop words) as the word model reads them, and how many the knowledge never uses. */
  terms: string[];
  words: number;
  unknownWords: number;
  /** Answered yes or no ("did he comment?"). */
  yesNo: boolean;
  /** Pits the reports against each other ("do the sources disagree?", «14 чи 48 мільйонів?»). */
  disagreement: boolean;
  /** Years the question names ("in 2025"). */
  years: number[];
  /** Why the question is out of scope, from the lexicon's out-of-scope patterns. */
  outOfScope?: string;
}

export interface InspectableEngine extends Engine {
  /** The candidates for one question (or one part of a compound question), best first. */
  inspect(question: string, options?: AskOptions): Reading;
}

/**
 * Everything an engine answers from, built once per knowledge: typed arrays, string tables and a little
 * JSON, no Knowledge and no per-question strings. A worker builds it and hands it over in one buffer, and
 * the index cache stores that buffer (src/reload/), so making an engine from it takes milliseconds.
 */
export interface EngineData {
  /** The knowledge's own facts, then the facts made from the sources' front matter. */
  index: IndexData;
  /** knowledge/unanswerable.yaml's questions, one pseudo-fact each. */
  unanswerable?: IndexData;
  facts: FactTable;
  /** How many of the facts are the knowledge's own (they come first). */
  ownFacts: number;
  sources: SourceInfo[];
  about?: Record<Lang, About>;
  /** Read again into a normaliser by each engine: compiled patterns do not travel. */
  lexicon?: Lexicon;
  /** about.yaml's example questions that a fact answers, with its number, per language. */
  examples: Record<Lang, { question: string; fact: number }[]>;
  /** Which fact a question's words ask for: the facts' questions, the unanswerable ones, the sets' counts. */
  words: WordModelData;
}

/** `tuning` is for experiments and the benchmark; the defaults are what the bot runs with. */
export function createEngine(
  knowledge: Knowledge,
  tuning: MatchTuning = DEFAULT_MATCH_TUNING,
  model = CONFIDENCE_MODEL,
): InspectableEngine {
  return engineFromData(compileEngine(knowledge, tuning, model), tuning, model);
}

/** The costly part: reading every question and answer of the knowledge. */
export function compileEngine(
  knowledge: Knowledge,
  tuning: MatchTuning = DEFAULT_MATCH_TUNING,
  model = CONFIDENCE_MODEL,
): EngineData {
  checkModel(model);
  // This knowledge's words: every question and fact of this engine is read with its lexicon.
  const lexicon = compileLexicon(knowledge.lexicon);
  const normalizer = createNormalizer(lexicon);
  const facts = [...knowledge.facts, ...sourceFacts(knowledge)];
  const sources = [...knowledge.sources.values()].map(sourceInfo);
  const asked = (question: string, lang: Lang) => contentWords(normalizer, question, lang).map((w) => w.term);
  const counted: CountedQuestion[] = [
    ...facts.flatMap((f) =>
      LANGUAGES.flatMap((lang) => f.questions[lang].map((q) => ({ terms: asked(q, lang), classes: [f.id] }))),
    ),
    ...LANGUAGES.flatMap((lang) =>
      (knowledge.unanswerable?.[lang] ?? []).map((q) => ({ terms: asked(q, lang), classes: [NONE] })),
    ),
  ];
  const own = countWords(counted);
  const data: EngineData = {
    index: indexData(facts, normalizer),
    unanswerable: unanswerableData(knowledge, normalizer),
    facts: factTable(facts, new Map(sources.map((s, i) => [s.id, i])), lexicon.organisationWords),
    ownFacts: knowledge.facts.length,
    sources,
    ...(knowledge.about ? { about: knowledge.about } : {}),
    ...(knowledge.lexicon ? { lexicon: knowledge.lexicon } : {}),
    examples: { en: [], ru: [], uk: [] },
    words: wordModelData(
      facts.map((f) => f.id),
      own,
      ...(knowledge.learnedWords ? [knowledge.learnedWords] : []),
    ),
  };
  // The example questions of knowledge/about.yaml, each with the fact that answers it (one that does not is
  // left out: an example must work when tapped). Asked once here, not by every engine made from the data.
  const engine = engineFromData(data, tuning, model);
  for (const lang of LANGUAGES) {
    data.examples[lang] = (knowledge.about?.[lang].examples ?? []).flatMap((question) => {
      const r = engine.ask(question);
      return r.answered && r.factId ? [{ question, fact: findString(data.facts.ids, r.factId) }] : [];
    });
  }
  return data;
}

function checkModel(model: ConfidenceModel): void {
  if (model.features.join() !== FEATURE_NAMES.join()) {
    throw new Error("the confidence model was fitted on other features: run npm run calibrate");
  }
}

/**
 * An engine over built data: cheap (a normaliser, scratch space, a few small maps), so it can run on the
 * answering thread between two questions.
 */
export function engineFromData(
  data: EngineData,
  tuning: MatchTuning = DEFAULT_MATCH_TUNING,
  model = CONFIDENCE_MODEL,
): InspectableEngine {
  checkModel(model);
  const lexicon = compileLexicon(data.lexicon);
  const normalizer = createNormalizer(lexicon);
  const detect = (text: string, fallback?: string) => detectLanguage(text, fallback, lexicon.languageWords);
  // Latin letters may type Russian or Ukrainian ("privit yak spravy"): their frequent words tell.
  const detectTyped = (text: string, fallback?: string) => {
    const lang = detect(text, fallback);
    return lang === "en" && !/\p{Script=Cyrillic}/u.test(text) ? (latinLanguage(text) ?? lang) : lang;
  };
  const index = searchIndex(data.index, normalizer);
  const unanswerable = data.unanswerable && searchIndex(data.unanswerable, normalizer);
  const table = data.facts;
  const readReport = reportReader(data.sources, normalizer);
  const namesOutlet = outletNamer(data.sources, normalizer);
  const learned = wordModel(data.words);
  const noneClass = data.words.logPrior.length - 1;
  const idOf = (fact: number) => stringAt(table.ids, fact);
  const text = (fact: number, slot: number) => factText(table, fact, slot);

  const publishedYear = (fact: number) =>
    Number(data.sources[table.source[fact] ?? -1]?.published.slice(0, 4) ?? Number.POSITIVE_INFINITY);

  function citation(fact: number): Citation {
    return sourceCitation(data.sources[table.source[fact] ?? -1] as SourceInfo);
  }

  /** The fact's first question: a well-formed one, where the closest may be a keyword stub ("kuzminov heli"). */
  const firstQuestion = (fact: number, language: Lang) =>
    text(fact, TEXT.question[language]) || text(fact, TEXT.question.en) || idOf(fact);

  function factAnswer(fact: number, language: Lang): FactAnswer {
    const answer = (f: number) => text(f, TEXT.answer[language]);
    const note = (f: number) => ({ factId: idOf(f), answer: answer(f), citation: citation(f) });
    return {
      factId: idOf(fact),
      answer: answer(fact),
      citation: citation(fact),
      agreements: listAt(table.agreements, fact).map(note),
      conflicts: listAt(table.conflicts, fact).map(note),
      // The same measure at other dates, oldest first: earlier and later figures, not a disagreement.
      timeline: listAt(table.timeline, fact).map((f) => ({
        factId: idOf(f),
        asOf: text(f, TEXT.asOf),
        answer: answer(f),
        citation: citation(f),
      })),
    };
  }

  function answerFact(
    factId: string,
    language: Lang,
    score = 1,
    nearest: AnswerResult["nearest"] = [],
    more: FactAnswer[] = [],
  ): AnswerResult | undefined {
    const fact = findString(table.ids, factId);
    if (fact < 0) return undefined;
    const answer = factAnswer(fact, language);
    // A related fact the reply already shows (a report that agrees or differs) is no further question.
    const shown = new Set(
      [...answer.agreements, ...answer.conflicts, ...answer.timeline].map((n) => n.factId),
    );
    const alternatives = listAt(table.related, fact)
      .map((f) => ({ factId: idOf(f), question: firstQuestion(f, language), score: 0 }))
      .filter((s) => !shown.has(s.factId))
      .slice(0, MAX_SUGGESTIONS);
    return {
      answered: true,
      language,
      score,
      ...answer,
      more,
      alternatives,
      nearest: nearest.length ? nearest : [{ factId, score }],
    };
  }

  /** Russian or Ukrainian typed in Latin letters, when the Cyrillic reading knows more of its words. */
  function reading(
    question: string,
    fallback?: string,
  ): { text: string; lang: Lang; translit: boolean; typed?: Word[]; words?: QueryWord[] } {
    const lang = detect(question, fallback);
    if (lang !== "en" || /\p{Script=Cyrillic}/u.test(question))
      return { text: question, lang, translit: false };
    const known = (words: QueryWord[]) =>
      words.filter((w) => w.terms.length > 0 && w.token !== QUANTITY).length;
    // Of the two readings, the one that knows more words exactly, less those it finds only within a typo:
    // "koly zapustyly" is Ukrainian «коли запустили», though a typo finds a word for Russian «колы запустылы».
    const exactness = (words: QueryWord[]) =>
      words.reduce((sum, w) => {
        if (w.token === QUANTITY || w.terms.length === 0) return sum;
        return sum + (w.terms.some((t) => t.sure === 1) ? 1 : -1);
      }, 0);
    const typed = contentWords(normalizer, question, "en");
    const asTyped = resolveWords(index, typed);
    // English with a typo or two is not transliteration: try it only when most words are unknown.
    const unknown = asTyped.filter((w) => w.terms.length === 0).length;
    const asWritten = { text: question, lang, translit: false, typed, words: asTyped };
    const marked = latinLanguage(question);
    if (unknown * 2 < asTyped.length || marked === "en") return asWritten;
    const readings = (["ru", "uk"] as const).map((to) => {
      const text = latinToCyrillic(question, to);
      const words = queryWords(index, text, to);
      const counted = words.filter((w) => w.token !== QUANTITY).length;
      return { text, lang: to as Lang, known: known(words), exact: exactness(words), words: counted };
    });
    const best =
      readings.find((r) => r.lang === marked) ??
      readings.reduce((a, b) => (b.exact > a.exact || (b.exact === a.exact && b.known > a.known) ? b : a));
    // Two known words; or, when no word is known as typed, one known exactly and half the words known:
    // "skilky bulo dzvinkiv" is «скільки було дзвінків», its one content word «дзвінків».
    const typedKnown = known(asTyped);
    const enough = best.known >= 2 || (best.exact >= 1 && best.known * 2 >= best.words && typedKnown === 0);
    if (best.known > typedKnown && enough) return { text: best.text, lang: best.lang, translit: true };
    // Read as typed, but answered in the language its words are: "kak vyuchit angliyskiy" gets Russian.
    return marked ? { ...asWritten, lang: marked } : asWritten;
  }

  function inspect(question: string, options: AskOptions = {}): Reading {
    const read = reading(question, options.fallbackLanguage);
    const { text, lang, translit } = read;
    // "Which outlet reported X" is read as "X": the fact that says X names its report. Not when the question
    // names one of the reports: "which outlets does Factually cite" asks what that report says.
    const framed = withoutSourceFrame(text);
    const rest =
      framed !== undefined && namesOutlet(normalizer.words(normalizeText(text), lang), lang).length === 0
        ? framed
        : undefined;
    // An English question's words are read once, for the language check, and used here and below.
    const content =
      rest === undefined
        ? (read.typed ?? contentWords(normalizer, text, lang))
        : contentWords(normalizer, rest, lang);
    const words = (rest === undefined && read.words) || resolveWords(index, content);
    const matches = matchFacts(index, words, tuning);
    const normal = normalizeText(rest ?? text);
    const scopeRule = outOfScope(normal, lexicon);
    const inScope = hasSubject(words) && scopeRule === undefined;
    const total = words.reduce((sum, w) => sum + w.idf, 0) || 1;
    const share = (pick: (w: QueryWord, i: number) => number) =>
      words.reduce((sum, w, i) => sum + w.idf * pick(w, i), 0) / total;
    const asked = askedTypes(normal, lexicon.asksPerson);
    const plainText = plain(normal);
    const askedKey = writtenKey(plainText);
    const focusAfter = focusText(normal);
    const focus = focusAfter === undefined ? [] : queryWords(index, focusAfter, lang).slice(0, 2);
    const focusIdf = focus.reduce((sum, w) => sum + w.idf, 0);
    const years = namedYears(normal);
    const numbers = namedNumbers(normal);
    const relatives = words.flatMap((w, i) => (RELATIVE_STEMS.has(w.token) ? [i] : []));
    const asking = asks(normal);
    const questionWords = new Set([...asking.words].map(surnameKey));
    const topScore = matches[0]?.score ?? 0;
    const known = unanswerable
      ? closestQuestion(unanswerable, resolveWords(unanswerable, content), UNANSWERABLE_SHORTLIST)
      : 0;
    const terms = content.map((w) => w.term);
    const posterior = learned(terms);
    let learnedFact = 0;
    for (let f = 1; f < noneClass; f++)
      if ((posterior[f] as number) > (posterior[learnedFact] as number)) learnedFact = f;
    const likeliest = Math.max(posterior[learnedFact] ?? 0, posterior[noneClass] as number);
    // The fact the word model finds likeliest is judged too, however few of the question's words it has:
    // people ask about a fact in words earlier readers used, not in those of its own questions.
    const judged = matches.slice(0, JUDGED);
    const learnedMatch = matches.find((m) => m.fact === learnedFact);
    if (learnedMatch && !judged.includes(learnedMatch)) judged.push(learnedMatch);
    // "Who is X": the facts written to introduce X are judged too, however many others name X. Not a report's
    // front matter: "who's the author" asks about a report, which reportFact reads.
    const subject = identitySubject(plainText);
    const introducing = subject
      ? matches.filter((m) => m.fact < data.ownFacts && introduces(table, m.fact, subject))
      : [];
    for (const m of introducing) if (!judged.includes(m)) judged.push(m);
    // Reports of one measure share their readers' words: together they say what one of them alone does not.
    const learnedKin = (fact: number) => {
      // The kin are sorted and may hold the fact itself, or a fact twice (related and agreeing): each counts
      // once, added in the order of the facts.
      let sum = 0;
      let last = -1;
      const add = (f: number) => {
        if (f !== last) sum += posterior[f] as number;
        last = f;
      };
      forEachIn(table.kin, fact, (f) => {
        if (last < fact && fact < f) add(fact);
        add(f);
      });
      if (last < fact) add(fact);
      return sum;
    };
    const candidates = judged.map((match): Candidate => {
      const fact = match.fact;
      const rival = matches.find((m) => m !== match && !isKin(table, fact, m.fact));
      // "when was it launched": a rival about who launched it, with no date, is no rival.
      const typedRival = matches.find(
        (m) => m !== match && !isKin(table, fact, m.fact) && carriesAll(table, m.fact, asked, numbers),
      );
      const sure = wordCoverage(index, words, match.fact, tuning.answerOnly);
      const matched = sure.filter((s) => s > 0).length;
      const relativeMissing = relatives.some((i) => !sure[i]);
      const features: Features = {
        coverage: match.coverage,
        similarity: match.question,
        "coverage×similarity": match.coverage * match.question,
        exact: listsQuestion(table, fact, askedKey) ? 1 : 0,
        lead: match.score - (rival?.score ?? 0),
        "typed-lead": match.score - (typedRival?.score ?? 0),
        behind: topScore - match.score,
        "kin-score":
          matches.slice(0, JUDGED).find((m) => m !== match && isKin(table, fact, m.fact))?.score ?? 0,
        "largest-gap": Math.max(0, ...words.map((w, i) => (w.idf * (1 - (sure[i] ?? 0))) / total)),
        "focus-gap": focusIdf
          ? wordCoverage(index, focus, match.fact, tuning.answerOnly).reduce(
              (gap, s, i) => gap + ((focus[i]?.idf ?? 0) * (1 - s)) / focusIdf,
              0,
            )
          : 0,
        "head-gap": focus[0]
          ? 1 - (wordCoverage(index, focus.slice(0, 1), match.fact, tuning.answerOnly)[0] ?? 0)
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
        "type-mismatch": carriesAll(table, fact, asked, numbers) ? 0 : 1,
        "year-mismatch": years.some((y) => !namesYear(table, fact, Number(y))) ? 1 : 0,
        // The name of "the pilot's wife" is hers: the pilot's does not answer it.
        "person-missing":
          personMissing(table, fact, asked, questionWords) || (asked.includes("person") && relativeMissing)
            ? 1
            : 0,
        "reply-missing": asking.reply && hasFlag(table, fact, FLAG.noReply) ? 1 : 0,
        "contact-missing": asked.includes("contact") && !carriesAll(table, fact, ["contact"]) ? 1 : 0,
        "reason-missing": asked.includes("reason") && !carriesAll(table, fact, ["reason"]) ? 1 : 0,
        "later-missing": asking.later && hasFlag(table, fact, FLAG.earlier) ? 1 : 0,
        "relative-missing": relativeMissing ? 1 : 0,
        "asks-outcome": asking.outcome ? 1 : 0,
        "asks-exact": asking.exact ? 1 : 0,
        "asks-source": rest === undefined ? 0 : 1,
        learned: posterior[fact] ?? 0,
        "learned-none": posterior[noneClass] ?? 0,
        "learned-share": (posterior[fact] ?? 0) / likeliest,
        "learned-kin": learnedKin(fact),
        length: Math.min(words.length, 12) / 12,
        ru: lang === "ru" ? 1 : 0,
        uk: lang === "uk" ? 1 : 0,
        transliterated: translit ? 1 : 0,
      };
      return {
        match,
        factId: idOf(fact),
        features,
        confidence: predictForest(model.forest, featureVector(features)),
        introduces: introducing.includes(match),
      };
    });
    candidates.sort((a, b) => b.confidence - a.confidence);
    return {
      text,
      language: lang,
      candidates,
      matches,
      inScope,
      terms,
      words: words.length,
      unknownWords: words.filter((w) => w.terms.length === 0).length,
      yesNo: asking.yesNo,
      disagreement: asksDisagreement(normal),
      years: years.map(Number),
      ...(scopeRule ? { outOfScope: scopeRule } : {}),
    };
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
    // A source fact's year is the article's: "the Newsweek article published in 2024" is another article,
    // or none. (A fact's claim may name its year only implicitly, "last November": there it is a signal.)
    if (best.match.fact >= data.ownFacts && best.features["year-mismatch"] === 1) return undefined;
    // A year after the fact's report was published, which the fact does not name: no report tells what happened
    // after it was written ("how many visited the site in 2025"), however well the rest matches.
    if (best.features["year-mismatch"] === 1 && r.years.some((y) => y > publishedYear(best.match.fact)))
      return undefined;
    // None of the fact's questions shares a word with this one: the match is only with its answer, which names
    // much in passing ("who was responsible?" finds "no response").
    if (best.features.similarity === 0) return undefined;
    // What was asked is not there at all: a link or number the fact does not give, or the words of a reply
    // where the fact says only that someone was asked (a yes-or-no "did he comment?" it does answer).
    if (best.features["contact-missing"] === 1) return undefined;
    if (best.features["reply-missing"] === 1 && !r.yesNo) return undefined;
    // The name of someone's relative the fact never mentions ("the pilot's wife"): none of the sets' questions
    // with both signals was answerable.
    if (best.features["relative-missing"] === 1 && best.features["person-missing"] === 1) return undefined;
    // One of the fact's own questions, word for word, and no other fact's: what its maintainer wrote it to answer.
    // "Which report is right?": a fact whose reply shows the other report's figure or date answers it, once
    // the model finds it plausible at all. Most such questions name neither figure, so the model alone is unsure.
    if (r.disagreement) {
      const sides = r.candidates.find(
        (c) =>
          c.confidence >= DISAGREEMENT_AT &&
          listAt(table.conflicts, c.match.fact).length + listAt(table.timeline, c.match.fact).length > 0,
      );
      if (sides) return sides;
    }
    // "Who is X", and a fact was written to introduce X (or several, all reports of the same): that fact, as
    // its maintainer meant, though the model finds X's other facts as likely ("who is kuzminov").
    const introducing = r.candidates.filter((c) => c.introduces);
    const introducer = introducing[0];
    if (introducer && introducing.every((c) => isKin(table, introducer.match.fact, c.match.fact)))
      return introducer;
    const onlyExact =
      best.features.exact === 1 && r.candidates.filter((c) => c.features.exact === 1).length === 1;
    return onlyExact || best.confidence >= model.answerAt ? best : undefined;
  }

  function ask(question: string, options: AskOptions = {}): AnswerResult {
    const talk = smallTalk(question);
    if (talk) {
      const language = options.language ?? detectTyped(question, options.fallbackLanguage);
      const examples = talk === "ok" || talk === "bye" ? [] : sampleQuestions(language, MAX_SUGGESTIONS);
      return {
        answered: false,
        language,
        score: 0,
        agreements: [],
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
      .map((m) => ({ factId: idOf(m.fact), score: round(m.score, 3) }));

    // The whole message first, then each question in it: "when did it start and who runs it" is two. A
    // question about a report itself is answered from its source fact, not from the facts it shares words with.
    // The reply follows the message: each fact goes where the first question it answers is, the whole
    // message's fact last if no single question found it.
    const chosen: { fact: number; score: number; order: number }[] = [];
    const take = (fact: number | undefined, score: number, order: number) => {
      if (fact === undefined) return;
      const same = chosen.find((o) => o.fact === fact || isKin(table, o.fact, fact));
      if (same) same.order = Math.min(same.order, order);
      else if (chosen.length < MAX_FACTS) chosen.push({ fact, score, order });
    };
    const takeBest = (reading: Reading, order: number) => {
      const report = reportFact(reading.text, reading.language);
      // Read from the front matter, not judged by the model: as sure as the article is found.
      if (report !== undefined) return take(report, 1, order);
      const best = confident(reading);
      if (best) take(best.match.fact, best.confidence, order);
    };
    const parts = splitQuestions(question, whole.language);
    takeBest(whole, parts.length);
    if (parts.length > 1)
      parts.forEach((part, i) => {
        const reading = inspect(part, options);
        // A part of one word ("how does it happen?") takes its subject from the rest of the message; when the
        // rest names what the knowledge never mentions ("what is photosynthesis and how does it happen?"), the
        // part is about that, not about the fact its one word finds.
        if (reading.words <= 1 && whole.unknownWords > 0) return;
        takeBest(reading, i);
      });

    const [first, ...others] = chosen.sort((a, b) => a.order - b.order);
    if (first) {
      return answerFact(
        idOf(first.fact),
        language,
        round(first.score, 3),
        nearest,
        others.map((c) => factAnswer(c.fact, language)),
      ) as AnswerResult;
    }
    return {
      answered: false,
      language,
      score: round(whole.candidates[0]?.confidence ?? 0, 3),
      agreements: [],
      conflicts: [],
      timeline: [],
      more: [],
      alternatives: whole.inScope ? suggestions(whole.candidates, language, model.suggestAt) : [],
      nearest,
    };
  }

  /**
   * The source fact a question about a report asks for ("who wrote the Newsweek article about …"), when the
   * question names the article and the knowledge has that fact: no author fact where the page names none.
   */
  function reportFact(question: string, lang: Lang): number | undefined {
    const normal = normalizeText(question);
    const report = readReport(normal, lang);
    const source = report && data.sources[report.source];
    if (!report || !source) return undefined;
    if (namedYears(normal).some((year) => !source.published.startsWith(year))) return undefined;
    const fact = (kind: string) => {
      const found = findString(table.ids, `source:${source.id}:${kind}`);
      return found < 0 ? undefined : found;
    };
    if (!report.asks.has("author")) return fact("published");
    // "Who wrote it and where did it come out": without an author, the date fact still names the outlet.
    return fact("author") ?? (report.asks.size > 1 ? fact("published") : undefined);
  }

  /** "Did you mean": the candidates the model finds plausible though not sure enough, one question each. */
  function suggestions(candidates: Candidate[], language: Lang, least: number): Suggestion[] {
    return candidates
      .filter((c) => c.confidence >= least)
      .slice(0, MAX_SUGGESTIONS)
      .map(({ match, factId, confidence }) => ({
        factId,
        question: firstQuestion(match.fact, language),
        score: round(confidence, 3),
      }));
  }

  const examples = new Map(
    LANGUAGES.map((lang) => [
      lang,
      data.examples[lang].map((e): Suggestion => ({ factId: idOf(e.fact), question: e.question, score: 0 })),
    ]),
  );

  /** The about.yaml examples first, then facts spread over the knowledge, one question each, no fact twice. */
  function sampleQuestions(language: Lang, count: number): Suggestion[] {
    const picked = (examples.get(language) ?? []).slice(0, count);
    const own = data.ownFacts;
    const step = Math.max(1, Math.floor(own / Math.max(count, 1)));
    for (let i = 0; i < own && picked.length < count; i += step) {
      const question = text(i, TEXT.question[language]);
      const factId = idOf(i);
      if (question && !picked.some((p) => p.factId === factId)) picked.push({ factId, question, score: 0 });
    }
    return picked;
  }

  let factIds: readonly string[] | undefined;
  const knowledge: KnowledgeSummary = {
    // Made on first use (a button's fact reference): the bot asks for it rarely.
    get factIds() {
      factIds ??= Array.from({ length: data.ownFacts }, (_, i) => idOf(i));
      return factIds;
    },
    sources: new Map(data.sources.map((s) => [s.id, s])),
    ...(data.about ? { about: data.about } : {}),
  };

  return {
    ask,
    inspect,
    answerFact: (id, lang) => answerFact(id, lang),
    question(factId, language) {
      const fact = findString(table.ids, factId);
      return fact < 0 ? undefined : text(fact, TEXT.question[language]) || undefined;
    },
    sampleQuestions,
    knowledge,
  };
}

/** The known unanswerable questions as an index of their own, one pseudo-fact per question. */
function unanswerableData(knowledge: Knowledge, normalizer: Normalizer): IndexData | undefined {
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
        agreesWith: [],
        conflictsWith: [],
        timeline: [],
        questions: { en: [], ru: [], uk: [], [lang]: [q] },
        answer: { en: "", ru: "", uk: "" },
        file: "",
        line: 0,
      }),
    ),
  );
  return facts.length ? indexData(facts, normalizer) : undefined;
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
