import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Storage } from "./storage.js";
import { readValue } from "./validate.js";

const SALT_KEY = "privacy:salt";

/** Where a damaged salt is reported before it is replaced (the update's logger in the bot). */
export type SaltWarn = (obj: object, msg: string) => void;

/** One salt lookup per storage, shared by concurrent first votes, so they cannot create two salts. */
const salts = new WeakMap<Storage, Promise<string>>();

const saltSchema = z.string().min(1);

async function loadSalt(storage: Storage, warn?: SaltWarn): Promise<string> {
  // A storage that fails (Redis down, an unreadable file) fails this vote; the next vote tries again.
  // A damaged salt must not block every vote until someone fixes it by hand: it is replaced. Stored votes are
  // untouched; people who voted before get new pseudonyms, so their next vote on a fact counts as another person's.
  const stored = await readValue(storage, SALT_KEY, saltSchema, (damage) =>
    warn?.(
      { ...damage, key: SALT_KEY },
      "the pseudonym salt was damaged; replaced it with a new one (stored votes are kept)",
    ),
  );
  if (stored !== undefined) return stored;
  await storage.set(SALT_KEY, randomBytes(32).toString("hex"));
  // Read back: another instance sharing the storage may have written its salt at the same moment; the one
  // stored last wins. That multi-instance race remains (Storage has no set-if-absent): an instance that read
  // its own salt just before being overwritten keeps it until restart, so its voters get other pseudonyms.
  // It needs two instances casting their very first votes at once; votes are rare.
  const salt = await readValue(storage, SALT_KEY, saltSchema);
  if (salt === undefined) throw new Error(`the pseudonym salt was not stored at ${storage.where(SALT_KEY)}`);
  return salt;
}

/**
 * A stable pseudonym for a Telegram user, so feedback can tell one person's repeated votes apart without
 * storing who they are: an HMAC of the id under a random salt kept in the storage (shared by all instances).
 */
export async function pseudonymize(
  storage: Storage,
  userId: number | string,
  warn?: SaltWarn,
): Promise<string> {
  let salt = salts.get(storage);
  if (!salt) {
    salt = loadSalt(storage, warn);
    salts.set(storage, salt);
    // A storage failure is not remembered: the next vote tries again.
    salt.catch(() => salts.delete(storage));
  }
  return hashWithSalt(await salt, userId);
}

export function hashWithSalt(salt: string, userId: number | string): string {
  return createHmac("sha256", salt).update(String(userId)).digest("hex").slice(0, 16);
}
