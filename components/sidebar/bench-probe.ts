// Timestamps the benchmarks read from the sidebar frame (bench/): when the
// sidebar became interactive and when each autosave committed. The frame is
// extension-origin, so the CRM page cannot read these.
import type { BatonDB } from '@/lib/db/database';

interface Probe {
  interactiveAt: number | null;
  saves: number[];
  db: BatonDB | null;
}

const w = window as unknown as { __baton?: Probe };
const probe: Probe = (w.__baton ??= { interactiveAt: null, saves: [], db: null });

const now = () => performance.timeOrigin + performance.now();

export function markInteractive(db: BatonDB): void {
  probe.db = db;
  probe.interactiveAt ??= now();
}

export function markSaved(): void {
  if (probe.saves.length > 10_000) probe.saves.length = 0;
  probe.saves.push(now());
}
