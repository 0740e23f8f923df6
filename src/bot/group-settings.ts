import { z } from "zod";
import type { ChangeFeed } from "../cluster/cluster.js";
import { LANGUAGES } from "../knowledge/types.js";
import type { Logger } from "../logger.js";
import type { Storage } from "../storage/storage.js";
import { readValue } from "../storage/validate.js";
import type { LanguageSetting } from "./keyboards.js";

export interface QuietHours {
  /** Hour of day (0-23) in the group's offset when the bot goes quiet, and when it speaks again. */
  from: number;
  to: number;
  /** Offset from UTC in minutes (e.g. 120 for +02:00), so a group can say hours in its own time. */
  offsetMinutes: number;
}

export interface GroupSettings {
  language: LanguageSetting;
  didYouMean: boolean;
  quiet: QuietHours | null;
}

export const DEFAULT_SETTINGS: GroupSettings = { language: "auto", didYouMean: true, quiet: null };

// A field missing from an older stored shape takes its default; a field of the wrong type or out of range
// makes the whole value damaged: reported, and the group gets the defaults (as if it had never saved any).
const schema = z.object({
  language: z.enum(["auto", ...LANGUAGES]).default(DEFAULT_SETTINGS.language),
  didYouMean: z.boolean().default(DEFAULT_SETTINGS.didYouMean),
  quiet: z
    .object({
      from: z.number().int().min(0).max(23),
      to: z.number().int().min(0).max(23),
      offsetMinutes: z.number().int().min(-720).max(840),
    })
    .nullable()
    .default(DEFAULT_SETTINGS.quiet),
});

const settingsKey = (chatId: number) => `settings:${chatId}`;

/** Whether `now` falls inside the quiet hours; the range may wrap past midnight (22-07). */
export function isQuiet(quiet: QuietHours | null, now: Date): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  const minutes = (now.getUTCHours() * 60 + now.getUTCMinutes() + quiet.offsetMinutes + 1440 * 2) % 1440;
  const hour = Math.floor(minutes / 60);
  return quiet.from < quiet.to
    ? hour >= quiet.from && hour < quiet.to
    : hour >= quiet.from || hour < quiet.to;
}

/** "22-07", "22:00-07:00 +02:00", "23-8 UTC-5", "off". Undefined when it cannot be read. */
export function parseQuiet(text: string): QuietHours | "off" | undefined {
  const s = text.trim().toLowerCase();
  if (["off", "none", "no", "0"].includes(s)) return "off";
  const m =
    /^(\d{1,2})(?::00)?\s*[-–]\s*(\d{1,2})(?::00)?(?:\s+(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(
      s,
    );
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (from > 23 || to > 23 || from === to) return undefined;
  const sign = m[3] === "-" ? -1 : 1;
  const offsetMinutes = m[3] ? sign * (Number(m[4]) * 60 + Number(m[5] ?? 0)) : 0;
  if (offsetMinutes < -720 || offsetMinutes > 840) return undefined;
  return { from, to, offsetMinutes };
}

const pad = (n: number) => String(n).padStart(2, "0");

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function formatQuiet(quiet: QuietHours): string {
  return `${pad(quiet.from)}:00–${pad(quiet.to)}:00 ${formatOffset(quiet.offsetMinutes)}`;
}

export interface SettingsStore {
  get(chatId: number): Promise<GroupSettings>;
  set(chatId: number, settings: GroupSettings): Promise<void>;
}

export interface SettingsStoreOptions {
  /** How long a cached group's settings are used without reading the storage again. */
  ttlMs?: number;
  /** Present with several instances (REDIS_URL): a change made anywhere drops every instance's cached copy. */
  changes?: ChangeFeed;
}

/**
 * Group settings kept in Storage (so they survive restarts) with a write-through cache: every addressed group
 * message needs them. A single instance is their only writer; several instances hear each other's changes
 * through `changes`, and while that feed is down they read the storage every time instead of trusting the cache.
 * Reading never fails: when the storage does (Redis down, an unreadable file), the group is answered with the
 * defaults rather than not at all. Writing does fail, so the caller can say the change was not saved.
 */
export function createSettingsStore(
  storage: Storage,
  logger?: Pick<Logger, "warn">,
  { ttlMs = 60_000, changes }: SettingsStoreOptions = {},
): SettingsStore {
  // The TTL is a backstop: should a change notice be lost, the cached copy still expires.
  const cache = new Map<string, { settings: GroupSettings; until: number }>();
  // Bumped by every change notice, so a read that started before a change does not cache the old value.
  let epoch = 0;
  changes?.subscribe((key) => {
    epoch++;
    if (key === undefined) cache.clear();
    else cache.delete(key);
  });
  const cacheUsable = () => changes?.live ?? true;
  let nextSweep = 0;
  const remember = (key: string, settings: GroupSettings) => {
    const now = Date.now();
    // Groups that went quiet would otherwise stay in the map forever; one pass per TTL is enough.
    if (now >= nextSweep) {
      for (const [k, entry] of cache) if (entry.until <= now) cache.delete(k);
      nextSweep = now + ttlMs;
    }
    cache.set(key, { settings, until: now + ttlMs });
  };
  return {
    async get(chatId) {
      const key = settingsKey(chatId);
      const cached = cache.get(key);
      if (cached && cached.until > Date.now() && cacheUsable()) return cached.settings;
      const started = epoch;
      let stored: GroupSettings | undefined;
      try {
        stored = await readValue(storage, key, schema, (damage) =>
          logger?.warn(
            { ...damage, chatId },
            `ignored damaged group settings at ${damage.where}: ${damage.reason}; the group gets the defaults ` +
              "until an admin saves new ones with /settings (or fix or delete the stored value)",
          ),
        );
      } catch (error) {
        // Not cached: the stored settings apply again as soon as the storage is back.
        logger?.warn({ err: error, chatId }, "could not read group settings; using the defaults");
        return { ...DEFAULT_SETTINGS };
      }
      const settings = stored ?? { ...DEFAULT_SETTINGS };
      if (epoch === started && cacheUsable()) remember(key, settings);
      return settings;
    },
    async set(chatId, settings) {
      const key = settingsKey(chatId);
      await storage.set(key, settings);
      remember(key, settings);
      // Saved either way; if the notice is lost, other instances catch up when their copy expires.
      await changes
        ?.publish(key)
        .catch((error) => logger?.warn({ err: error, chatId }, "could not announce a settings change"));
    },
  };
}
