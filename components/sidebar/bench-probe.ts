// Timestamps the benchmarks read from the sidebar frame (bench/sidebar.bench.ts):
// when the sidebar became interactive and when each autosave committed. Bench
// build only (`wxt build --mode bench`): the mode is a build-time constant, so
// in any other build these functions are empty and the global never exists
// (test/config/bench-hooks.test.ts).
interface Probe {
  interactiveAt: number | null;
  saves: number[];
}

function probe(): Probe {
  const w = window as unknown as { __baton?: Probe };
  return (w.__baton ??= { interactiveAt: null, saves: [] });
}

const now = () => performance.timeOrigin + performance.now();

export function markInteractive(): void {
  if (import.meta.env.MODE !== 'bench') return;
  probe().interactiveAt ??= now();
}

export function markSaved(): void {
  if (import.meta.env.MODE !== 'bench') return;
  const p = probe();
  if (p.saves.length > 10_000) p.saves.length = 0;
  p.saves.push(now());
}
