import { seededRandom } from "../common/seeded-random.js";
import { type Fact, type Knowledge, LANGUAGES, type Lang } from "../knowledge/types.js";

const LATIN = [
  "ka",
  "ro",
  "vin",
  "tal",
  "mer",
  "sov",
  "dra",
  "len",
  "bor",
  "zi",
  "ne",
  "pol",
  "gar",
  "tus",
  "vel",
  "mak",
];
const CYRILLIC = [
  "ка",
  "ро",
  "вин",
  "тал",
  "мер",
  "сов",
  "дра",
  "лен",
  "бор",
  "зи",
  "не",
  "пол",
  "гар",
  "тус",
  "вел",
  "мак",
];

/**
 * How many synthetic facts share one made-up place, each about another subject: a place name alone must
 * not tell facts apart, or retrieval at size would be trivially easy (one unique name a fact).
 */
export const FACTS_PER_PLACE = 10;

/** A made-up place name, in Latin and Cyrillic. */
function placeName(i: number): Record<Lang, string> {
  let latin = "";
  let cyrillic = "";
  let n = i + 17;
  for (let k = 0; k < 3 || n > 0; k++) {
    const s = n % LATIN.length;
    latin += LATIN[s];
    cyrillic += CYRILLIC[s];
    n = Math.floor(n / LATIN.length);
  }
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return { en: cap(latin), ru: cap(cyrillic), uk: cap(cyrillic) };
}

const IN: Record<Lang, string> = { en: "in", ru: "в", uk: "у" };
const placed = (question: string, lang: Lang, place: string, extra = "") =>
  `${[question.replace(/[?.!]\s*$/, ""), IN[lang], place, extra].filter(Boolean).join(" ")}?`;
/**
 * Questions a synthetic fact keeps per language (the real facts have about nine). Five is what a large,
 * bulk-written knowledge base plausibly has, and it keeps the naive baseline at 50,000 facts to about a
 * minute a question, so the whole benchmark fits in five minutes.
 */
const QUESTIONS_PER_LANGUAGE = 5;

/**
 * `size` facts recombined from the real ones: each takes a real fact's questions and answer, adds a
 * place name and a word borrowed from another fact's question, so the vocabulary and the overlap
 * between facts grow as they would in a real, larger knowledge base.
 */
export function syntheticKnowledge(real: Knowledge, size: number, seed = 42): Knowledge {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const facts: Fact[] = [];
  for (let i = 0; i < size; i++) {
    const base = real.facts[i % real.facts.length] as Fact;
    const donor = pick(real.facts);
    const place = placeName(Math.floor(i / FACTS_PER_PLACE));
    const questions = {} as Record<Lang, string[]>;
    const answer = {} as Record<Lang, string>;
    for (const lang of LANGUAGES) {
      const borrowed =
        pick(
          pick(donor.questions[lang])
            .split(/\s+/)
            .filter((w) => w.length > 4),
        ) ?? "";
      questions[lang] = base.questions[lang]
        .slice(0, QUESTIONS_PER_LANGUAGE)
        .map((q) => placed(q, lang, place[lang], borrowed));
      answer[lang] = `${place[lang]}: ${base.answer[lang]}`;
    }
    facts.push({
      ...base,
      id: `${base.id}-${i}`,
      related: [],
      agreesWith: [],
      conflictsWith: [],
      timeline: [],
      questions,
      answer,
    });
  }
  // The real lexicon: the synthetic facts are the real ones recombined, asked about in the same words.
  return { sources: real.sources, facts, lexicon: real.lexicon };
}

/**
 * Questions to measure retrieval at size: for a sample of synthetic facts, one of its real fact's questions
 * that the synthetic fact did not keep (a paraphrase it was not given), placed like its own, with the fact
 * that answers it. Facts whose real fact has no question beyond the kept ones are skipped.
 */
export function heldOutQuestions(
  real: Knowledge,
  size: number,
  count: number,
  seed = 11,
): { question: string; factId: string }[] {
  const random = seededRandom(seed);
  const out: { question: string; factId: string }[] = [];
  for (let tries = 0; out.length < count && tries < count * 10; tries++) {
    const i = Math.floor(random() * size);
    const base = real.facts[i % real.facts.length] as Fact;
    const lang = LANGUAGES[Math.floor(random() * LANGUAGES.length)] as Lang;
    const unkept = base.questions[lang].slice(QUESTIONS_PER_LANGUAGE);
    const q = unkept[Math.floor(random() * unkept.length)];
    if (q)
      out.push({
        question: placed(q, lang, placeName(Math.floor(i / FACTS_PER_PLACE))[lang]),
        factId: `${base.id}-${i}`,
      });
  }
  return out;
}
