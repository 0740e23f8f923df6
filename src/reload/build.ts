import { createEngine as defaultCreateEngine } from "../answer/engine.js";
import type { Engine } from "../answer/types.js";
import { type LoadResult, loadKnowledge } from "../knowledge/load.js";
import type { Problem } from "../knowledge/problems.js";
import type { Knowledge } from "../knowledge/types.js";
import { digestKnowledge, type KnowledgeDigest } from "./diff.js";

/** What building an engine from a knowledge directory gave. */
export interface BuildResult {
  /** The loader's problems: errors, or warnings only. */
  problems: Problem[];
  /** Present when the knowledge loaded without an error: what the reload compares. */
  digest?: KnowledgeDigest;
  /** Present when the engine was built too. */
  engine?: Engine;
  /** Why there is a digest but no engine: building it threw (a bug, not the knowledge's fault). */
  engineFailure?: Problem;
  /** The engine was read from the index cache: nothing was loaded, validated or built. */
  cached?: boolean;
}

/** Loads, validates and builds; may throw only on a bug (the reloader then keeps the engine it has). */
export type BuildEngine = (dir: string) => Promise<BuildResult>;

/**
 * On this thread, from a loader and an engine factory: for tests, which inject both. The bot builds in a
 * worker (worker-build.ts).
 */
export function inProcessBuild({
  load = loadKnowledge,
  createEngine = defaultCreateEngine,
}: {
  load?: (dir: string) => Promise<LoadResult>;
  createEngine?: (knowledge: Knowledge) => Engine;
} = {}): BuildEngine {
  return async (dir) => {
    const loaded = await load(dir);
    const { knowledge, problems } = loaded;
    if (!knowledge || problems.some((p) => p.severity === "error")) return { problems };
    const digest = digestKnowledge(knowledge);
    try {
      return { problems, digest, engine: createEngine(knowledge) };
    } catch (error) {
      return { problems, digest, engineFailure: crashProblem(dir, "engine-failed", error) };
    }
  };
}

export function crashProblem(dir: string, rule: string, error: unknown): Problem {
  return {
    file: dir,
    rule,
    message: error instanceof Error ? error.message : String(error),
    hint: "this is a bug in factline, not in the knowledge: report it with the log",
    severity: "error",
  };
}
