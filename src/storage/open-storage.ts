import { checkWritableDir, createFileStorage } from "./file.js";
import { createOutageReporter, type OutageLogger } from "./outage-reporter.js";
import { connectRedis, createRedisStorage, redactRedisUrl } from "./redis.js";
import type { DamagedRecord, Storage } from "./storage.js";

export interface StorageConfig {
  /** Directory for the file backend (DATA_DIR, default ./data). */
  dataDir: string;
  /** When set (REDIS_URL), Redis is used instead of files so several instances share state. */
  redisUrl?: string;
  /** Where to report damaged data that was skipped and Redis connection trouble. */
  logger?: OutageLogger;
  /** Told about each damaged log record skipped on reading; without it they are logged as warnings. */
  onDamaged?: (damage: DamagedRecord) => void;
  /**
   * Check now that DATA_DIR can be written (creating it if needed), so the bot refuses to start instead of
   * losing every later vote, setting and unanswered question with a warning each. Readers (gaps) skip it.
   */
  requireWritable?: boolean;
}

/** Opens the configured backend: Redis when REDIS_URL is set, files under DATA_DIR otherwise. */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  const { logger } = config;
  const onDamaged =
    config.onDamaged ??
    ((damage: DamagedRecord) =>
      logger?.warn(damage, `skipped a damaged log record at ${damage.where}: ${damage.reason}`));
  if (config.redisUrl) {
    const outage =
      logger && createOutageReporter({ name: `Redis (${redactRedisUrl(config.redisUrl)})`, logger });
    const redis = await connectRedis(config.redisUrl, {
      onError: (error) => outage?.failed(error),
      onReady: () => outage?.recovered(),
    });
    const storage = createRedisStorage(redis, { ownsConnection: true, onDamaged });
    return {
      ...storage,
      async close() {
        outage?.stop();
        await storage.close();
      },
    };
  }
  if (config.requireWritable) await checkWritableDir(config.dataDir);
  return createFileStorage(config.dataDir, { onDamaged });
}

/** One line saying where state lives, for the start-up log and the gaps report (no password). */
export function describeStorage(config: Pick<StorageConfig, "dataDir" | "redisUrl">): string {
  return config.redisUrl ? `redis ${redactRedisUrl(config.redisUrl)}` : `files under ${config.dataDir}`;
}
