import type { KnowledgeReloader } from "./reloader.js";
import { type Clock, type StartWatcher, watchKnowledge } from "./watch.js";

export interface ReloadTriggersOptions {
  reloader: Pick<KnowledgeReloader, "reload" | "close">;
  /** The knowledge directory, watched when `watch` is on. */
  dir: string;
  /** KNOWLEDGE_WATCH: also reload when files in the directory change. */
  watch: boolean;
  /** Where SIGHUP is listened for; process in the bot, an EventEmitter in tests. */
  signals?: Pick<NodeJS.Process, "on" | "off">;
  logger?: { error: (obj: object, msg: string) => void };
  debounceMs?: number;
  startWatcher?: StartWatcher;
  clock?: Clock;
}

/**
 * For main.ts: reload on SIGHUP and, if asked, on file changes. Returns a function that undoes both and waits
 * for a reload in progress (call it on shutdown). Results are logged by the reloader itself.
 */
export async function startReloadTriggers(options: ReloadTriggersOptions): Promise<() => Promise<void>> {
  const { reloader, dir, watch, signals = process, logger } = options;
  const onHangup = () => void reloader.reload({ trigger: "SIGHUP" });
  signals.on("SIGHUP", onHangup);
  const watching = watch
    ? await watchKnowledge({
        dir,
        onChange: () => void reloader.reload({ trigger: "watch" }),
        debounceMs: options.debounceMs,
        // Called as a method: pino's log functions need their logger as `this`.
        onError: (error) => logger?.error({ err: error, dir }, "knowledge watcher failed"),
        startWatcher: options.startWatcher,
        clock: options.clock,
      })
    : undefined;
  return async () => {
    signals.off("SIGHUP", onHangup);
    await watching?.close();
    await reloader.close();
  };
}
