// What a page's locale tells a reader about numbers, dates and money, taken
// from the runtime's CLDR data (Intl) rather than typed in: the decimal mark,
// the order of day, month and year, and the region's own currency.
import { REGION_CURRENCY } from './region-currency';

/** How a numeric date is ordered: month-day-year, day-month-year, year-month-day. */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';

/**
 * The context a raw page text is read in. Every member is optional; a value
 * that cannot be decided without the missing context is null, never guessed.
 */
export interface ReadContext {
  /** BCP 47 tag of the page (`<html lang>`) or of the user's CRM locale (e.g. "de-CH", "ja", "en_US") */
  locale?: string | null;
  /** ISO 4217 code the team or adapter uses when the page is silent: resolves "$", "¥", "kr" */
  defaultCurrency?: string | null;
  /** the adapter's or user's numeric date order: resolves 03/04/2027 */
  dateOrder?: DateOrder | null;
}

const cache = new Map<string, unknown>();
function memo<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

/** A well-formed canonical locale ("en_US" → "en-US"), or null for junk. */
export function canonicalLocale(tag: string | null | undefined): string | null {
  const t = tag?.trim().replace(/_/g, '-');
  if (!t) return null;
  try {
    return Intl.getCanonicalLocales(t)[0] ?? null;
  } catch {
    return null;
  }
}

/** Language subtag, lower case ("zh-Hant-TW" → "zh"). */
export function languageOf(tag: string | null | undefined): string | null {
  const t = canonicalLocale(tag);
  return t ? new Intl.Locale(t).language : null;
}

/**
 * The region the page's locale names, or for a bare language the region
 * CLDR's likely-subtags give it ("ja" → JP, "zh-Hant" → TW, "sv" → SE).
 */
export function regionOf(tag: string | null | undefined): string | null {
  const t = canonicalLocale(tag);
  if (!t) return null;
  return memo(`region:${t}`, () => new Intl.Locale(t).maximize().region ?? null);
}

/** ISO 4217 currency of the locale's region, when Baton knows it. */
export function localCurrency(tag: string | null | undefined): string | null {
  const r = regionOf(tag);
  return r ? (REGION_CURRENCY[r] ?? null) : null;
}

/** The decimal mark the locale writes ("." or ","), from Intl. */
export function decimalMark(tag: string | null | undefined): '.' | ',' | null {
  const t = canonicalLocale(tag);
  if (!t) return null;
  return memo(`dec:${t}`, () => {
    const d = new Intl.NumberFormat(t).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
    return d === ',' || d === '\u066b' ? ',' : d === '.' ? '.' : null;
  });
}

/**
 * The numeric date order the locale writes, from Intl's short date pattern.
 * A bare "en" decides nothing: English is written month-first in the US and
 * day-first in the UK, India and Australia, so only "en-GB" etc. counts.
 */
export function localeDateOrder(tag: string | null | undefined): DateOrder | null {
  const t = canonicalLocale(tag);
  if (!t || t === 'en') return null;
  return memo(`order:${t}`, () => {
    const parts = new Intl.DateTimeFormat(t, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(2027, 2, 31));
    const order = parts
      .filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day')
      .map((p) => p.type[0]!.toUpperCase())
      .join('');
    return order === 'MDY' || order === 'DMY' || order === 'YMD' ? order : null;
  });
}
