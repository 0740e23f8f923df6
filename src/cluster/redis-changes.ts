import type { Redis } from "ioredis";
import type { ChangeFeed } from "./cluster.js";

/**
 * A change feed over Redis pub/sub. `subscriber` is a connection of its own (a subscribed connection can do
 * nothing else). Messages published while it is disconnected are lost, so the feed is not live then, and on
 * reconnecting it tells its listeners that anything may have changed.
 */
export async function createRedisChangeFeed(
  publisher: Redis,
  subscriber: Redis,
  channel: string,
  onError?: (error: unknown) => void,
): Promise<ChangeFeed> {
  const listeners = new Set<(key: string | undefined) => void>();
  const notify = (key: string | undefined) => {
    for (const listener of listeners) listener(key);
  };
  let live = false;
  subscriber.on("message", (from: string, key: string) => {
    if (from === channel) notify(key);
  });
  await subscriber.subscribe(channel);
  live = true;
  subscriber.on("close", () => {
    live = false;
  });
  // "ready" again means a reconnect. ioredis resubscribes by itself; subscribing here too (harmless) lets the
  // feed count as live only once Redis has confirmed it, and only then are caches told to start over.
  subscriber.on("ready", () => {
    subscriber.subscribe(channel).then(
      () => {
        notify(undefined);
        live = true;
      },
      (error: unknown) => onError?.(error),
    );
  });
  return {
    async publish(key) {
      await publisher.publish(channel, key);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get live() {
      return live;
    },
  };
}
