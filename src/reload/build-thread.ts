import { Worker } from "node:worker_threads";
import type { PackedBuild } from "./packed-build.js";

/**
 * Runs buildPacked in a worker thread of its own and resolves with what it hands back. One worker per build:
 * it ends with the build, so its heap (the whole knowledge as objects, the build's garbage) is freed.
 */
export function buildInWorker(
  input: { dir: string; cacheDir?: string },
  {
    onValidated,
  }: {
    /** The knowledge is valid and the engine is being built (with the number of facts): progress, for tests. */
    onValidated?: (facts: number) => void;
  } = {},
): Promise<PackedBuild> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(input);
    let built: PackedBuild | undefined;
    let failure: unknown;
    worker.on("message", (message: PackedBuild | { validated: number }) => {
      if ("validated" in message) onValidated?.(message.validated);
      else built = message;
    });
    worker.once("error", (error) => {
      failure = error;
    });
    // Settled when the thread is gone, not when it answers: the memory of the build is then released, so
    // a reload that has finished has also given it back.
    worker.once("exit", (code) => {
      if (built) resolve(built);
      else reject(failure ?? new Error(`the build worker stopped (exit code ${code}) before it answered`));
    });
  });
}

function startWorker(workerData: unknown): Worker {
  const url = import.meta.url;
  if (!url.endsWith(".ts")) return new Worker(new URL("./build-worker.js", url), { workerData });
  // From the TypeScript sources (npm start, tests): a worker does not inherit the loader hooks of
  // `--import tsx`, so it registers tsx itself before importing its entry.
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const entry = JSON.stringify(new URL("./build-worker.ts", url).href);
  return new Worker(`import(${tsx}).then((api) => { api.register(); return import(${entry}); });`, {
    eval: true,
    workerData,
  });
}
