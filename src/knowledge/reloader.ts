import { basename } from "node:path";
import { type FSWatcher, watch as watchFiles } from "chokidar";
import { createEngine as defaultCreateEngine } from "../answer/engine.js";
import type { Engine } from "../answer/types.js";
import { type LoadResult, loadKnowledge } from "./load.js";
import { formatProblem, type Problem } from "./problems.js";
import type { Fact, Knowledge } from "./types.js";

/** Fact ids that a reload adds, removes or changes (content or citation, not just its line number). */
export interface ReloadDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface ReloadResult {
  /** True when the new knowledge is now being served. */
  ok: boolean;
  /** Everything the validator found, warnings included; on failure at least one error. */
  problems: Problem[];
  /** What changed (on success) or would have changed (when refused). Empty when the load failed. */
  diff: ReloadDiff;
  /** Set when the new set was valid but removed too many facts and was not forced. */
  refused?: { removed: number; before: number; share: number; maxDrop: number };
  /** Facts served after this reload: the new count on success, the old one otherwise. */
  facts: number;
  /** Facts served before this reload (0 when nothing was loaded yet). */
  previousFacts: number;
}

export interface ReloadOptions {
  /** Apply even when more than maxDrop of the facts would disappear (`/reload force`). */
  force?: boolean;
  /** Why this reload runs (watch, SIGHUP, /reload), for the log. */
  trigger?: string;
}

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
  /** Quiet time after the last file event before reloading; editors write a file in several steps. */
  debounceMs?: number;
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
  /** Starts watching the directory (debounced); resolves once the watcher is ready. */
  watch(): Promise<void>;
  /** Stops the watcher and any pending debounced reload; waits for a reload in progress. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_DROP = 0.2;

export function createKnowledgeReloader(options: KnowledgeReloaderOptions): KnowledgeReloader {
  const {
    dir,
    maxDrop = DEFAULT_MAX_DROP,
    logger,
    onSwap,
    debounceMs = 300,
    load = loadKnowledge,
    createEngine = defaultCreateEngine,
  } = options;
  if (!(maxDrop >= 0 && maxDrop <= 1)) {
    throw new Error(`RELOAD_MAX_DROP must be a share between 0 and 1 (0.2 = 20%), got ${maxDrop}`);
  }
  let engine = options.initial;
  let queue: Promise<unknown> = Promise.resolve();
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

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
    const result: ReloadResult = {
      ok: true,
      problems: loaded.problems,
      diff,
      facts: next.facts.length,
      previousFacts,
    };
    for (const p of loaded.problems)
      logger?.warn({ file: p.file, line: p.line, rule: p.rule }, formatProblem(p));
    if (previous) {
      // The headline, the counts and the full diff (once: the reply to /reload lists the ids in its text).
      const headline = describeReload(result).split("\n")[0] ?? "Knowledge reloaded";
      logger?.info({ trigger, forced: force || undefined, ...countDiff(diff), diff }, headline);
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

  function reload(reloadOptions: ReloadOptions = {}): Promise<ReloadResult> {
    // One reload at a time, in order: a forced /reload right after a watcher reload must run after it.
    const run = queue.then(() => attempt(reloadOptions));
    queue = run.catch(() => undefined);
    return run;
  }

  function schedule() {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void reload({ trigger: "watch" });
    }, debounceMs);
  }

  return {
    current() {
      if (!engine)
        throw new Error(`no knowledge loaded yet from ${dir}: run reload() first (and check its problems)`);
      return engine;
    },
    reload,
    async watch() {
      if (watcher || closed) return;
      watcher = watchFiles(dir, {
        ignoreInitial: true,
        ignored: (path) => path !== dir && isEditorNoise(path),
      });
      watcher.on("all", schedule);
      watcher.on("error", (error) => logger?.error({ err: error, dir }, "knowledge watcher failed"));
      await new Promise<void>((resolve) => watcher?.once("ready", () => resolve()));
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher?.close();
      watcher = undefined;
      await queue;
    },
  };
}

/**
 * Swap files, backups and lock files that editors write next to the real one; they never hold knowledge.
 * Other dot-files are not ignored: Kubernetes mounts a ConfigMap through a "..data" symlink it swaps on update.
 */
function isEditorNoise(path: string): boolean {
  return /^\.#|\.sw[a-p]$|~$|^#.*#$|\.tmp$|^4913$|^\.DS_Store$/i.test(basename(path));
}

function emptyDiff(): ReloadDiff {
  return { added: [], removed: [], changed: [] };
}

function countDiff(diff: ReloadDiff) {
  return { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length };
}

/** Compares fact by fact; a fact whose text is the same but whose cited source changed counts as changed. */
export function diffKnowledge(before: Knowledge | undefined, after: Knowledge): ReloadDiff {
  const old = new Map((before?.facts ?? []).map((f) => [f.id, fingerprint(f, before as Knowledge)]));
  const diff = emptyDiff();
  for (const fact of after.facts) {
    const previous = old.get(fact.id);
    if (previous === undefined) diff.added.push(fact.id);
    else if (previous !== fingerprint(fact, after)) diff.changed.push(fact.id);
    old.delete(fact.id);
  }
  diff.removed.push(...old.keys());
  for (const list of Object.values(diff)) list.sort();
  return diff;
}

// What a user sees of a fact: everything but where it sits in its file, plus the citation it renders with.
function fingerprint(fact: Fact, knowledge: Knowledge): string {
  const { file: _file, line: _line, ...content } = fact;
  const source = knowledge.sources.get(fact.source);
  const citation = source && {
    title: source.title,
    publisher: source.publisher,
    author: source.author,
    published: source.published,
    publishedNote: source.publishedNote,
    url: source.url,
  };
  return JSON.stringify({ content, citation });
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

/**
 * One paragraph for the /reload reply and the log line: the outcome, what changed, and on failure the errors
 * (at most `maxProblems` of them, so a Telegram message stays under its length limit).
 */
export function describeReload(result: ReloadResult, { maxProblems = 15, maxIds = 20 } = {}): string {
  const ids = (list: string[]) =>
    list.length <= maxIds
      ? list.join(", ")
      : `${list.slice(0, maxIds).join(", ")}, … (${list.length - maxIds} more)`;
  const changes = (diff: ReloadDiff) => {
    const lines = (
      [
        ["added", diff.added],
        ["removed", diff.removed],
        ["changed", diff.changed],
      ] as const
    )
      .filter(([, list]) => list.length > 0)
      .map(([label, list]) => `${label} ${list.length}: ${ids(list)}`);
    return lines.length ? lines.join("\n") : "no fact changed";
  };

  if (result.ok) {
    const warnings = result.problems.length;
    return [
      `Knowledge reloaded: ${plural(result.facts, "fact")} (was ${result.previousFacts}).`,
      changes(result.diff),
      ...(warnings ? [`${plural(warnings, "warning")} (see the log or npm run validate).`] : []),
    ].join("\n");
  }
  if (result.refused) {
    const { removed, before, share, maxDrop } = result.refused;
    return [
      `Reload refused: the new knowledge removes ${removed} of ${before} facts (${percent(share)}), more than the ` +
        `allowed ${percent(maxDrop)} (RELOAD_MAX_DROP). Still serving the previous ${plural(before, "fact")}.`,
      changes(result.diff),
      "If this is intended, send /reload force.",
    ].join("\n");
  }
  const errors = result.problems.filter((p) => p.severity === "error");
  const shown = errors.slice(0, maxProblems).map(formatProblem);
  if (errors.length > shown.length) shown.push(`… and ${errors.length - shown.length} more (see the log)`);
  return [
    `Reload failed: ${plural(errors.length, "error")}. Still serving the previous ${plural(result.facts, "fact")}.`,
    ...shown,
    "Fix the files (npm run validate lists every problem); the bot reloads when they are saved.",
  ].join("\n");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

export interface ReloadTriggersOptions {
  reloader: KnowledgeReloader;
  /** KNOWLEDGE_WATCH: also reload when files in the directory change. */
  watch: boolean;
  /** Where SIGHUP is listened for; process in the bot, an EventEmitter in tests. */
  signals?: Pick<NodeJS.Process, "on" | "off">;
}

/**
 * For main.ts: reload on SIGHUP and, if asked, on file changes. Returns a function that undoes both
 * (call it on shutdown). Results are logged by the reloader itself.
 */
export async function startReloadTriggers(options: ReloadTriggersOptions): Promise<() => Promise<void>> {
  const { reloader, watch, signals = process } = options;
  const onHangup = () => void reloader.reload({ trigger: "SIGHUP" });
  signals.on("SIGHUP", onHangup);
  if (watch) await reloader.watch();
  return async () => {
    signals.off("SIGHUP", onHangup);
    await reloader.close();
  };
}
