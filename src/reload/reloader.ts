import type { Engine } from "../answer/types.js";
import { plural } from "../common/plural.js";
import { DEFAULT_RELOAD_MAX_DROP } from "../config.js";
import { formatProblem, type Problem } from "../knowledge/problems.js";
import { type BuildEngine, type BuildResult, crashProblem } from "./build.js";
import { cachedBuild } from "./cached-build.js";
import {
  countDiff,
  diffKnowledge,
  emptyDiff,
  type KnowledgeDigest,
  lexiconChanged,
  type ReloadDiff,
} from "./diff.js";
import { describeReload } from "./messages.js";
import type { ReloadOptions, ReloadResult } from "./result.js";

/** The subset of a pino logger used here (pino's Logger fits). */
export interface ReloadLogger {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
}

export interface KnowledgeReloaderOptions {
  dir: string;
  /** Largest share of facts (0..1) a reload may remove without force; RELOAD_MAX_DROP, default 0.2. */
  maxDrop?: number;
  logger?: ReloadLogger;
  /**
   * The engine already serving and the digest of its knowledge; without it, current() throws until a reload
   * succeeds.
   */
  initial?: { engine: Engine; digest: KnowledgeDigest };
  /** Called after each swap, with the engine now serving. */
  onSwap?: (engine: Engine, result: ReloadResult) => void;
  /**
   * Where built engines are kept, keyed by the knowledge's content and the code that builds it (the bot:
   * DATA_DIR/index-cache). None: every reload builds.
   */
  cacheDir?: string;
  /** How an engine is built: by default in a worker thread, through the cache. Tests build in-process. */
  build?: BuildEngine;
}

export interface KnowledgeReloader {
  /**
   * The engine to answer with. Take it once per question and use that reference throughout: a reload
   * swaps the reference, so a question in flight finishes on the index it started with.
   */
  current(): Engine;
  /** Validates the whole directory and swaps the engine only if it is all valid (and not too big a drop). */
  reload(options?: ReloadOptions): Promise<ReloadResult>;
  /** Waits for the reloads asked for so far (for shutdown). */
  close(): Promise<void>;
}

/**
 * Load, validate, diff, check the drop, build, swap: one reload at a time. What starts a reload (file watch,
 * SIGHUP, /reload) lives in triggers.ts; how a result reads, in messages.ts.
 */
export function createKnowledgeReloader(options: KnowledgeReloaderOptions): KnowledgeReloader {
  const {
    dir,
    maxDrop = DEFAULT_RELOAD_MAX_DROP,
    logger,
    onSwap,
    build = cachedBuild({ cacheDir: options.cacheDir, logger }),
  } = options;
  if (!(maxDrop >= 0 && maxDrop <= 1)) {
    throw new Error(`RELOAD_MAX_DROP must be a share between 0 and 1 (0.2 = 20%), got ${maxDrop}`);
  }
  // One reference, swapped whole: a question never sees one knowledge's engine with another's digest.
  let serving = options.initial;
  let queue: Promise<unknown> = Promise.resolve();

  async function attempt({ force = false, trigger = "manual" }: ReloadOptions): Promise<ReloadResult> {
    const previous = serving?.digest;
    const previousFacts = previous?.factIds.length ?? 0;
    const failed = (problems: Problem[], diff: ReloadDiff = emptyDiff()): ReloadResult => ({
      ok: false,
      problems,
      diff,
      facts: previousFacts,
      previousFacts,
    });

    // The old engine answers all the while: loading, validating and building run off this thread.
    let built: BuildResult;
    try {
      built = await build(dir);
    } catch (error) {
      // The loader promises not to throw on bad input; if it does anyway, the old index must stay.
      built = { problems: [crashProblem(dir, "load-crashed", error)] };
    }
    const errors = built.problems.filter((p) => p.severity === "error");
    if (!built.digest || errors.length > 0) {
      const problems = errors.length > 0 ? built.problems : [...built.problems, noKnowledgeProblem(dir)];
      const result = failed(problems);
      logFailure(result, trigger);
      return result;
    }

    // What is left runs on the answering thread: in steps, each a few milliseconds, questions in between.
    await turn();
    const next = built.digest;
    const diff = diffKnowledge(previous, next);
    await turn();
    if (previous && previousFacts > 0 && !force) {
      const share = diff.removed.length / previousFacts;
      if (share > maxDrop) {
        const result: ReloadResult = {
          ...failed(built.problems, diff),
          refused: { removed: diff.removed.length, before: previousFacts, share, maxDrop },
        };
        logger?.warn({ trigger, ...result.refused, diff }, describeReload(result));
        return result;
      }
    }

    // Built completely before the swap: no question ever sees a half-built index.
    const nextEngine = built.engine;
    if (!nextEngine) {
      const why = built.engineFailure ?? crashProblem(dir, "engine-failed", "the build gave no engine");
      const result = failed([...built.problems, why]);
      logFailure(result, trigger);
      return result;
    }
    serving = { engine: nextEngine, digest: next };
    const lexicon = lexiconChanged(previous, next);
    const result: ReloadResult = {
      ok: true,
      problems: built.problems,
      diff,
      ...(lexicon ? { lexiconChanged: true } : {}),
      facts: next.factIds.length,
      previousFacts,
    };
    for (const p of built.problems)
      logger?.warn({ file: p.file, line: p.line, rule: p.rule }, formatProblem(p));
    if (previous) {
      // The headline, the counts and the full diff (once: the reply to /reload lists the ids in its text).
      const headline = describeReload(result).split("\n")[0] ?? "Knowledge reloaded";
      logger?.info(
        {
          trigger,
          forced: force || undefined,
          ...countDiff(diff),
          lexiconChanged: lexicon || undefined,
          cached: built.cached || undefined,
          diff,
        },
        headline,
      );
    } else {
      // The first load: every fact is "added", which says nothing; counts are what an operator checks.
      logger?.info(
        {
          trigger,
          facts: next.factIds.length,
          sources: nextEngine.knowledge.sources.size,
          ...(built.cached ? { cached: true } : {}),
        },
        `Knowledge loaded: ${plural(next.factIds.length, "fact")} from ${plural(nextEngine.knowledge.sources.size, "source")}.`,
      );
    }
    onSwap?.(nextEngine, result);
    return result;
  }

  function logFailure(result: ReloadResult, trigger: string) {
    for (const p of result.problems) {
      // Called as a method: pino's log functions need their logger as `this`.
      logger?.[p.severity === "error" ? "error" : "warn"](
        { file: p.file, line: p.line, rule: p.rule },
        formatProblem(p),
      );
    }
    // Only the headline: the errors themselves were just logged one per line, with their file:line.
    const headline = describeReload(result).split("\n")[0] ?? "Reload failed";
    logger?.error(
      { trigger, errors: result.problems.filter((p) => p.severity === "error").length },
      headline,
    );
  }

  return {
    current() {
      if (!serving)
        throw new Error(`no knowledge loaded yet from ${dir}: run reload() first (and check its problems)`);
      return serving.engine;
    },
    reload(reloadOptions: ReloadOptions = {}) {
      // One reload at a time, in order: a forced /reload right after a watcher reload must run after it.
      const run = queue.then(() => attempt(reloadOptions));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await queue;
    },
  };
}

/** Lets the questions that arrived meanwhile be answered before the next step. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function noKnowledgeProblem(dir: string): Problem {
  return {
    file: dir,
    rule: "load-crashed",
    message: "the loader returned no knowledge and no error",
    hint: "this is a bug in factline, not in the knowledge: report it with the log",
    severity: "error",
  };
}
