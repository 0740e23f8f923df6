import { join } from "node:path";
import {
  compileEngine,
  type EngineData,
  engineFromData,
  type InspectableEngine,
} from "../../src/answer/engine.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { Knowledge } from "../../src/knowledge/types.js";

/*
 * The repository's knowledge and an engine built from it, for tests that read them in a beforeAll (or at a
 * test file's top), never inside a test. Loaded and compiled once per module instance: under `npm test` each
 * test file has its own, so nothing changes; in a mutation run (vitest.mutate.config.ts, isolate: false) the
 * test files share one, so a mutant's run does not load, validate and build everything again for each file
 * (mutants of loading and building are static there, and skipped, as in a beforeAll). Each caller gets its
 * own copy of the knowledge and its own engine (its own stem cache and buffers) over the shared compiled
 * data, so nothing one test file or mutant does to them reaches another.
 */

const KNOWLEDGE_DIR = join(import.meta.dirname, "../../knowledge");

let loading: Promise<Knowledge> | undefined;
let compiled: Promise<EngineData> | undefined;

async function load(): Promise<Knowledge> {
  const loaded = await loadKnowledge(KNOWLEDGE_DIR);
  if (!loaded.knowledge) throw new Error(`knowledge does not validate: ${JSON.stringify(loaded.problems)}`);
  return loaded.knowledge;
}

export async function realKnowledge(): Promise<Knowledge> {
  loading ??= load();
  return structuredClone(await loading);
}

export async function realEngine(): Promise<InspectableEngine> {
  compiled ??= realKnowledge().then((knowledge) => compileEngine(knowledge));
  return engineFromData(await compiled);
}
