import type { LogName, LogRecords, Storage } from "./storage.js";

/** In-process storage: for tests and the console chat, where nothing needs to outlive the process. */
export function createMemoryStorage(): Storage {
  const values = new Map<string, string>();
  const logs: { [L in LogName]: LogRecords[L][] } = { unanswered: [], feedback: [] };
  return {
    async get<T>(key: string) {
      const raw = values.get(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    async set(key, value) {
      values.set(key, JSON.stringify(value));
    },
    async delete(key) {
      values.delete(key);
    },
    async append(log, record) {
      logs[log].push(structuredClone(record));
    },
    async read(log, since) {
      const from = since?.toISOString() ?? "";
      // Array#sort is stable: records with the same `at` keep their append order.
      return (
        logs[log]
          .filter((r) => r.at >= from)
          // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, V8's Array#sort only asks whether the result is negative
          .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
          .map((r) => structuredClone(r))
      );
    },
    async prune(before) {
      const cut = before.toISOString();
      let dropped = 0;
      for (const name of Object.keys(logs) as LogName[]) {
        const kept = logs[name].filter((r) => r.at >= cut);
        dropped += logs[name].length - kept.length;
        (logs[name] as unknown[]) = kept;
      }
      return dropped;
    },
    async close() {},
  };
}
