import { readFile } from "node:fs/promises";

export type ReadTextResult =
  | { ok: true; text: string }
  | { ok: false; line?: number; reason: string; missing?: boolean };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads a UTF-8 text file; on bad bytes says which line holds the first one instead of decoding garbage. */
export async function readText(file: string): Promise<ReadTextResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: `cannot read the file (${code ?? error})`, missing: code === "ENOENT" };
  }
  try {
    return {
      ok: true,
      text: utf8
        .decode(bytes)
        .replace(/^\uFEFF/, "")
        .replace(/\r\n?/g, "\n"),
    };
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        utf8.decode(bytes.subarray(start, i));
      } catch {
        return { ok: false, line, reason: "the file is not valid UTF-8" };
      }
      line++;
      start = i + 1;
    }
    return { ok: false, reason: "the file is not valid UTF-8" };
  }
}
