import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import {
  appendTime,
  type DamagedRecord,
  DamagedValueError,
  LOG_NAMES,
  type LogName,
  type Storage,
  type StoredRecord,
} from "./storage.js";

export interface RedisStorageOptions {
  /** Prepended to every key, so one Redis can serve several bots (or tests) without collisions. */
  prefix?: string;
  /** Whether close() ends the connection (true when the storage opened it). */
  ownsConnection?: boolean;
  /** Told about each log record that could not be read and was skipped. */
  onDamaged?: (damage: DamagedRecord) => void;
}

/**
 * Storage in Redis, so several bot instances behind one webhook share settings and logs:
 * - <prefix>kv:<key>: a string holding the JSON value;
 * - <prefix>log:<log>: a sorted set scored by the record's time in ms, so reading since a date and pruning
 *   before one are single range commands. Members carry a random tag because a sorted set would otherwise
 *   merge two identical records (the same question asked twice in one millisecond).
 */
export function createRedisStorage(redis: Redis, options: RedisStorageOptions = {}): Storage {
  const prefix = options.prefix ?? "factline:";
  const kv = (key: string) => `${prefix}kv:${key}`;
  const logKey = (log: LogName) => `${prefix}log:${log}`;

  return {
    async get(key) {
      const raw = await redis.get(kv(key));
      if (raw === null) return undefined;
      try {
        return JSON.parse(raw) as unknown;
      } catch (error) {
        throw new DamagedValueError(
          key,
          `redis key ${kv(key)}`,
          `invalid JSON (${(error as Error).message}); it was written by something other ` +
            `than factline: fix it or delete it (redis-cli DEL ${kv(key)}) to fall back to the default`,
        );
      }
    },

    async set(key, value) {
      if (value === undefined)
        throw new Error(`storage.set("${key}"): undefined cannot be stored; use delete`);
      await redis.set(kv(key), JSON.stringify(value));
    },

    async delete(key) {
      await redis.del(kv(key));
    },

    where: (key) => `redis key ${kv(key)}`,

    async append(log, record) {
      const time = appendTime(log, record);
      await redis.zadd(logKey(log), time, `${randomBytes(6).toString("hex")} ${JSON.stringify(record)}`);
    },

    async read(log, since) {
      const members = await redis.zrangebyscore(logKey(log), since ? since.getTime() : "-inf", "+inf");
      const records: StoredRecord[] = [];
      for (const member of members) {
        try {
          records.push({
            where: `redis key ${logKey(log)}`,
            record: JSON.parse(member.slice(member.indexOf(" ") + 1)),
          });
        } catch {
          // Only factline writes these keys; a member it cannot parse is skipped rather than failing the report.
          options.onDamaged?.({
            where: `redis key ${logKey(log)}`,
            reason: "a member that is not valid JSON",
          });
        }
      }
      return records;
    },

    async prune(before) {
      let dropped = 0;
      for (const log of LOG_NAMES) {
        // "(" makes the bound exclusive: a record exactly at `before` is kept, as in the other backends.
        dropped += await redis.zremrangebyscore(logKey(log), "-inf", `(${before.getTime()}`);
      }
      return dropped;
    },

    async close() {
      if (!options.ownsConnection) return;
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}

/** The URL with its password replaced, for logs and error messages. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable REDIS_URL)";
  }
}

export interface RedisEvents {
  /** A connection attempt failed after start-up (ioredis keeps reconnecting by itself). */
  onError?: (error: Error) => void;
  /** The connection is ready again. */
  onReady?: () => void;
}

/**
 * Connects and checks the server answers, so a wrong REDIS_URL stops the bot at start with a clear message
 * instead of every question failing later. After that ioredis reconnects by itself, and `events` hear of it.
 */
export async function connectRedis(
  url: string,
  events: RedisEvents = {},
  { failFast = false }: { failFast?: boolean } = {},
): Promise<Redis> {
  // failFast: while disconnected, commands fail at once instead of waiting through reconnection attempts
  // (seconds); for callers with a fallback of their own.
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, enableOfflineQueue: !failFast });
  let lastError: Error | undefined;
  const remember = (error: Error) => {
    lastError = error;
  };
  redis.on("error", remember);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const reason = lastError?.message ?? (error as Error).message;
    throw new Error(
      `REDIS_URL=${redactRedisUrl(url)}: cannot connect (${reason}); check that Redis is running and the URL ` +
        "is right, or unset REDIS_URL to keep the data in files under DATA_DIR",
    );
  }
  redis.off("error", remember);
  // Without an "error" listener ioredis prints every failed reconnect itself.
  redis.on("error", (error: Error) => events.onError?.(error));
  redis.on("ready", () => events.onReady?.());
  return redis;
}
