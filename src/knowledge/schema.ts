import { z } from "zod";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoMonth = /^\d{4}-\d{2}$/;

/** True for a real calendar date (rejects 2023-02-30), given as YYYY-MM-DD, YYYY-MM or, when allowed, YYYY. */
export function isValidDate(value: string, precision: "day" | "month" | "year"): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  if (precision === "day" && !d) return false;
  if (precision === "month" && !m) return false;
  const month = m ? Number(m) : 1;
  const day = d ? Number(d) : 1;
  const date = new Date(Date.UTC(Number(y), month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// YAML reads an unquoted 2023 as a number; a maintainer means the year.
const dateText = z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string());
const day = dateText.refine((v) => isoDate.test(v) && isValidDate(v, "day"), {
  message: "must be a calendar date written YYYY-MM-DD",
});
const dayOrMonth = dateText.refine(
  (v) => (isoDate.test(v) || isoMonth.test(v) || /^\d{4}$/.test(v)) && isValidDate(v, "year"),
  { message: "must be a date written YYYY-MM-DD, YYYY-MM or YYYY" },
);
const text = z.string().trim().min(1, { message: "must not be empty" });
const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be kebab-case (a-z, 0-9 and single hyphens)" });

const publishedDate = dateText.refine(
  (v) =>
    (isoDate.test(v) && isValidDate(v, "day")) ||
    (isoMonth.test(v) && isValidDate(v, "month")) ||
    /^\d{4}$/.test(v),
  {
    message:
      "must be a date written YYYY-MM-DD (or YYYY-MM, YYYY when published_note says why the rest is unknown)",
  },
);

export const sourceFrontMatterSchema = z
  .strictObject({
    id: kebabId,
    title: text,
    publisher: text,
    author: text.optional(),
    published: publishedDate,
    published_note: text.optional(),
    url: z.url({ message: "must be an absolute http(s) URL" }),
    language: z.string().regex(/^[a-z]{2}$/, { message: "must be a two-letter language code such as en" }),
    retrieved: day,
    note: text.optional(),
    aliases: z.array(text).optional(),
    not_covered: z.array(z.strictObject({ starts: text, why: text })).optional(),
  })
  // Only the month or the year known: allowed, and shown as such, when the note says why.
  .refine((m) => isoDate.test(m.published) || m.published_note !== undefined, {
    path: ["published"],
    message: "gives no day: add published_note saying why the exact date is unknown",
  });
export type SourceFrontMatter = z.infer<typeof sourceFrontMatterSchema>;

const perLanguage = <T extends z.ZodType>(item: T) => z.strictObject({ en: item, ru: item, uk: item });

export const QUOTE_MIN = 10;
export const QUOTE_MAX = 300;

export const factSchema = z.strictObject({
  id: kebabId,
  source: kebabId,
  quote: z
    .string()
    .trim()
    .min(QUOTE_MIN, { message: `must be at least ${QUOTE_MIN} characters, enough to locate it` })
    .max(QUOTE_MAX, { message: `must be at most ${QUOTE_MAX} characters: quote a short excerpt` }),
  as_of: dayOrMonth,
  attributed_to: text,
  tags: z.array(text).optional(),
  related: z.array(kebabId).optional(),
  agrees_with: z.array(kebabId).optional(),
  conflicts_with: z.array(kebabId).optional(),
  timeline: z.array(kebabId).optional(),
  questions: perLanguage(z.array(text).min(1, { message: "needs at least one question" })),
  answer: perLanguage(text),
});
export type FactEntry = z.infer<typeof factSchema>;

const aboutLanguage = z.strictObject({
  topic: text.max(120, {
    message: "must be at most 120 characters (it is also the bot's short description)",
  }),
  summary: text.max(400, { message: "must be at most 400 characters" }),
  examples: z.array(text).min(1, { message: "needs at least one example question" }).max(5),
});
/** knowledge/about.yaml: what the knowledge is about, per language. */
export const aboutSchema = z.strictObject({ en: aboutLanguage, ru: aboutLanguage, uk: aboutLanguage });

/** knowledge/learned-words.json, as `npm run calibrate` writes it (types.ts: LearnedWords). */
export const learnedWordsSchema = z
  .strictObject({
    classes: z.array(z.string()),
    questions: z.array(z.number().nonnegative()),
    terms: z.record(z.string(), z.array(z.number().nonnegative())),
  })
  .superRefine((words, ctx) => {
    if (words.questions.length !== words.classes.length)
      ctx.addIssue({ code: "custom", path: ["questions"], message: "must have one count per class" });
    for (const [term, pairs] of Object.entries(words.terms)) {
      const bad = pairs.findIndex(
        (n, i) => i % 2 === 0 && !(Number.isInteger(n) && n < words.classes.length),
      );
      if (pairs.length % 2 || bad >= 0)
        ctx.addIssue({
          code: "custom",
          path: ["terms", term],
          message: "must be pairs of a class number and a count",
        });
    }
  });

/** knowledge/unanswerable.yaml: questions people ask that the reports do not answer, per language. */
export const unanswerableSchema = z.strictObject({
  en: z.array(text).optional(),
  ru: z.array(text).optional(),
  uk: z.array(text).optional(),
});

/** One word as questions are compared with it: lower-case letters and digits. */
const lowerWord = z
  .string()
  .trim()
  .regex(/^[\p{Ll}\p{Lo}\p{N}]+$/u, { message: "must be one lower-case word (letters and digits only)" });
const lexiconLanguage = {
  // Each word and each pattern is checked further in lexicon.ts, where its line is reported.
  synonyms: z.array(z.array(z.string())).optional(),
  phrases: z
    .array(
      z.strictObject({
        pattern: text,
        replacement: z
          .string()
          .trim()
          .regex(/^[\p{Ll}\p{Lo}\p{N}]+(?: [\p{Ll}\p{Lo}\p{N}]+)*$/u, {
            message: "must be lower-case words (letters and digits) separated by single spaces",
          }),
      }),
    )
    .optional(),
  out_of_scope: z.array(z.strictObject({ pattern: text, reason: text })).optional(),
  stop_words: z.array(lowerWord).optional(),
  person_words: z.array(lowerWord).optional(),
};
const cyrillicLexicon = z.strictObject({ ...lexiconLanguage, language_words: z.array(lowerWord).optional() });
/** knowledge/lexicon.yaml: the topic's words, per language. */
export const lexiconSchema = z.strictObject({
  en: z.strictObject({ ...lexiconLanguage, organisation_words: z.array(lowerWord).optional() }).optional(),
  ru: cyrillicLexicon.optional(),
  uk: cyrillicLexicon.optional(),
});
export type LexiconFile = z.infer<typeof lexiconSchema>;
