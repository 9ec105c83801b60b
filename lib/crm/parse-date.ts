// Dates as CRMs display them → YYYY-MM-DD, or null. Impossible dates (Feb 30)
// are null, never rolled over. Ambiguous numeric dates follow the adapter's
// order hint; without one, "/" reads month first and "." day first.
export type DateOrder = 'MDY' | 'DMY' | 'YMD';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function parseDate(text: string | null | undefined, order?: DateOrder): string | null {
  if (!text) return null;
  const t = text.normalize('NFKC').trim();
  let m: RegExpExecArray | null;

  // 2026-12-15, 2026/12/15, 2026.12.15, 2026-12-15T10:00:00Z
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(t))) return iso(+m[1]!, +m[2]!, +m[3]!);
  // 2026年12月15日 (also 民國 years are not used by CRMs' date fields)
  if ((m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?/.exec(t))) return iso(+m[1]!, +m[2]!, +m[3]!);
  // 11/30/2026, 28/02/2027, 15.12.2026, 30-01-2027
  if ((m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?:$|[\s,T])/.exec(t))) {
    const a = +m[1]!;
    const b = +m[3]!;
    const y = +m[4]!;
    let o = order ?? (m[2] === '/' ? 'MDY' : 'DMY');
    if (o === 'YMD') o = m[2] === '/' ? 'MDY' : 'DMY';
    // An impossible month in the hinted position means the other order.
    if (o === 'MDY' && a > 12 && b <= 12) o = 'DMY';
    else if (o === 'DMY' && b > 12 && a <= 12) o = 'MDY';
    return o === 'MDY' ? iso(y, a, b) : iso(y, b, a);
  }
  // Jan 30, 2027 / January 30 2027
  if ((m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(t))) {
    const mo = MONTHS[m[1]!.slice(0, m[1]!.toLowerCase() === 'sept' ? 4 : 3).toLowerCase()];
    return mo ? iso(+m[3]!, mo, +m[2]!) : null;
  }
  // 30 Jan 2027 / 30. Januar 2027 is not supported beyond English month names
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/.exec(t))) {
    const mo = MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    return mo ? iso(+m[3]!, mo, +m[1]!) : null;
  }
  return null;
}
