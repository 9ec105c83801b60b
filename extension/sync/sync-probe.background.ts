// Timings the benchmarks read from the service worker (bench/browser-cost.bench.ts):
// ms from the worker starting to its first completed sync, and how long each
// sync run took. Nothing secret; the page cannot reach the worker's globals.
interface SyncProbe {
  firstSyncMs: number | null;
  runs: number[];
}

const g = globalThis as unknown as { __batonSync?: SyncProbe };
const probe: SyncProbe = (g.__batonSync ??= { firstSyncMs: null, runs: [] });

/** performance.now() in a service worker counts from the worker's start. */
export function markSyncRun(startedAt: number): void {
  const end = performance.now();
  probe.firstSyncMs ??= end;
  if (probe.runs.length > 1000) probe.runs.length = 0;
  probe.runs.push(end - startedAt);
}
