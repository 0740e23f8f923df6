import { beforeEach, describe, expect, it } from "vitest";
import { type Candidate, createEngine, type InspectableEngine } from "../../src/answer/engine.js";
import type { Fact, Knowledge, Source } from "../../src/knowledge/types.js";

// What the engine tells the confidence model about each candidate, on a small knowledge of its own: the
// features are computed before any fitted number is used, so they are checked here as values, and the
// model's verdict (which a refit changes) is not.

const source: Source = {
  id: "voa",
  title: "Hotline report",
  publisher: "VOA",
  published: "2024-01-04",
  url: "https://example.org/voa",
  language: "en",
  retrieved: "2024-02-01",
  text: "",
  file: "sources/voa.md",
};
const fact = (
  id: string,
  asOf: string,
  answer: string,
  questions: Fact["questions"],
  fields: Partial<Fact> = {},
): Fact => ({
  id,
  source: "voa",
  quote: "",
  asOf,
  attributedTo: "VOA",
  tags: [],
  related: [],
  agreesWith: [],
  conflictsWith: [],
  timeline: [],
  questions,
  answer: { en: answer, ru: `${answer} (ru)`, uk: `${answer} (uk)` },
  file: "facts/a.yaml",
  line: 1,
  ...fields,
});
const knowledge: Knowledge = {
  sources: new Map([["voa", source]]),
  facts: [
    fact("calls", "2023-12", "According to officials, the hotline received 26,000 calls in 2023.", {
      en: ["How many calls did the hotline receive?", "hotline calls count"],
      ru: ["Сколько звонков получила горячая линия?"],
      uk: ["Скільки дзвінків отримала гаряча лінія?"],
    }),
    fact("pilot", "2023-08", "The pilot Maxim Kuzminov flew the helicopter over the border.", {
      en: ["Who flew the helicopter over the border?"],
      ru: ["Кто перегнал вертолет через границу?"],
      uk: ["Хто перегнав гелікоптер через кордон?"],
    }),
    fact(
      "comment",
      "2023-09",
      "The ministry did not respond to a request for comment about the previous exchange.",
      {
        en: ["Did the ministry comment on the exchange?"],
        ru: ["Прокомментировало ли министерство обмен?"],
        uk: ["Чи прокоментувало міністерство обмін?"],
      },
    ),
    fact("start", "2022-09", "The hotline started in September 2022.", {
      en: ["When did the hotline start?"],
      ru: ["Когда заработала горячая линия?"],
      uk: ["Коли запрацювала гаряча лінія?"],
    }),
  ],
  unanswerable: { en: ["What is the salary of the hotline director?"], ru: [], uk: [] },
};
// Built before each test, not once for the file: a mutation run then checks the building with these tests.
let engine: InspectableEngine;
beforeEach(() => {
  engine = createEngine(knowledge);
});

const candidate = (question: string, factId: string): Candidate => {
  const found = engine.inspect(question).candidates.find((c) => c.factId === factId);
  if (!found) throw new Error(`${factId} is not a candidate for "${question}"`);
  return found;
};
const features = (question: string, factId: string) => candidate(question, factId).features;

describe("the features of a candidate", () => {
  it("a fact's own question: covered, similar, exact, ahead of every other fact", () => {
    const question = "How many calls did the hotline receive?";
    const reading = engine.inspect(question);
    expect(reading).toMatchObject({ language: "en", inScope: true });
    expect(reading.candidates.map((c) => c.factId)[0]).toBe("calls");
    const own = candidate(question, "calls");
    expect(own.features).toMatchObject({
      coverage: 1,
      similarity: 1,
      "coverage×similarity": 1,
      exact: 1,
      behind: 0,
      "largest-gap": 0,
      "focus-gap": 0,
      "no-focus": 0,
      "focus-unknown": 0,
      "missing-words": 0,
      "unknown-words": 0,
      unknown: 0,
      typo: 0,
      "one-word": 0,
      "two-words": 0,
      "type-mismatch": 0,
      "year-mismatch": 0,
      "person-missing": 0,
      "reply-missing": 0,
      "later-missing": 0,
      ru: 0,
      uk: 0,
      transliterated: 0,
    });
    const others = reading.matches.filter((m) => m.fact !== own.match.fact);
    expect(own.features.lead).toBeCloseTo(own.match.score - Math.max(...others.map((m) => m.score)), 9);
    // No other fact gives a figure, which "how many" asks for: no typed rival.
    expect(own.features["typed-lead"]).toBe(own.match.score);
    expect(own.features.length).toBeGreaterThan(0);
    expect(own.features.length).toBeLessThan(1);
    expect(own.features["unanswerable-lead"]).toBeCloseTo(own.features.unanswerable - 1, 9);
  });

  it("another fact sharing a word: behind the best, one word matched, the kind of answer missing", () => {
    const question = "How many calls did the hotline receive?";
    const top = candidate(question, "calls").match.score;
    const other = candidate(question, "start");
    expect(other.features).toMatchObject({ exact: 0, "one-word": 1, "type-mismatch": 1 });
    expect(other.features.behind).toBeCloseTo(top - other.match.score, 9);
    expect(other.features.lead).toBeCloseTo(other.match.score - top, 9);
    expect(other.features["missing-words"]).toBeGreaterThan(0);
    expect(other.features["largest-gap"]).toBeGreaterThan(0);
    expect(other.features["focus-gap"]).toBeGreaterThan(0);
    expect(other.features["coverage×similarity"]).toBeCloseTo(
      other.features.coverage * other.features.similarity,
      9,
    );
  });

  it("a year the fact does not cover", () => {
    expect(features("how many calls did the hotline receive in 2019", "calls")["year-mismatch"]).toBe(1);
    expect(features("how many calls did the hotline receive in 2023", "calls")["year-mismatch"]).toBe(0);
  });

  it("two words matched, no question word, and a reply the fact says never came", () => {
    expect(features("did the ministry reply about the exchange", "comment")).toMatchObject({
      "two-words": 1,
      "one-word": 0,
      "no-focus": 1,
      "reply-missing": 1,
      "later-missing": 0,
    });
  });

  it("a later event, where the fact tells of an earlier one, and a focus word it does not know", () => {
    expect(features("what happened next after the exchange", "comment")).toMatchObject({
      "later-missing": 1,
      "reply-missing": 0,
      "focus-unknown": 1,
    });
  });

  it("a name asked for that the fact does not give, or gives only as the question names it", () => {
    expect(features("what is the name of the hotline founder", "start")["person-missing"]).toBe(1);
    expect(
      features("what was the name of the pilot who flew the helicopter", "pilot")["person-missing"],
    ).toBe(0);
    expect(features("what was the name of pilot kuzminov", "pilot")["person-missing"]).toBe(1);
  });

  it("words the knowledge does not know", () => {
    const f = features("calls hotline zzqxv", "calls");
    expect(f["unknown-words"]).toBeCloseTo(1 / 3, 9);
    expect(f.unknown).toBeGreaterThan(0);
    expect(f.unknown).toBeLessThan(1);
    expect(f["largest-gap"]).toBeCloseTo(f.unknown, 9);
  });

  it("a long question counts up to twelve words", () => {
    const long =
      "how many calls did the hotline receive from soldiers officers pilots sailors mothers wives sons brothers uncles";
    expect(features(long, "calls").length).toBe(1);
  });

  it("Russian typed in Latin letters, read back and found word for word", () => {
    const reading = engine.inspect("skolko zvonkov poluchila goryachaya liniya");
    expect(reading.language).toBe("ru");
    expect(features("skolko zvonkov poluchila goryachaya liniya", "calls")).toMatchObject({
      ru: 1,
      uk: 0,
      transliterated: 1,
      exact: 1,
    });
    expect(features("Скільки дзвінків отримала гаряча лінія?", "calls")).toMatchObject({ uk: 1, ru: 0 });
  });

  it("a question the knowledge lists as unanswered", () => {
    const f = features("What is the salary of the hotline director?", "start");
    expect(f.unanswerable).toBe(1);
    expect(f["unanswerable-lead"]).toBeCloseTo(1 - f.similarity, 9);
  });

  it("the word model: the fact whose questions used the words, and none for an unanswerable question", () => {
    const words = engine.inspect("How many calls did the hotline receive?");
    expect(words.terms).toEqual(expect.arrayContaining(["call", "hotlin", "receiv"]));
    const own = features("How many calls did the hotline receive?", "calls");
    const other = features("How many calls did the hotline receive?", "start");
    expect(own.learned).toBeGreaterThan(other.learned);
    expect(own["learned-share"]).toBe(1);
    expect(other["learned-share"]).toBeCloseTo(other.learned / own.learned, 9);
    // Its own question's word "director" is the unanswerable question's alone among this knowledge's.
    const listed = features("the hotline director's salary", "start");
    expect(listed["learned-none"]).toBeGreaterThan(listed.learned);
    expect(listed["learned-none"]).toBe(features("the hotline director's salary", "calls")["learned-none"]);
    // No fact of this knowledge reports the same measure as another: its kin's share is its own.
    expect(own["learned-kin"]).toBe(own.learned);
  });

  it("the word model: a measure's reports together, and the likeliest fact judged however its words scored", () => {
    const question = "hotline calls received started ministry border";
    expect(engine.inspect(question).candidates.map((c) => c.factId)).not.toContain("pilot");
    // Readers asked about the pilot in this question's very words: the knowledge's learned-words.json says so.
    const { terms } = engine.inspect(question);
    const early = fact("calls-early", "2023-01", "The hotline received 2,000 calls by January 2023.", {
      en: ["How many calls had the hotline received by January?"],
      ru: [],
      uk: [],
    });
    const taught = createEngine({
      ...knowledge,
      facts: [
        ...knowledge.facts.map((f) => (f.id === "calls" ? { ...f, timeline: ["calls-early"] } : f)),
        { ...early, timeline: ["calls"] },
      ],
      learnedWords: {
        classes: ["pilot"],
        questions: [50],
        terms: Object.fromEntries(terms.map((t) => [t, [0, 50]])),
      },
    });
    const reading = taught.inspect(question);
    const pilot = reading.candidates.find((c) => c.factId === "pilot");
    expect(pilot?.features["learned-share"]).toBe(1);
    expect(pilot?.features.behind).toBeGreaterThan(0);
    const calls = taught
      .inspect("How many calls did the hotline receive?")
      .candidates.find((c) => c.factId === "calls");
    const earlyCalls = taught
      .inspect("How many calls did the hotline receive?")
      .candidates.find((c) => c.factId === "calls-early");
    expect(calls?.features["learned-kin"]).toBeCloseTo(
      (calls?.features.learned ?? 0) + (earlyCalls?.features.learned ?? 0),
      9,
    );
    expect(calls?.features["learned-kin"]).toBeGreaterThan(calls?.features.learned ?? 1);
  });
});

describe("a question asking which report says something", () => {
  it("is read without the words that ask for the report, and says so", () => {
    const framed = candidate("Which newspaper first reported how many calls the hotline received?", "calls");
    const plain = candidate("How many calls did the hotline receive?", "calls");
    expect(framed.features["asks-source"]).toBe(1);
    expect(plain.features["asks-source"]).toBe(0);
    // "newspaper", "first" and "reported" are no words the fact lacks.
    expect(framed.features["missing-words"]).toBe(0);
  });

  it("is read as written when it names one of the reports: it asks what that report says", () => {
    expect(features("Which newspaper does VOA quote on the hotline calls?", "calls")["asks-source"]).toBe(0);
  });
});

describe("the language of a question typed in Latin letters", () => {
  it("is told by its frequent words, also when nothing in it is known", () => {
    expect(engine.ask("kak vyuchit angliyskiy bystro").language).toBe("ru");
    expect(engine.ask("yak pryhotuvaty borshch").language).toBe("uk");
    expect(engine.ask("In which country was Kuzminov killed?").language).toBe("en");
    expect(engine.inspect("skilky dzvinkiv otrymala hariacha liniia").language).toBe("uk");
  });
});

describe("what ask() gives back", () => {
  it("a fact's own question word for word: that fact, its citation, and the nearest facts", () => {
    const result = engine.ask("Who flew the helicopter over the border?");
    expect(result).toMatchObject({
      answered: true,
      language: "en",
      factId: "pilot",
      answer: "The pilot Maxim Kuzminov flew the helicopter over the border.",
      citation: { sourceId: "voa", publisher: "VOA", url: "https://example.org/voa" },
      agreements: [],
      conflicts: [],
      timeline: [],
      more: [],
    });
    expect(result.nearest[0]).toEqual({ factId: "pilot", score: expect.any(Number) });
    expect(result.nearest.length).toBeLessThanOrEqual(5);
  });

  it("in the language asked for, whatever the question's", () => {
    const result = engine.ask("Who flew the helicopter over the border?", { language: "uk" });
    expect(result).toMatchObject({ language: "uk", answer: `${knowledge.facts[1]?.answer.en} (uk)` });
  });

  it("two questions in one message: both facts, the second under more", () => {
    const result = engine.ask("When did the hotline start? and Who flew the helicopter over the border?");
    expect(result.factId).toBe("start");
    expect(result.more.map((m) => m.factId)).toEqual(["pilot"]);
  });

  it("small talk: no fact; examples with a greeting, none with thanks", () => {
    const hi = engine.ask("hi");
    expect(hi).toMatchObject({ answered: false, smallTalk: "greeting", nearest: [], score: 0 });
    expect(hi.alternatives.length).toBeGreaterThan(0);
    expect(engine.ask("ok")).toMatchObject({ smallTalk: "ok", alternatives: [] });
    expect(engine.ask("bye")).toMatchObject({ smallTalk: "bye", alternatives: [] });
    expect(engine.ask("привет", { language: "uk" }).language).toBe("uk");
  });

  it("a question with nothing to name gets neither an answer nor suggestions", () => {
    expect(engine.ask("2+2")).toMatchObject({ answered: false, alternatives: [] });
  });
});

describe("questions about a report, and several questions in one", () => {
  const withAuthor = () =>
    createEngine({ ...knowledge, sources: new Map([["voa", { ...source, author: "Jane Doe" }]]) });

  it("a question about the article is answered from its source fact, surely", () => {
    const engine = withAuthor();
    expect(engine.ask("who wrote that VOA piece about the hotline")).toMatchObject({
      answered: true,
      factId: "source:voa:author",
      score: 1,
    });
    expect(engine.ask("when did that VOA piece about the hotline come out")).toMatchObject({
      factId: "source:voa:published",
      score: 1,
    });
    // "Who wrote it and when": the date fact names the outlet and the date, the author fact the author.
    expect(engine.ask("who wrote that VOA piece and when did it come out").factId).toBe("source:voa:author");
  });

  it("not when the question names a year the article is not from, nor without an author fact", () => {
    const inYear = withAuthor().ask("who wrote that VOA piece about the hotline in 2019");
    expect(inYear.answered && inYear.factId === "source:voa:author" && inYear.score === 1).toBe(false);
    const noAuthor = engine.ask("who wrote that VOA piece about the hotline");
    expect(noAuthor.answered && noAuthor.score === 1).toBe(false);
  });

  it("answers each fact once, and at most three", () => {
    const twice = engine.ask("When did the hotline start? and When did the hotline start?");
    expect(twice).toMatchObject({ factId: "start", more: [] });
    const four = engine.ask(
      "When did the hotline start? and Who flew the helicopter over the border? and Did the ministry comment on the exchange? and How many calls did the hotline receive?",
    );
    expect([four.factId, ...four.more.map((m) => m.factId)]).toHaveLength(3);
  });
});

describe("the engine's other questions", () => {
  it("answers a fact by its id, with the related facts' questions, and nothing for an unknown id", () => {
    const related = createEngine({
      ...knowledge,
      facts: knowledge.facts.map((f) => (f.id === "calls" ? { ...f, related: ["start", "pilot"] } : f)),
    });
    expect(related.answerFact("calls", "ru")).toMatchObject({
      answered: true,
      language: "ru",
      score: 1,
      factId: "calls",
      alternatives: [
        { factId: "start", question: "Когда заработала горячая линия?", score: 0 },
        { factId: "pilot", question: "Кто перегнал вертолет через границу?", score: 0 },
      ],
      nearest: [{ factId: "calls", score: 1 }],
    });
    expect(related.answerFact("nope", "en")).toBeUndefined();
  });

  it("titles a fact by its first question in a language, and nothing for an unknown one", () => {
    expect(engine.question("calls", "en")).toBe("How many calls did the hotline receive?");
    expect(engine.question("calls", "uk")).toBe("Скільки дзвінків отримала гаряча лінія?");
    expect(engine.question("nope", "en")).toBeUndefined();
  });

  it("samples questions of different facts, as many as asked for", () => {
    const two = engine.sampleQuestions("en", 2);
    expect(two).toHaveLength(2);
    expect(new Set(two.map((s) => s.factId)).size).toBe(2);
    expect(engine.sampleQuestions("en", 4).map((s) => s.factId)).toEqual([
      "calls",
      "pilot",
      "comment",
      "start",
    ]);
    expect(engine.sampleQuestions("en", 0)).toEqual([]);
  });

  it("tells what it knows: its own facts and the sources", () => {
    expect(engine.knowledge.factIds).toEqual(["calls", "pilot", "comment", "start"]);
    expect([...engine.knowledge.sources.keys()]).toEqual(["voa"]);
    expect(engine.knowledge.about).toBeUndefined();
  });
});
