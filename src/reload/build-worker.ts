// A worker thread's entry point (build-thread.ts starts it), the one module of reload/ with side effects:
// loads, validates and builds one knowledge directory off the answering thread, hands the packed engine
// back (moved, not copied) and ends, so the memory the build used goes with it.
import { parentPort, workerData } from "node:worker_threads";
import { buildPacked } from "./packed-build.js";

const built = await buildPacked({
  ...(workerData as { dir: string; cacheDir?: string }),
  onValidated: (facts) => parentPort?.postMessage({ validated: facts }),
});
parentPort?.postMessage(built, built.buffer ? [built.buffer] : []);
