import type { ZodType } from "zod";
import { feedbackRecordSchema, unansweredRecordSchema } from "../../src/storage/log-records.js";
import type { LogName, LogRecords, Storage } from "../../src/storage/storage.js";
import { validRecords } from "../../src/storage/validate.js";

const SCHEMAS: { [L in LogName]: ZodType<LogRecords[L]> } = {
  unanswered: unansweredRecordSchema,
  feedback: feedbackRecordSchema,
};

/**
 * A log's records, read back as the gaps report reads them (validated); a record of the wrong shape fails
 * the test, since everything a test's bot writes must be readable.
 */
export async function logged<L extends LogName>(
  storage: Storage,
  log: L,
  since?: Date,
): Promise<LogRecords[L][]> {
  const damaged: string[] = [];
  const records = validRecords(await storage.read(log, since), SCHEMAS[log], (d) =>
    damaged.push(`${d.where}: ${d.reason}`),
  );
  if (damaged.length > 0) throw new Error(`unreadable ${log} records:\n${damaged.join("\n")}`);
  return records;
}
