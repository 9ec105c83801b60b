// One measured figure, with the reference measured in the same run when there
// is one: on a shared machine the ratio is what stays comparable.
export interface Figure {
  name: string;
  unit: string;
  median: number;
  p95?: number;
  p99?: number;
  runs: number;
  reference?: { name: string; median: number; p95?: number; p99?: number };
  /** figure ÷ reference: of the medians unless `ratioOf` says p99 (a rate's ratio is figure ÷ reference too) */
  ratio?: number;
  ratioOf?: 'p99';
  /** the issue's goal for this row, in its words (e.g. "p99 ≤ ×3 the raw p99", "≥ 2,000 reps") */
  goal?: string;
  note?: string;
}

/** The reference cell: its name and median, and its p99 when the row compares p99s. */
export function referenceCell(f: Figure, cell: (n: number | undefined) => string): string {
  if (!f.reference) return '';
  const r = f.reference;
  return `${r.name}: ${cell(r.median)}${r.p99 !== undefined ? ` (p99 ${cell(r.p99)})` : ''}`;
}

/** The ratio cell: "×2.5", "×4.1 of p99s". */
export function ratioCell(f: Figure, cell: (n: number | undefined) => string): string {
  if (f.ratio === undefined) return '';
  return `×${cell(f.ratio)}${f.ratioOf === 'p99' ? ' of p99s' : ''}`;
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
