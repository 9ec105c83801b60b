// Money as people write it → a number and an ISO 4217 currency, or null where
// the text could mean two things. Reads: any script's digits and full-width
// forms, spaces/NBSP/narrow NBSP/apostrophes as grouping, decimal comma or
// point (read-number.ts), Indian lakh/crore grouping, minus as "-", "−", "–",
// a trailing minus ("1.200-"), parentheses ("(1,200.00)") or △/▲ (Japanese),
// "12.500,-" as whole units, a multi-currency "EUR 115,000.00 (USD 125,000.00)"
// as the record's own amount, CJK units in one
// compound amount ("1亿2000万元" = 120,000,000; "3万5千" = 35,000; "39,800万円"),
// and Latin multipliers ("12k", "1,5 Mio. €", "2.5 Cr"); see amount-units.ts.
import { CJK_UNITS, latinUnit } from './amount-units';
import { minorDigits } from './currency-signs';
import { foldNumberText } from './fold-number-text';
import { decimalMark, languageOf, type ReadContext } from './locale-facts';
import { blankOut, parseCurrency, signMinorDigits } from './parse-currency';
import { readNumber } from './read-number';

export interface ParsedAmount {
  /** the amount in the currency's major unit, negative for a loss or credit */
  amount: number | null;
  /** ISO 4217 code the text shows, read in context (parse-currency.ts) */
  currency: string | null;
}

export interface AmountContext extends ReadContext {
  /** currency already known from a currency field beside the amount: decides grouping vs decimal */
  currency?: string | null;
}

interface Term {
  written: string;
  /** power of ten of the unit after the number (0 for none) */
  exp: number;
  cjk: boolean;
  start: number;
  end: number;
}

const TERM = /(\d+(?:[ .,'’]\d+)*)(?:(\s?[十拾百佰千仟万萬亿億십백천만억]+)|\s?([A-Za-z]+\.?)(?!\p{L}))?/gu;

/** The numbers in the text with their units; null when a multiplier is ambiguous ("M" on a Spanish page). */
function findTerms(t: string, lang: string | null): Term[] | null {
  const terms: Term[] = [];
  for (const m of t.matchAll(TERM)) {
    const cjk = m[2]?.trim();
    const latin = m[3] ? latinUnit(m[3], lang) : null;
    if (latin === 'ambiguous') return null;
    const exp = cjk ? [...cjk].reduce((e, ch) => e + CJK_UNITS[ch]!, 0) : (latin ?? 0);
    // A word after the number that is not a unit ("USD", "kr") is left for the currency.
    const end = m.index + (cjk || latin !== null ? m[0].length : m[1]!.length);
    terms.push({ written: m[1]!, exp, cjk: !!cjk, start: m.index, end });
  }
  return terms;
}

/** Compound CJK terms must fall in size, each below the one before ("1亿2000万", not "2000万1亿"). */
function compoundValid(terms: Term[]): boolean {
  for (let i = 1; i < terms.length; i++) {
    const prev = terms[i - 1]!;
    const cur = terms[i]!;
    if (!prev.cjk || prev.exp <= cur.exp || !/^\d+$/.test(cur.written)) return false;
    // "3万5" (colloquially 35,000) and "1万200" (10,200?) are ambiguous; "1万2000" is not.
    if (!cur.cjk && cur.written.length !== prev.exp) return false;
    if (Number(cur.written) >= 10 ** (prev.exp - cur.exp)) return false;
  }
  return true;
}

/** -1, 1, or null when the signs contradict each other or sit between numbers. */
function signOf(t: string, first: number, last: number): -1 | 1 | null {
  const minuses = [...t.matchAll(/-/g)].map((m) => m.index);
  if (minuses.length > 1) return null;
  const minus = minuses[0];
  if (minus !== undefined && minus >= first && minus < last) return null;
  const open = t.indexOf('(');
  const close = t.lastIndexOf(')');
  const parens = open >= 0 && open < first && close >= last && t.split('(').length === 2 && t.split(')').length === 2;
  if (parens && minus !== undefined) return null;
  return parens || minus !== undefined ? -1 : 1;
}

function valueOf(terms: Term[], hints: { decimal: '.' | ',' | null; minorDigits: number | null }): number | null {
  let total = 0;
  for (const term of terms) {
    // CJK languages all write a decimal point, so a CJK unit settles the mark.
    const plain = readNumber(term.written, term.cjk ? { decimal: '.', minorDigits: hints.minorDigits } : hints);
    if (plain === null) return null;
    total += Number(`${plain}e${term.exp}`);
  }
  return Number.isFinite(total) ? total : null;
}

/**
 * A multi-currency CRM (Salesforce) shows the record's amount and then, in
 * parentheses, the same amount converted to the user's currency:
 * "EUR 115,000.00 (USD 125,000.00)". When both parts name their ISO code and
 * the codes differ, the record's own amount (the first) is the one read.
 */
function recordAmountOf(t: string): string {
  const m = /^([^()]*\d[^()]*?)\s*\(([^()]*\d[^()]*)\)$/.exec(t);
  if (!m) return t;
  const code = (s: string) => /(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])/.exec(s)?.[0];
  const own = code(m[1]!);
  const converted = code(m[2]!);
  return own && converted && own !== converted && parseCurrency(m[1]!) === own && parseCurrency(m[2]!) === converted ? m[1]! : t;
}

/** Amount and currency of an amount text read in `ctx`; see the file header for what is read. */
export function parseAmount(text: string | null | undefined, ctx: AmountContext = {}): ParsedAmount {
  if (!text) return { amount: null, currency: null };
  // "12.500,-" / "Fr. 12.–" is whole units (no cents), not a minus; △/▲ are the
  // Japanese bookkeeping minus.
  const t = recordAmountOf(
    foldNumberText(text)
      .replace(/(\d)([.,])-(?!\d)/g, (_m, d: string, mark: string) => `${d}${mark}00`)
      .replace(/[△▲]/g, '-'),
  );
  const lang = languageOf(ctx.locale);
  const terms = findTerms(t, lang);
  if (!terms) return { amount: null, currency: parseCurrency(t, ctx) };
  let rest = t;
  for (const term of terms) rest = blankOut(rest, term.start, term.end - term.start);
  const currency = parseCurrency(rest, ctx);
  const none = { amount: null, currency };
  // "—" is a placeholder or a range, "%" a probability: neither is an amount.
  if (!terms.length || /[%\u2014\u2015]/.test(t)) return none;
  if (terms.length > 1 && (!terms.every((x) => x.cjk || x === terms.at(-1)) || !compoundValid(terms))) return none;
  if (terms.length > 1 && terms.some((x) => !x.cjk && x.exp > 0)) return none;
  const sign = signOf(t, terms[0]!.start, terms.at(-1)!.end);
  if (sign === null) return none;
  const known = ctx.currency ?? currency;
  const digits = known ? minorDigits(known) : signMinorDigits(rest);
  const value = valueOf(terms, { decimal: decimalMark(ctx.locale), minorDigits: digits });
  // Fractions of a unit that has no minor unit (¥1,200.50 in yen, ₩ 3.5) mean
  // the reading is wrong somewhere: blank, not a guess.
  if (value !== null && digits === 0 && Math.abs(value - Math.round(value)) > 1e-6) return none;
  return value === null ? none : { amount: sign * value, currency };
}
