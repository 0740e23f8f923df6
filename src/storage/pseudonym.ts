import { createHmac, randomBytes } from "node:crypto";
import type { Storage } from "./storage.js";

const SALT_KEY = "privacy:salt";

/** One salt lookup per storage, shared by concurrent first votes, so they cannot create two salts. */
const salts = new WeakMap<Storage, Promise<string>>();

async function loadSalt(storage: Storage): Promise<string> {
  const stored = await storage.get<string>(SALT_KEY);
  if (stored) return stored;
  await storage.set(SALT_KEY, randomBytes(32).toString("hex"));
  // Read back: another instance sharing the storage may have written its salt at the same moment; the one
  // stored last wins. That multi-instance race remains (Storage has no set-if-absent): an instance that read
  // its own salt just before being overwritten keeps it until restart, so its voters get other pseudonyms.
  // It needs two instances casting their very first votes at once; votes are rare.
  const salt = await storage.get<string>(SALT_KEY);
  if (!salt) throw new Error("the pseudonym salt was not stored");
  return salt;
}

/**
 * A stable pseudonym for a Telegram user, so feedback can tell one person's repeated votes apart without
 * storing who they are: an HMAC of the id under a random salt kept in the storage (shared by all instances).
 */
export async function pseudonymize(storage: Storage, userId: number | string): Promise<string> {
  let salt = salts.get(storage);
  if (!salt) {
    salt = loadSalt(storage);
    salts.set(storage, salt);
    // A storage failure is not remembered: the next vote tries again.
    salt.catch(() => salts.delete(storage));
  }
  return hashWithSalt(await salt, userId);
}

export function hashWithSalt(salt: string, userId: number | string): string {
  return createHmac("sha256", salt).update(String(userId)).digest("hex").slice(0, 16);
}
