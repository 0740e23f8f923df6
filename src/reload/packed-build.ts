import { compileEngine, type EngineData, engineFromData, type InspectableEngine } from "../answer/engine.js";
import type { Problem } from "../knowledge/problems.js";
import type { BuildResult } from "./build.js";
import { crashProblem } from "./build.js";
import { digestKnowledge, type KnowledgeDigest } from "./diff.js";
import { knowledgeKey, writeCached } from "./index-cache.js";
import { pack, unpack } from "./pack.js";

/**
 * A build as it leaves the thread that made it: the engine and its digest packed in one buffer (moved, not
 * copied, to the answering thread, and what the index cache stores), or the problems that stopped it.
 */
export interface PackedBuild {
  problems: Problem[];
  /** When the engine was built: pack() of a Payload. */
  buffer?: ArrayBuffer;
  /** When the knowledge is valid but building the engine threw: its digest, and why. */
  digest?: KnowledgeDigest;
  engineFailure?: Problem;
  /** Why the index cache was not written (an error code such as EACCES); the build itself is fine. */
  cacheError?: string;
}

interface Payload {
  data: EngineData;
  prints: Uint32Array;
  lexicon: string;
  /** The loader's warnings: an engine read from the cache reports them as a fresh load would. */
  problems: Problem[];
}

/**
 * Loads, validates and builds the knowledge in `dir`; with a cacheDir, also stores the result there, unless the
 * files changed while they were read (their key before and after must agree: a watcher reload follows anyway).
 */
export async function buildPacked({
  dir,
  cacheDir,
  onValidated,
}: {
  dir: string;
  cacheDir?: string;
  /** Called once the knowledge is valid, before the engine is built: with the number of facts. */
  onValidated?: (facts: number) => void;
}): Promise<PackedBuild> {
  // Unreadable for the key, the knowledge is still built (and the loader says what it cannot read).
  const keyBefore = cacheDir ? await knowledgeKey(dir).catch(() => undefined) : undefined;
  // Only a build needs the loader (yaml, zod): a start-up from the cache does not pay for importing it.
  const { loadKnowledge } = await import("../knowledge/load.js");
  const { knowledge, problems } = await loadKnowledge(dir);
  if (!knowledge || problems.some((p) => p.severity === "error")) return { problems };
  onValidated?.(knowledge.facts.length);
  const digest = digestKnowledge(knowledge);
  let data: EngineData;
  try {
    data = compileEngine(knowledge);
  } catch (error) {
    return { problems, digest, engineFailure: crashProblem(dir, "engine-failed", error) };
  }
  const payload: Payload = { data, prints: digest.prints, lexicon: digest.lexicon, problems };
  const buffer = pack(payload);
  if (!cacheDir || keyBefore === undefined) return { problems, buffer };
  try {
    const keyAfter = await knowledgeKey(dir);
    if (keyAfter === keyBefore) await writeCached(cacheDir, keyAfter, buffer);
    return { problems, buffer };
  } catch (error) {
    // The code, not the message: the path is DATA_DIR's, which start-up reports on its own if it is unusable.
    const code =
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return { problems, buffer, cacheError: code };
  }
}

/** The engine in a packed build: cheap, for the answering thread. Throws on a damaged buffer. */
export function openPacked(buffer: ArrayBuffer): {
  problems: Problem[];
  digest: KnowledgeDigest;
  engine: InspectableEngine;
} {
  const { data, prints, lexicon, problems } = unpack<Payload>(buffer);
  const engine = engineFromData(data);
  const digest: KnowledgeDigest = {
    // The engine has the ids already; the digest reads them only when the next reload compares.
    get factIds() {
      return engine.knowledge.factIds;
    },
    prints,
    lexicon,
  };
  return { problems, digest, engine };
}

export function fromPacked(built: PackedBuild): BuildResult {
  if (built.buffer) return openPacked(built.buffer);
  return {
    problems: built.problems,
    ...(built.digest ? { digest: built.digest } : {}),
    ...(built.engineFailure ? { engineFailure: built.engineFailure } : {}),
  };
}
