import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { threadId } from "node:worker_threads";
import { knowledgeFiles } from "../knowledge/files.js";

/**
 * Built engines on disk (pack.ts buffers), one file per knowledge version: start-up and a reload that finds
 * its knowledge unchanged (SIGHUP, a touched file) read the index instead of building it. The key covers
 * every file the loader reads and the code that loads and builds, so any edit to either is a miss, never a
 * stale index. Only valid knowledge is ever written, so a hit skips validation too.
 */
const FORMAT = "factline-index-1";
/** The cache's folder in DATA_DIR, for the bot and the CLIs alike. */
export const INDEX_CACHE_DIR = "index-cache";
/** Files kept: the newest few, so a rollback or two instances on two versions still find theirs. */
const KEEP = 3;
const SUFFIX = ".index";
/** Hashing reads in chunks of this size: each update is a few milliseconds at most on the answering thread. */
const CHUNK = 1 << 20;

let codeVersion: Promise<string> | undefined;

/**
 * A hash of the code that reads knowledge and builds engines (this directory, answer/, knowledge/ as they
 * run: .ts under tsx, .js when compiled) and of the locked dependency versions (the stemmers, fuse.js).
 */
function code(): Promise<string> {
  codeVersion ??= (async () => {
    const hash = createHash("sha256").update(FORMAT);
    const here = import.meta.dirname;
    for (const dir of [here, join(here, "../answer"), join(here, "../knowledge")]) {
      const names = (await readdir(dir)).filter((n) => /\.(?:js|ts)$/.test(n)).sort();
      for (const name of names) hash.update(`\0${name}\0`).update(await readFile(join(dir, name)));
    }
    const lock = await readFile(join(here, "../../package-lock.json")).catch(() => undefined);
    if (lock) hash.update(lock);
    return hash.digest("hex");
  })();
  return codeVersion;
}

/** The cache key of the knowledge in `dir` as it is on disk now. */
export async function knowledgeKey(dir: string): Promise<string> {
  const hash = createHash("sha256").update(await code());
  const root = resolve(dir);
  hash.update(`\0${root}\0`);
  for (const file of await knowledgeFiles(root)) {
    hash.update(`\0${file}\0`);
    await hashFile(hash, join(root, file));
  }
  return hash.digest("hex");
}

async function hashFile(hash: Hash, path: string): Promise<void> {
  // A file that vanishes between listing and reading changes the key, which is all that matters.
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) hash.update(chunk as Buffer);
  } catch (error) {
    hash.update(`\0unreadable ${(error as NodeJS.ErrnoException).code ?? error}\0`);
  }
}

const fileOf = (cacheDir: string, key: string) => join(cacheDir, `${key}${SUFFIX}`);

/** The cached buffer for `key`, or undefined (none, or unreadable: then it is built again). */
export async function readCached(cacheDir: string, key: string): Promise<ArrayBuffer | undefined> {
  const data = await readFile(fileOf(cacheDir, key)).catch(() => undefined);
  if (!data) return undefined;
  // unpack makes views of the whole ArrayBuffer: it must start at offset 0 (a small file may share a pool).
  if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) return data.buffer as ArrayBuffer;
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

/** Written whole or not at all (a temporary file renamed), then all but the newest KEEP files removed. */
export async function writeCached(cacheDir: string, key: string, buffer: ArrayBuffer): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const temporary = join(cacheDir, `.${key}.${process.pid}-${threadId}.tmp`);
  await writeFile(temporary, new Uint8Array(buffer));
  await rename(temporary, fileOf(cacheDir, key));
  const files = await Promise.all(
    (await readdir(cacheDir))
      .filter((name) => name.endsWith(SUFFIX))
      .map(async (name) => ({
        name,
        at: (await stat(join(cacheDir, name)).catch(() => undefined))?.mtimeMs ?? 0,
      })),
  );
  files.sort((a, b) => b.at - a.at);
  for (const { name } of files.slice(KEEP)) await rm(join(cacheDir, name), { force: true });
}
