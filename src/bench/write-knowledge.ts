import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { FACTS_DIR, LEXICON_FILE, SOURCES_DIR } from "../knowledge/files.js";
import type { Knowledge } from "../knowledge/types.js";

/** Facts per file: about what a maintainer keeps in one, and a few hundred KB to parse each. */
const FACTS_PER_FILE = 500;

/**
 * Writes synthetic knowledge (syntheticKnowledge) as a knowledge directory, so the benchmark loads, validates
 * and builds it the way the bot does (in a worker, through the index cache). Its sources and lexicon are the
 * real knowledge's files in `realDir`, which the synthetic facts quote and are read with.
 */
export async function writeKnowledge(knowledge: Knowledge, realDir: string, dir: string): Promise<void> {
  await mkdir(join(dir, FACTS_DIR), { recursive: true });
  await cp(join(realDir, SOURCES_DIR), join(dir, SOURCES_DIR), { recursive: true });
  if (knowledge.lexicon) await cp(join(realDir, LEXICON_FILE), join(dir, LEXICON_FILE));
  for (let at = 0; at < knowledge.facts.length; at += FACTS_PER_FILE) {
    const facts = knowledge.facts.slice(at, at + FACTS_PER_FILE).map((f) => ({
      id: f.id,
      source: f.source,
      quote: f.quote,
      as_of: f.asOf,
      attributed_to: f.attributedTo,
      ...(f.tags.length ? { tags: f.tags } : {}),
      ...(f.related.length ? { related: f.related } : {}),
      ...(f.agreesWith.length ? { agrees_with: f.agreesWith } : {}),
      ...(f.conflictsWith.length ? { conflicts_with: f.conflictsWith } : {}),
      ...(f.timeline.length ? { timeline: f.timeline } : {}),
      questions: f.questions,
      answer: f.answer,
    }));
    const name = `part-${String(at / FACTS_PER_FILE).padStart(4, "0")}.yaml`;
    // No anchors: facts that share a list (their real fact's tags) are written out in full, as a person would.
    await writeFile(
      join(dir, FACTS_DIR, name),
      stringify(facts, { lineWidth: 0, aliasDuplicateObjects: false }),
    );
  }
}
