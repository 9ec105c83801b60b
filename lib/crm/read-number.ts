// One written number ("1.234.567,89", "12 500,00", "1'234.50", "12,34,567.00")
// → its plain decimal form ("1234567.89"), or null when it is malformed or
// could be read two ways. Which mark is the decimal one is decided by shape
// first, then by the currency's minor unit, then by the page locale:
// - both "." and "," present: the last one is the decimal mark;
// - one mark repeated ("1.234.567"): grouping;
// - one mark followed by 1, 2 or 4+ digits ("1,5", "12.50"): decimal;
// - one mark followed by exactly 3 digits ("12,500", "12.500"): decimal if the
//   integer part is 0 or longer than 3 digits; grouping if the currency has no
//   3-digit minor unit (USD, EUR, JPY: "€12.500" is 12500); else the locale's
//   decimal mark decides; else null.
// Groups must be well formed: 3 digits (Western) or 2 then a last 3 (Indian
// lakh/crore "12,34,56,789"). Spaces and apostrophes only ever group.

export interface NumberHints {
  /** the page locale's decimal mark */
  decimal?: '.' | ',' | null;
  /** minor-unit digits of the amount's currency (2 for USD, 0 for JPY, 3 for KWD) */
  minorDigits?: number | null;
}

function groupsValid(intPart: string, sep: string | null): boolean {
  if (!sep) return /^\d+$/.test(intPart);
  const groups = intPart.split(sep);
  if (groups.some((g) => !/^\d+$/.test(g))) return false;
  const [first, ...rest] = groups;
  if (first!.length > 3) return false;
  if (rest.every((g) => g.length === 3)) return true;
  // lakh/crore: 2-digit groups, then a last group of 3
  return first!.length <= 2 && rest.at(-1)!.length === 3 && rest.slice(0, -1).every((g) => g.length === 2);
}

function decimalByShape(s: string, mark: '.' | ',', hints: NumberHints, otherGrouping: boolean): boolean | null {
  const at = s.lastIndexOf(mark);
  const after = s.length - at - 1;
  if (s.split(mark).length > 2) return false;
  if (after !== 3 || otherGrouping) return true;
  const intPart = s.slice(0, at).replace(/[ ']/g, '');
  if (/^0+$/.test(intPart) || intPart.length > 3) return true;
  if (hints.minorDigits != null) return hints.minorDigits === 3;
  if (hints.decimal) return hints.decimal === mark;
  return null;
}

/** Plain decimal string of one written number, or null (see the rules above). */
export function readNumber(written: string, hints: NumberHints = {}): string | null {
  const s = written.replace(/[’ʼ]/g, "'");
  if (!/^\d+(?:[ .,']\d+)*$/.test(s)) return null;
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  const spaced = /[ ']/.test(s);
  let decimal: '.' | ',' | null = null;
  if (dot >= 0 && comma >= 0) decimal = dot > comma ? '.' : ',';
  else if (dot >= 0 || comma >= 0) {
    const mark = dot >= 0 ? '.' : ',';
    const isDecimal = decimalByShape(s, mark, hints, spaced);
    if (isDecimal === null) return null;
    if (isDecimal) decimal = mark;
  }
  let intPart = s;
  let fraction = '';
  if (decimal) {
    const at = s.lastIndexOf(decimal);
    intPart = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (!/^\d+$/.test(fraction)) return null;
  }
  const seps = new Set(intPart.match(/[ .,']/g) ?? []);
  if (seps.size > 1) return null;
  if (!groupsValid(intPart, [...seps][0] ?? null)) return null;
  const digits = intPart.replace(/[ .,']/g, '');
  return fraction ? `${digits}.${fraction}` : digits;
}
