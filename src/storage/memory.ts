import { appendTime, LOG_NAMES, type LogName, type Storage, type StoredRecord } from "./storage.js";

/** In-process storage: for tests and the console chat, where nothing needs to outlive the process. */
export function createMemoryStorage(): Storage {
  const values = new Map<string, string>();
  // Kept as JSON text, as the other backends keep them: a reader gets a copy, never the writer's object.
  const logs = new Map<LogName, { time: number; json: string }[]>(LOG_NAMES.map((log) => [log, []]));
  const logOf = (log: LogName) => logs.get(log) ?? [];
  return {
    async get(key) {
      const raw = values.get(key);
      return raw === undefined ? undefined : JSON.parse(raw);
    },
    async set(key, value) {
      if (value === undefined)
        throw new Error(`storage.set("${key}"): undefined cannot be stored; use delete`);
      values.set(key, JSON.stringify(value));
    },
    async delete(key) {
      values.delete(key);
    },
    where: (key) => `memory key ${key}`,
    async append(log, record) {
      logOf(log).push({ time: appendTime(log, record), json: JSON.stringify(record) });
    },
    async read(log, since) {
      const from = since?.getTime() ?? Number.NEGATIVE_INFINITY;
      // Array#sort is stable: records with the same time keep their append order.
      return logOf(log)
        .map((entry, index) => ({ ...entry, where: `memory log ${log} #${index + 1}` }))
        .filter((entry) => entry.time >= from)
        .sort((a, b) => a.time - b.time)
        .map(({ where, json }): StoredRecord => ({ where, record: JSON.parse(json) }));
    },
    async prune(before) {
      const cut = before.getTime();
      let dropped = 0;
      for (const [log, entries] of logs) {
        const kept = entries.filter((entry) => entry.time >= cut);
        dropped += entries.length - kept.length;
        logs.set(log, kept);
      }
      return dropped;
    },
    async close() {},
  };
}
