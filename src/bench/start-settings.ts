/**
 * What the start command gives node besides the code (package.json "start"; README "Performance" says why):
 * the benchmark runs its measured processes the same way. tests/bench/start-settings.test.ts checks that the
 * two agree.
 */
export const START_ENV: Readonly<Record<string, string>> = {
  // glibc raises its mmap threshold each time a large block is freed, up to 32 MB; after a build the worker's
  // freed buffers then stay in its malloc arena (~15-20 MB at 10,000 facts). Fixed at 128 KB, they go back.
  MALLOC_MMAP_THRESHOLD_: "131072",
};

/** V8 and node flags: none (README "Performance": what --max-semi-space-size would trade). */
export const START_NODE_FLAGS: readonly string[] = [];
