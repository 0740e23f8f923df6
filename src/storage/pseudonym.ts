import { createHmac, randomBytes } from "node:crypto";
import type { Storage } from "./storage.js";

const SALT_KEY = "privacy:salt";

/**
 * A stable pseudonym for a Telegram user, so feedback can tell one person's repeated votes apart without
 * storing who they are: an HMAC of the id under a random salt kept in the storage (shared by all instances).
 * The salt is read each time rather than cached, so instances that raced to create it converge on the one
 * that was stored last; votes are rare, the extra read is cheap.
 */
export async function pseudonymize(storage: Storage, userId: number | string): Promise<string> {
  let salt = await storage.get<string>(SALT_KEY);
  if (!salt) {
    await storage.set(SALT_KEY, randomBytes(32).toString("hex"));
    salt = (await storage.get<string>(SALT_KEY)) ?? "";
  }
  return hashWithSalt(salt, userId);
}

export function hashWithSalt(salt: string, userId: number | string): string {
  return createHmac("sha256", salt).update(String(userId)).digest("hex").slice(0, 16);
}
