import type { Redis } from "ioredis";
import { type Claims, createMemoryClaims } from "./claims.js";

export interface RedisClaimsOptions {
  /** Key prefix: claims live under <prefix>claim:<key>. */
  prefix: string;
  /** Told when Redis fails; the claim is then decided by this process alone. */
  onError?: (error: unknown) => void;
}

/** Claims shared by every instance: SET NX with an expiry, so exactly one instance gets each key. */
export function createRedisClaims(redis: Redis, { prefix, onError }: RedisClaimsOptions): Claims {
  // While Redis is unreachable an instance still answers (a redelivery may then be answered twice) rather
  // than dropping every update; the local claims keep the single-process guarantee meanwhile.
  const fallback = createMemoryClaims();
  return {
    async claim(key, ttlMs) {
      try {
        return (await redis.set(`${prefix}claim:${key}`, "1", "PX", ttlMs, "NX")) === "OK";
      } catch (error) {
        onError?.(error);
        return fallback.claim(key, ttlMs);
      }
    },
  };
}
