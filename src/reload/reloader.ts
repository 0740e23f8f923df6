import { createEngine as defaultCreateEngine } from "../answer/engine.js";
import type { Engine } from "../answer/types.js";
import { plural } from "../common/plural.js";
import { DEFAULT_RELOAD_MAX_DROP } from "../config.js";
import { type LoadResult, loadKnowledge } from "../knowledge/load.js";
import { formatProblem, type Problem } from "../knowledge/problems.js";
import type { Knowledge } from "../knowledge/types.js";
import { countDiff, diffKnowledge, emptyDiff, lexiconChanged, type ReloadDiff } from "./diff.js";
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
  /** The engine already serving (built at start-up); without it, current() throws until a reload succeeds. */
  initial?: Engine;
  /** Called after each swap, with the engine now serving. */
  onSwap?: (engine: Engine, result: ReloadResult) => void;
  // Injected in tests; the real loader and engine otherwise.
  load?: (dir: string) => Promise<LoadResult>;
  createEngine?: (knowledge: Knowledge) => Engine;
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
    load = loadKnowledge,
    createEngine = defaultCreateEngine,
  } = options;
  if (!(maxDrop >= 0 && maxDrop <= 1)) {
    throw new Error(`RELOAD_MAX_DROP must be a share between 0 and 1 (0.2 = 20%), got ${maxDrop}`);
  }
  let engine = options.initial;
  let queue: Promise<unknown> = Promise.resolve();

  async function attempt({ force = false, trigger = "manual" }: ReloadOptions): Promise<ReloadResult> {
    const previous = engine?.knowledge;
    const previousFacts = previous?.facts.length ?? 0;
    const failed = (problems: Problem[], diff: ReloadDiff = emptyDiff()): ReloadResult => ({
      ok: false,
      problems,
      diff,
      facts: previousFacts,
      previousFacts,
    });

    let loaded: LoadResult;
    try {
      loaded = await load(dir);
    } catch (error) {
      // The loader promises not to throw on bad input; if it does anyway, the old index must stay.
      loaded = { problems: [crashProblem(dir, "load-crashed", error)] };
    }
    const errors = loaded.problems.filter((p) => p.severity === "error");
    if (!loaded.knowledge || errors.length > 0) {
      const problems = errors.length > 0 ? loaded.problems : [...loaded.problems, noKnowledgeProblem(dir)];
      const result = failed(problems);
      logFailure(result, trigger);
      return result;
    }

    const next = loaded.knowledge;
    const diff = diffKnowledge(previous, next);
    if (previous && previousFacts > 0 && !force) {
      const share = diff.removed.length / previousFacts;
      if (share > maxDrop) {
        const result: ReloadResult = {
          ...failed(loaded.problems, diff),
          refused: { removed: diff.removed.length, before: previousFacts, share, maxDrop },
        };
        logger?.warn({ trigger, ...result.refused, diff }, describeReload(result));
        return result;
      }
    }

    let nextEngine: Engine;
    try {
      // Built completely before the swap: no question ever sees a half-built index.
      nextEngine = createEngine(next);
    } catch (error) {
      const result = failed([...loaded.problems, crashProblem(dir, "engine-failed", error)]);
      logFailure(result, trigger);
      return result;
    }
    engine = nextEngine;
    const lexicon = lexiconChanged(previous, next);
    const result: ReloadResult = {
      ok: true,
      problems: loaded.problems,
      diff,
      ...(lexicon ? { lexiconChanged: true } : {}),
      facts: next.facts.length,
      previousFacts,
    };
    for (const p of loaded.problems)
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
          diff,
        },
        headline,
      );
    } else {
      // The first load: every fact is "added", which says nothing; counts are what an operator checks.
      logger?.info(
        { trigger, facts: next.facts.length, sources: next.sources.size },
        `Knowledge loaded: ${plural(next.facts.length, "fact")} from ${plural(next.sources.size, "source")}.`,
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
      if (!engine)
        throw new Error(`no knowledge loaded yet from ${dir}: run reload() first (and check its problems)`);
      return engine;
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

function crashProblem(dir: string, rule: string, error: unknown): Problem {
  return {
    file: dir,
    rule,
    message: error instanceof Error ? error.message : String(error),
    hint: "this is a bug in factline, not in the knowledge: report it with the log",
    severity: "error",
  };
}

function noKnowledgeProblem(dir: string): Problem {
  return {
    file: dir,
    rule: "load-crashed",
    message: "the loader returned no knowledge and no error",
    hint: "this is a bug in factline, not in the knowledge: report it with the log",
    severity: "error",
  };
}
