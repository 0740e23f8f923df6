import { readdir } from "node:fs/promises";
import { join } from "node:path";

/** A knowledge directory: sources/*.md, facts/*.yaml, and these optional files at its top. */
export const SOURCES_DIR = "sources";
export const FACTS_DIR = "facts";
export const SOURCE_FILE = /\.md$/i;
export const FACT_FILE = /\.ya?ml$/i;

/** Optional: what the knowledge is about. Without it the bot speaks of "published reports" only. */
export const ABOUT_FILE = "about.yaml";

/** Optional: questions the reports do not answer, which the engine keeps apart from the facts. */
export const UNANSWERABLE_FILE = "unanswerable.yaml";

/** Optional: the topic's synonyms, phrases and out-of-scope shapes; without it, words are matched as they are. */
export const LEXICON_FILE = "lexicon.yaml";

/**
 * Optional, written by `npm run calibrate`: which fact the question sets' words asked for (the word model's
 * counts). Without it the engine learns only from the facts' own questions and the unanswerable ones.
 */
export const LEARNED_WORDS_FILE = "learned-words.json";

/**
 * Every file the loader reads in `dir` that is there, in a fixed order, relative to `dir`: what a hash of the
 * knowledge's content must cover (a missing folder is left for the loader to report).
 */
export async function knowledgeFiles(dir: string): Promise<string[]> {
  const listed = async (folder: string, pattern: RegExp) =>
    (await readdir(join(dir, folder)).catch(() => []))
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => join(folder, name));
  const top = new Set(await readdir(dir).catch(() => []));
  return [
    ...(await listed(SOURCES_DIR, SOURCE_FILE)),
    ...(await listed(FACTS_DIR, FACT_FILE)),
    ...[ABOUT_FILE, UNANSWERABLE_FILE, LEXICON_FILE, LEARNED_WORDS_FILE].filter((name) => top.has(name)),
  ];
}
