// Money as CRMs display it → a number and an ISO currency. Handles thousands
// separators of every common locale ("15,000.00", "12.000,00", "12 500,00",
// "1'234.50", Indian "12,34,567.00") and Chinese units (万 = 10⁴, 亿 = 10⁸).
import { bareSymbols, parseCurrency } from './parse-currency';

export interface ParsedAmount {
  amount: number | null;
  currency: string | null;
}

export interface AmountHints {
  /** ISO code for a bare "$" or "¥" */
  defaultCurrency?: string;
  /** force the decimal separator when the text is ambiguous */
  decimal?: '.' | ',';
}

const UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 千: 1e3, k: 1e3, K: 1e3, M: 1e6, 百万: 1e6, 百萬: 1e6 };

function toNumber(raw: string, decimal?: '.' | ','): number | null {
  let s = raw.replace(/[\s\u00a0\u202f'’]/g, '');
  if (!/\d/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let dec: '.' | ',' | null = null;
  if (decimal) dec = decimal;
  else if (lastDot >= 0 && lastComma >= 0) dec = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = s.split(sep).length - 1;
    const after = s.length - (sep === '.' ? lastDot : lastComma) - 1;
    // One separator followed by exactly three digits is a thousands separator
    // ("12,500", "12.500"); followed by 1–2 digits it is the decimal point.
    dec = count === 1 && after !== 3 ? sep : count === 1 && sep === '.' && after === 3 && /^0\./.test(s) ? '.' : null;
  }
  if (dec) {
    const thousands = dec === '.' ? ',' : '.';
    s = s.split(thousands).join('');
    s = s.replace(dec, '.');
  } else s = s.replace(/[.,]/g, '');
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export function parseAmount(text: string | null | undefined, hints: AmountHints = {}): ParsedAmount {
  if (!text) return { amount: null, currency: null };
  const t = text.normalize('NFKC').trim();
  const m = /(-)?\s*[(（]?\s*(\d[\d\s\u00a0\u202f.,'’]*)(?:\s*(百万|百萬|万|萬|亿|億|千|[kKM])(?![a-zA-Z]))?/.exec(t);
  if (!m?.[2]) return { amount: null, currency: null };
  let n = toNumber(m[2].trim(), hints.decimal);
  if (n === null) return { amount: null, currency: null };
  if (m[3]) n *= UNITS[m[3]] ?? 1;
  const negative = !!m[1] || /^\s*[(（].*[)）]\s*$/.test(t) || /^-/.test(t.replace(/[^\d-]/g, ''));
  if (negative) n = -n;
  const currency = parseCurrency(text, bareSymbols(hints.defaultCurrency));
  // Rounded to 4 places only to drop float noise (some currencies use 3).
  return { amount: Math.round(n * 1e4) / 1e4, currency };
}
