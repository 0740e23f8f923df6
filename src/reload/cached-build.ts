import type { BuildEngine } from "./build.js";
import { buildInWorker } from "./build-thread.js";
import { knowledgeKey, readCached } from "./index-cache.js";
import { buildPacked, fromPacked, openPacked } from "./packed-build.js";

export interface CachedBuildOptions {
  /** Where built engines are kept (index-cache.ts); none: always build. */
  cacheDir?: string;
  /**
   * Build in a worker thread (the bot: answering goes on meanwhile), or on this thread (a CLI, which has
   * nothing else to do and would only pay for starting a worker).
   */
  inWorker?: boolean;
  logger?: { warn: (obj: object, msg: string) => void };
}

/**
 * The bot's way to build: from the index cache when the knowledge and the code are unchanged, else load,
 * validate and build off the answering thread; either way what reaches this thread is one buffer that the
 * engine uses as it is. Reading the cache and making the engine from it take milliseconds.
 */
export function cachedBuild({ cacheDir, inWorker = true, logger }: CachedBuildOptions = {}): BuildEngine {
  return async (dir) => {
    if (cacheDir) {
      // The cache only ever saves time: if it cannot even be looked up, the knowledge is built.
      const cached = await knowledgeKey(dir)
        .then((key) => readCached(cacheDir, key))
        .catch(() => undefined);
      if (cached) {
        try {
          return { ...openPacked(cached), cached: true };
        } catch (error) {
          // A file from an older format or damaged on disk: built again below, and overwritten.
          logger?.warn({ err: error, cacheDir }, "index cache unreadable: building the index");
        }
      }
    }
    const built = inWorker ? await buildInWorker({ dir, cacheDir }) : await buildPacked({ dir, cacheDir });
    if (built.cacheError)
      logger?.warn(
        { code: built.cacheError },
        `index cache not written (${built.cacheError}): the next start-up builds the index again`,
      );
    return fromPacked(built);
  };
}
