import type { Redis } from "ioredis";
import type { RateLimitClient } from "./cluster.js";

// INCR and the window's expiry in one step. The plugin's own INCR-then-PEXPIRE leaves a counter without an
// expiry if the second command is lost (a crash, a dropped connection), and that person would stay limited
// for good; a key found without an expiry is repaired here as well.
const INCR_IN_WINDOW = `
local hits = redis.call("INCR", KEYS[1])
if hits == 1 or redis.call("PTTL", KEYS[1]) == -1 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
return hits`;

export interface RedisRateLimitOptions {
  /** Key prefix: counters live under <prefix>rate:<bucket>. */
  prefix: string;
  windowMs: number;
  onError?: (error: unknown) => void;
}

/** Per-person question counters shared by every instance, in the shape @grammyjs/ratelimiter accepts. */
export function createRedisRateLimitClient(
  redis: Redis,
  { prefix, windowMs, onError }: RedisRateLimitOptions,
): RateLimitClient {
  return {
    async incr(key) {
      try {
        return Number(await redis.eval(INCR_IN_WINDOW, 1, `${prefix}rate:${key}`, windowMs));
      } catch (error) {
        onError?.(error);
        // Redis unreachable: let the question through (0 is under any limit) rather than fail the update.
        return 0;
      }
    },
    // The plugin sets the window after the first hit; INCR_IN_WINDOW already has.
    pexpire: async () => 1,
  };
}
