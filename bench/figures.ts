// One measured figure, with the reference measured in the same run when there
// is one: on a shared machine the ratio is what stays comparable.
export interface Figure {
  name: string;
  unit: string;
  median: number;
  p95?: number;
  p99?: number;
  runs: number;
  reference?: { name: string; median: number; p95?: number };
  ratio?: number;
  note?: string;
}

export function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function summarize(name: string, unit: string, values: number[], extra: Partial<Figure> = {}): Figure {
  return { name, unit, median: round(quantile(values, 0.5)), p95: round(quantile(values, 0.95)), runs: values.length, ...extra };
}
