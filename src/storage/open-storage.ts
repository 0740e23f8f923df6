import { createFileStorage } from "./file.js";
import { connectRedis, createRedisStorage, redactRedisUrl } from "./redis.js";
import type { DamagedRecord, Storage } from "./storage.js";

export interface StorageConfig {
  /** Directory for the file backend (DATA_DIR, default ./data). */
  dataDir: string;
  /** When set (REDIS_URL), Redis is used instead of files so several instances share state. */
  redisUrl?: string;
  /** Where to report damaged data that was skipped and Redis connection trouble. */
  logger?: { warn: (obj: object, msg: string) => void };
  /** Told about each damaged log record skipped on reading; without it they are logged as warnings. */
  onDamaged?: (damage: DamagedRecord) => void;
}

/** Opens the configured backend: Redis when REDIS_URL is set, files under DATA_DIR otherwise. */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  const { logger } = config;
  const onDamaged =
    config.onDamaged ??
    ((damage: DamagedRecord) =>
      logger?.warn(damage, `skipped a damaged log record at ${damage.where}: ${damage.reason}`));
  if (config.redisUrl) {
    const redis = await connectRedis(config.redisUrl, (error) =>
      logger?.warn({ err: error, redis: redactRedisUrl(config.redisUrl ?? "") }, "redis connection problem"),
    );
    return createRedisStorage(redis, { ownsConnection: true, onDamaged });
  }
  return createFileStorage(config.dataDir, { onDamaged });
}

/** One line saying where state lives, for the start-up log and the gaps report (no password). */
export function describeStorage(config: Pick<StorageConfig, "dataDir" | "redisUrl">): string {
  return config.redisUrl ? `redis ${redactRedisUrl(config.redisUrl)}` : `files under ${config.dataDir}`;
}
