import { z } from "zod";
import { LANGUAGES } from "../knowledge/types.js";
import type { Logger } from "../logger.js";
import type { Storage } from "../storage/storage.js";
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

const schema = z.object({
  language: z.enum(["auto", ...LANGUAGES]).catch("auto"),
  didYouMean: z.boolean().catch(true),
  quiet: z
    .object({
      from: z.number().int().min(0).max(23),
      to: z.number().int().min(0).max(23),
      offsetMinutes: z.number().int().min(-720).max(840),
    })
    .nullable()
    .catch(null),
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

/**
 * Group settings kept in Storage (so they survive restarts) with a write-through cache:
 * every addressed group message needs them, and this process is their only writer.
 * Reading never fails: when the storage does (Redis down, an unreadable file), the group is answered with the
 * defaults rather than not at all. Writing does fail, so the caller can say the change was not saved.
 */
export function createSettingsStore(
  storage: Storage,
  logger?: Pick<Logger, "warn">,
  ttlMs = 60_000,
): SettingsStore {
  // The TTL lets a change made by another instance sharing Redis show up within a minute.
  const cache = new Map<number, { settings: GroupSettings; until: number }>();
  let nextSweep = 0;
  const remember = (chatId: number, settings: GroupSettings) => {
    const now = Date.now();
    // Groups that went quiet would otherwise stay in the map forever; one pass per TTL is enough.
    if (now >= nextSweep) {
      for (const [id, entry] of cache) if (entry.until <= now) cache.delete(id);
      nextSweep = now + ttlMs;
    }
    cache.set(chatId, { settings, until: now + ttlMs });
  };
  return {
    async get(chatId) {
      const cached = cache.get(chatId);
      if (cached && cached.until > Date.now()) return cached.settings;
      let raw: unknown;
      try {
        raw = await storage.get<unknown>(settingsKey(chatId));
      } catch (error) {
        // Not cached: the stored settings apply again as soon as the storage is back.
        logger?.warn({ err: error, chatId }, "could not read group settings; using the defaults");
        return { ...DEFAULT_SETTINGS };
      }
      // Damaged or older-shaped values fall back field by field instead of failing the group's questions.
      const parsed = raw === undefined ? undefined : schema.safeParse(raw);
      const settings = parsed?.success ? parsed.data : { ...DEFAULT_SETTINGS };
      remember(chatId, settings);
      return settings;
    },
    async set(chatId, settings) {
      await storage.set(settingsKey(chatId), settings);
      remember(chatId, settings);
    },
  };
}
