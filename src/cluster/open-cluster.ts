import type { Redis } from "ioredis";
import { connectRedis, redactRedisUrl } from "../storage/redis.js";
import type { Cluster } from "./cluster.js";
import { createRedisChangeFeed } from "./redis-changes.js";
import { createRedisClaims } from "./redis-claims.js";
import { createRedisRateLimitClient } from "./redis-rate-limit.js";

export interface ClusterOptions {
  redisUrl: string;
  /** Prefix of every key and channel; the storage's own ("factline:") unless tests need them apart. */
  prefix?: string;
  logger?: { warn: (obj: object, msg: string) => void };
}

/** Connects what instances share through Redis (REDIS_URL): two connections, one of them for pub/sub. */
export async function openCluster(options: ClusterOptions): Promise<Cluster> {
  const { redisUrl, prefix = "factline:", logger } = options;
  const redis = redactRedisUrl(redisUrl);
  const connectionProblem = (error: Error) => logger?.warn({ err: error, redis }, "redis connection problem");
  const failed = (what: string) => (error: unknown) =>
    logger?.warn({ err: error, redis }, `redis failed ${what}; this instance decides alone for now`);

  // Every use has a fallback (decide alone), which beats holding an update through reconnection attempts.
  const commands = await connectRedis(redisUrl, { onError: connectionProblem }, { failFast: true });
  let subscriber: Redis | undefined;
  try {
    subscriber = await connectRedis(redisUrl, { onError: connectionProblem }, { failFast: true });
    const changes = await createRedisChangeFeed(
      commands,
      subscriber,
      `${prefix}changes`,
      failed("to resubscribe to changes"),
    );
    const connections = [commands, subscriber];
    return {
      claims: createRedisClaims(commands, { prefix, onError: failed("to claim") }),
      changes,
      rateLimitClient: (windowMs) =>
        createRedisRateLimitClient(commands, { prefix, windowMs, onError: failed("to count a question") }),
      async close() {
        for (const connection of connections) {
          await connection.quit().catch(() => connection.disconnect());
        }
      },
    };
  } catch (error) {
    commands.disconnect();
    subscriber?.disconnect();
    throw error;
  }
}
