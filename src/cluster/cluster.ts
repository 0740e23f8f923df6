import type { Claims } from "./claims.js";

/** Tells every instance that a stored value changed, so each drops its cached copy. */
export interface ChangeFeed {
  /** Announces a change of `key` to every instance, this one included. */
  publish(key: string): Promise<void>;
  /**
   * `key` undefined: changes may have been missed (the feed reconnected), so everything cached is suspect.
   * Returns a function that unsubscribes.
   */
  subscribe(listener: (key: string | undefined) => void): () => void;
  /** False while the feed is disconnected: a cache must not be trusted then, since changes go unheard. */
  readonly live: boolean;
}

/** The rate-limit counter client @grammyjs/ratelimiter accepts as its storageClient. */
export interface RateLimitClient {
  incr(key: string): Promise<number>;
  pexpire(key: string, milliseconds: number): Promise<number>;
}

/**
 * What several instances of the bot share beyond Storage, so that behind one webhook URL they act as one bot:
 * who took an update, which settings changed, how many questions a person asked. Present when REDIS_URL is set.
 */
export interface Cluster {
  claims: Claims;
  changes: ChangeFeed;
  /** Counters for the ratelimiter plugin, with windows of `windowMs`. */
  rateLimitClient(windowMs: number): RateLimitClient;
  close(): Promise<void>;
}
