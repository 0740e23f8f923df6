import { createHmac, randomBytes } from "node:crypto";
import { DamagedValueError, type Storage } from "./storage.js";

const SALT_KEY = "privacy:salt";

/** Where a damaged salt is reported before it is replaced (the update's logger in the bot). */
export type SaltWarn = (obj: object, msg: string) => void;

/** One salt lookup per storage, shared by concurrent first votes, so they cannot create two salts. */
const salts = new WeakMap<Storage, Promise<string>>();

async function loadSalt(storage: Storage, warn?: SaltWarn): Promise<string> {
  let stored: unknown;
  try {
    stored = await storage.get<unknown>(SALT_KEY);
  } catch (error) {
    // Anything else (Redis down, an unreadable file) fails this vote and is tried again on the next.
    if (!(error instanceof DamagedValueError)) throw error;
    stored = error;
  }
  if (typeof stored === "string" && stored !== "") return stored;
  if (stored !== undefined) {
    // A damaged salt must not block every vote until someone fixes it by hand. Stored votes are untouched;
    // people who voted before get new pseudonyms, so their next vote on a fact counts as another person's.
    warn?.(
      { err: stored instanceof Error ? stored : undefined, key: SALT_KEY },
      "the pseudonym salt was damaged; replaced it with a new one (stored votes are kept)",
    );
  }
  await storage.set(SALT_KEY, randomBytes(32).toString("hex"));
  // Read back: another instance sharing the storage may have written its salt at the same moment; the one
  // stored last wins. That multi-instance race remains (Storage has no set-if-absent): an instance that read
  // its own salt just before being overwritten keeps it until restart, so its voters get other pseudonyms.
  // It needs two instances casting their very first votes at once; votes are rare.
  const salt = await storage.get<unknown>(SALT_KEY);
  if (typeof salt !== "string" || salt === "") throw new Error("the pseudonym salt was not stored");
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
