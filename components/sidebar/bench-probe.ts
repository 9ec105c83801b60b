// Timestamps the benchmarks read from the sidebar frame (bench/): when the
// sidebar became interactive and when each autosave committed. The frame is
// extension-origin, so the CRM page cannot read these.
interface Probe {
  interactiveAt: number | null;
  saves: number[];
}

const w = window as unknown as { __baton?: Probe };
const probe: Probe = (w.__baton ??= { interactiveAt: null, saves: [] });

const now = () => performance.timeOrigin + performance.now();

export function markInteractive(): void {
  probe.interactiveAt ??= now();
}

export function markSaved(): void {
  if (probe.saves.length > 10_000) probe.saves.length = 0;
  probe.saves.push(now());
}
