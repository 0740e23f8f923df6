import { pino } from "pino";
import { summarize } from "../../src/answer/knowledge-summary.js";
import type { Engine } from "../../src/answer/types.js";
import type { LoadResult } from "../../src/knowledge/load.js";
import type { Problem } from "../../src/knowledge/problems.js";
import type { Fact, Knowledge, Source } from "../../src/knowledge/types.js";
import { inProcessBuild } from "../../src/reload/build.js";
import { digestKnowledge } from "../../src/reload/diff.js";
import type { ReloadLogger } from "../../src/reload/reloader.js";

export const source = (id = "src-a", overrides: Partial<Source> = {}): Source => ({
  id,
  title: "Title",
  publisher: "Publisher",
  published: "2024-01-04",
  url: `https://example.org/${id}`,
  language: "en",
  retrieved: "2026-11-23",
  text: "article text",
  file: `knowledge/sources/${id}.md`,
  ...overrides,
});

export const fact = (id: string, overrides: Partial<Fact> = {}): Fact => ({
  id,
  source: "src-a",
  quote: "article text",
  asOf: "2024-01",
  attributedTo: "Publisher",
  tags: [],
  related: [],
  agreesWith: [],
  conflictsWith: [],
  timeline: [],
  questions: { en: [`what is ${id}`], ru: [`что такое ${id}`], uk: [`що таке ${id}`] },
  answer: { en: `${id} is a thing.`, ru: `${id} это вещь.`, uk: `${id} це річ.` },
  file: "knowledge/facts/x.yaml",
  line: 1,
  ...overrides,
});

export const knowledge = (facts: Fact[], sources: Source[] = [source()]): Knowledge => ({
  sources: new Map(sources.map((s) => [s.id, s])),
  facts,
});

export const ids = (n: number, prefix = "fact") =>
  Array.from({ length: n }, (_, i) => fact(`${prefix}-${i}`));

/** A stand-in engine: enough to tell which knowledge is being served (served()). */
export function fakeEngine(k: Knowledge): Engine & { from: Knowledge } {
  return {
    from: k,
    knowledge: summarize(k),
    ask: () => {
      throw new Error("not used");
    },
    answerFact: () => undefined,
    question: () => undefined,
    sampleQuestions: () => [],
  };
}

/** The knowledge a fake engine was made from. */
export const served = (engine: Engine): Knowledge => (engine as ReturnType<typeof fakeEngine>).from;

/** A reloader's `initial`: a fake engine of `k` and its digest. */
export const initialOf = (k: Knowledge) => ({ engine: fakeEngine(k), digest: digestKnowledge(k) });

/** The in-process build with an injected loader, over fake engines unless told otherwise. */
export const fakeBuild = (
  load: (dir: string) => Promise<LoadResult>,
  createEngine: (k: Knowledge) => Engine = fakeEngine,
) => inProcessBuild({ load, createEngine });

export const ok = (k: Knowledge, problems: Problem[] = []): LoadResult => ({ knowledge: k, problems });

export const error = (file: string, line: number, rule = "quote-not-found"): Problem => ({
  file,
  line,
  rule,
  message: "quote not found in source src-a",
  hint: "copy the words exactly",
  severity: "error",
});

/** A real pino logger (its methods need `this`, which a hand-made fake would not catch) writing into `lines`. */
export function recordingLogger() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const levels: Record<number, string> = { 30: "info", 40: "warn", 50: "error" };
  const logger: ReloadLogger = pino(
    { level: "info", base: undefined },
    {
      write(chunk: string) {
        const obj = JSON.parse(chunk) as Record<string, unknown> & { level: number; msg: string };
        lines.push({ level: levels[obj.level] ?? String(obj.level), obj, msg: obj.msg });
      },
    },
  );
  return { logger, lines };
}

/** Resolves when `check` passes, polling; fails with the last error after `timeoutMs`. */
export async function waitFor(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** A clock driven by hand: timers fire only in advance(), in time order, so debounce tests need no sleeps. */
export function manualClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback: () => void, ms: number): unknown {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(timer: unknown) {
      timers.delete(timer as number);
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
    pending: () => timers.size,
  };
}

/** A stand-in for chokidar: the test emits file events; `closed` says whether the watcher was stopped. */
export function fakeWatcher() {
  let emit: ((path: string) => void) | undefined;
  let fail: ((error: unknown) => void) | undefined;
  const state = { started: 0, closed: false };
  return {
    state,
    start: async (_dir: string, onEvent: (path: string) => void, onError: (error: unknown) => void) => {
      state.started++;
      emit = onEvent;
      fail = onError;
      return {
        close: async () => {
          state.closed = true;
        },
      };
    },
    emit: (path: string) => emit?.(path),
    fail: (error: unknown) => fail?.(error),
  };
}
