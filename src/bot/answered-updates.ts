import { z } from "zod";
import type { Storage } from "../storage/storage.js";
import { type DamageReport, readValue } from "../storage/validate.js";

/** Updates answered past the confirmed offset at the last stop: Telegram delivers them again, a restart skips them. */
export interface AnsweredUpdates {
  load(): Promise<number[]>;
  save(updateIds: number[]): Promise<void>;
}

const KEY = "polling:answered-past-offset";
// Telegram keeps an unconfirmed update for 24 hours at most, and may start numbering anew after a quiet week:
// an older list cannot describe updates still to come.
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

const schema = z.object({ at: z.iso.datetime(), ids: z.array(z.number().int()) });

/**
 * Where polling keeps, across a restart, the updates it answered past the offset it confirmed. A damaged
 * list is reported and ignored: at worst those few updates are answered twice.
 */
export function storedAnsweredUpdates(
  storage: Storage,
  { now = () => new Date(), report }: { now?: () => Date; report?: DamageReport } = {},
): AnsweredUpdates {
  return {
    async load() {
      const stored = await readValue(storage, KEY, schema, report);
      if (!stored) return [];
      return now().getTime() - Date.parse(stored.at) > MAX_AGE_MS ? [] : stored.ids;
    },
    async save(ids) {
      await storage.set(KEY, { at: now().toISOString(), ids });
    },
  };
}
