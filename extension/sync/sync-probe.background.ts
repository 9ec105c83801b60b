// Timings the benchmarks read from the service worker (bench/browser-cost.bench.ts):
// ms from the worker starting to its first completed sync, and how long each
// sync run took. Bench build only (`wxt build --mode bench`): the mode is a
// build-time constant, so in any other build markSyncRun is empty and the
// global never exists (test/config/bench-hooks.test.ts).
interface SyncProbe {
  firstSyncMs: number | null;
  runs: number[];
}

/** performance.now() in a service worker counts from the worker's start. */
export function markSyncRun(startedAt: number): void {
  if (import.meta.env.MODE !== 'bench') return;
  const end = performance.now();
  const g = globalThis as unknown as { __batonSync?: SyncProbe };
  const probe = (g.__batonSync ??= { firstSyncMs: null, runs: [] });
  probe.firstSyncMs ??= end;
  if (probe.runs.length > 1000) probe.runs.length = 0;
  probe.runs.push(end - startedAt);
}
