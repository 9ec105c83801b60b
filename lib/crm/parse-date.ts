// Dates as people write them → YYYY-MM-DD, or null. Read:
// - ISO 8601, also with a time and a zone ("2027-03-31T23:30:00-08:00"). A close
//   date is a calendar date: the CRM writes it as the day it means, so the date
//   is taken as written and never moved into UTC (that instant is 1 April in
//   UTC, but the deal closes on 31 March);
// - year first: "2027/3/31", "2027.03.31", Korean "2027. 3. 31.";
// - 年月日 and 년월일, with Japanese and ROC era years (cjk-date.ts);
// - month names in en, de, fr, es, pt, it, nl from Intl ("31 déc. 2027",
//   "31. Dezember 2027", "31 de março de 2027", "Dec 31, 2027"), weekday ignored;
// - day and month in numbers: a dotted date is day first (31.03.2027); a part
//   above 12 settles the order; otherwise ("03/04/2027") the page locale's
//   order (Intl), then the adapter's or user's dateOrder; otherwise null.
// Impossible dates (2027-02-30) are null, never rolled over.
import { readCjkDate } from './cjk-date';
import { foldNumberText } from './fold-number-text';
import { localeDateOrder, type DateOrder, type ReadContext } from './locale-facts';
import { fold, isWeekday, monthOf } from './month-names';

export type { DateOrder };

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const DAY_MONTH_YEAR = /^(\d{1,2})([-/.])\s?(\d{1,2})\2\s?(\d{4}|\d{2})(?=$|[\s,T])/;

function numericDate(m: RegExpExecArray, ctx: ReadContext): string | null {
  const a = Number(m[1]);
  const b = Number(m[3]);
  let order: DateOrder | null = null;
  if (m[2] === '.' || (a > 12 && b <= 12)) order = 'DMY';
  else if (b > 12 && a <= 12) order = 'MDY';
  else if (a === b) order = 'DMY';
  else order = localeDateOrder(ctx.locale) ?? ctx.dateOrder ?? null;
  if (order !== 'MDY' && order !== 'DMY') return null;
  const y = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  return order === 'MDY' ? iso(y, a, b) : iso(y, b, a);
}

const FILLER = new Set(['de', 'del', 'of', 'the', 'le', 'den', 'der']);

/** "31 déc. 2027", "Friday, December 31st, 2027", "31-Dec-2027": one month name, a day and a 4-digit year. */
function namedMonthDate(t: string, ctx: ReadContext): string | null {
  const words = t
    .replace(/\s+\d{1,2}:\d{2}.*$/, '')
    .split(/[\s,./-]+/)
    .filter((w) => w && !FILLER.has(fold(w)));
  let year: number | null = null;
  let day: number | null = null;
  let month: number | null = null;
  for (const w of words) {
    const ordinal = /^(\d{1,2})(?:st|nd|rd|th|er|e|o|a|°)?$/i.exec(w);
    if (/^\d{4}$/.test(w) && year === null) year = Number(w);
    else if (ordinal && day === null) day = Number(ordinal[1]);
    else if (/^\p{L}+$/u.test(w) && month === null && monthOf(w, ctx.locale)) month = monthOf(w, ctx.locale);
    else if (!/^\p{L}+$/u.test(w) || !isWeekday(w)) return null;
  }
  return year !== null && day !== null && month !== null ? iso(year, month, day) : null;
}

/**
 * The calendar date `text` shows, as YYYY-MM-DD, read in `context` (the page
 * locale and the adapter's date order; a bare DateOrder is accepted too); null
 * when there is none, it is impossible, or it could be two days.
 */
export function parseDate(text: string | null | undefined, context: ReadContext | DateOrder = {}): string | null {
  if (!text) return null;
  const ctx: ReadContext = typeof context === 'string' ? { dateOrder: context } : context;
  const t = foldNumberText(text);
  const ymd = /^(\d{4})[-/.]\s?(\d{1,2})[-/.]\s?(\d{1,2})\.?(?=$|[T\s(])/.exec(t);
  if (ymd) return iso(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const cjk = readCjkDate(t);
  if (cjk) return iso(...cjk);
  const numeric = DAY_MONTH_YEAR.exec(t);
  if (numeric) return numericDate(numeric, ctx);
  return namedMonthDate(t, ctx);
}
