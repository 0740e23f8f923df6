/**
 * First-come claims on a key for a while: "has this update been taken", "was this notice sent in this window".
 * In memory they hold within one process; in Redis (redis-claims.ts) across every instance.
 */
export interface Claims {
  /** True for the first claim of `key` within `ttlMs`; false for every later one until it expires. */
  claim(key: string, ttlMs: number): Promise<boolean>;
}

export interface MemoryClaimsOptions {
  /** Past this many keys the oldest claims are forgotten first, so memory stays bounded. */
  maxKeys?: number;
  now?: () => number;
}

/** Claims held by this process alone: the behaviour of a single instance, and the fallback when Redis fails. */
export function createMemoryClaims({ maxKeys = 10_000, now = Date.now }: MemoryClaimsOptions = {}): Claims {
  // A Map iterates in insertion order; re-inserting on each claim keeps the oldest claim first.
  const until = new Map<string, number>();
  return {
    async claim(key, ttlMs) {
      const t = now();
      if ((until.get(key) ?? 0) > t) return false;
      until.delete(key);
      until.set(key, t + ttlMs);
      for (const oldest of until.keys()) {
        if (until.size <= maxKeys) break;
        until.delete(oldest);
      }
      return true;
    },
  };
}
