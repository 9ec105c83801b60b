// Sync lag: how long an edit took from the device to the server — the push's
// arrival time minus the wall time in each mutation's hybrid logical clock
// (a device clock ahead of the server's counts as no lag).
import { Histogram } from 'prom-client';
import { parseHlc } from '@/lib/sync/hlc';

export const syncLag = new Histogram({
  name: 'baton_sync_lag_seconds',
  help: 'Sync lag: from an edit on a device (its hybrid logical clock) to its arrival in a push',
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 21_600, 86_400],
});

/** Observes each pushed mutation's lag, in seconds. */
export function recordSyncLag(mutations: readonly { hlc: string }[], now = Date.now()): void {
  for (const m of mutations) syncLag.observe(Math.max(0, now - parseHlc(m.hlc).wall) / 1000);
}
