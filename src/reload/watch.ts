import { basename } from "node:path";
import { watch as chokidarWatch } from "chokidar";

/** Something that reports changes under a directory; chokidar in the bot, a fake in tests. */
export type StartWatcher = (
  dir: string,
  onEvent: (path: string) => void,
  onError: (error: unknown) => void,
) => Promise<{ close(): Promise<void> }>;

/** The timers the debounce uses; the real ones in the bot, a hand-driven clock in tests. */
export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const realClock: Clock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

/** chokidar, resolved once its initial scan is done (so a change right after start is not missed). */
export const chokidarWatcher: StartWatcher = async (dir, onEvent, onError) => {
  const watcher = chokidarWatch(dir, { ignoreInitial: true });
  watcher.on("all", (_event, path) => onEvent(path));
  watcher.on("error", onError);
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return { close: () => watcher.close() };
};

export interface KnowledgeWatchOptions {
  dir: string;
  /** Called once per burst of changes, `debounceMs` after the last one. */
  onChange: () => void;
  /** Quiet time after the last file event; editors write a file in several steps. */
  debounceMs?: number;
  onError?: (error: unknown) => void;
  startWatcher?: StartWatcher;
  clock?: Clock;
}

export interface KnowledgeWatch {
  /** Stops watching and drops a pending (debounced) change. */
  close(): Promise<void>;
}

/** Watches the knowledge directory and reports each burst of real edits once. */
export async function watchKnowledge(options: KnowledgeWatchOptions): Promise<KnowledgeWatch> {
  const {
    dir,
    onChange,
    debounceMs = 300,
    onError = () => undefined,
    startWatcher = chokidarWatcher,
    clock = realClock,
  } = options;
  let timer: unknown;
  let closed = false;
  const onEvent = (path: string) => {
    if (closed || (path !== dir && isEditorNoise(path))) return;
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      timer = undefined;
      onChange();
    }, debounceMs);
  };
  const watcher = await startWatcher(dir, onEvent, onError);
  return {
    async close() {
      closed = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      await watcher.close();
    },
  };
}

/**
 * Swap files, backups and lock files that editors write next to the real one; they never hold knowledge.
 * Other dot-files are not ignored: Kubernetes mounts a ConfigMap through a "..data" symlink it swaps on update.
 */
export function isEditorNoise(path: string): boolean {
  return /^\.#|\.sw[a-p]$|~$|^#.*#$|\.tmp$|^4913$|^\.DS_Store$/i.test(basename(path));
}
