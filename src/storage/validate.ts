import type { z } from "zod";
import { type DamagedRecord, DamagedValueError, type Storage, type StoredRecord } from "./storage.js";

/** Told about each stored value or record that is skipped, with where it is and why. */
export type DamageReport = (damage: DamagedRecord) => void;

/** zod's issues as one line: "quiet.from: Too big: expected number to be <=23; vote: Invalid option…". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "the value"}: ${i.message}`).join("; ");
}

/**
 * The value stored under `key` when `schema` accepts it; undefined when there is none, and also when it is not
 * JSON or has another shape, which is then reported (where it is stored and why): a damaged or older value
 * counts as absent instead of stopping whatever needed it. Other failures (Redis down) are thrown.
 */
export async function readValue<T>(
  storage: Storage,
  key: string,
  schema: z.ZodType<T>,
  report?: DamageReport,
): Promise<T | undefined> {
  let raw: unknown;
  try {
    raw = await storage.get(key);
  } catch (error) {
    if (!(error instanceof DamagedValueError)) throw error;
    report?.({ where: error.where, reason: error.reason });
    return undefined;
  }
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  report?.({ where: storage.where(key), reason: `not the shape expected (${describeIssues(parsed.error)})` });
  return undefined;
}

/** The records `schema` accepts, in order; each other one is reported (where it is and why) and left out. */
export function validRecords<T>(
  stored: readonly StoredRecord[],
  schema: z.ZodType<T>,
  report?: DamageReport,
): T[] {
  const valid: T[] = [];
  for (const { where, record } of stored) {
    const parsed = schema.safeParse(record);
    if (parsed.success) valid.push(parsed.data);
    else report?.({ where, reason: `not a record of this log (${describeIssues(parsed.error)})` });
  }
  return valid;
}
