// Which currencies a sign or a name can stand for, built once from Intl's CLDR
// data: each region's currency formatted in the region's own language (symbol
// and narrow symbol) and in English ("$" → USD, CAD, AUD, TWD…; "kr" → SEK,
// NOK, DKK, ISK; "R$" → BRL), and currency names in Baton's page languages
// (Intl.DisplayNames: "人民币", "US Dollar", "Schweizer Franken"). A few signs
// people write that CLDR does not list are added by hand below.
import * as z from 'zod/mini';
import { REGION_CURRENCY } from './region-currency';

/** Signs people write that CLDR does not give (or gives to a currency Baton does not list). */
const EXTRA_SIGNS: Record<string, string[]> = {
  C$: ['CAD'],
  S$: ['SGD'],
  AU$: ['AUD'],
  SG$: ['SGD'],
  US$: ['USD'],
  MOP$: ['MOP'],
  'Fr.': ['CHF'],
  // CLDR gives "Rs" to the Pakistani rupee only; India writes "Rs." for the rupee too.
  Rs: ['INR', 'PKR'],
  'SFr.': ['CHF'],
  円: ['JPY'],
  원: ['KRW'],
  // 元/圓/圆 are the yuan, the New Taiwan dollar, the Hong Kong dollar and the pataca by place.
  元: ['CNY', 'TWD', 'HKD', 'MOP'],
  圓: ['CNY', 'TWD', 'HKD', 'MOP', 'JPY'],
  圆: ['CNY'],
};

/** Names people write that Intl.DisplayNames does not give. */
const EXTRA_NAMES: Record<string, string> = {
  RMB: 'CNY', 美金: 'USD', 港币: 'HKD', 台币: 'TWD', 台幣: 'TWD', 新台币: 'TWD', 新臺幣: 'TWD', 日币: 'JPY', 日幣: 'JPY',
};

const NAME_LANGUAGES = ['en', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'de', 'fr', 'es', 'pt', 'it', 'nl'];

/** The key a sign is compared by: compatibility forms folded ("￥" → "¥"), a trailing dot dropped ("kr." → "kr"). */
export const signKey = (s: string): string => s.normalize('NFKC').trim().replace(/\.$/, '');

function symbolIn(locale: string, currency: string, display: 'symbol' | 'narrowSymbol'): string | null {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display }).formatToParts(1);
    return parts.find((p) => p.type === 'currency')?.value ?? null;
  } catch {
    return null;
  }
}

function buildSigns(): Map<string, Set<string>> {
  const signs = new Map<string, Set<string>>();
  const add = (sign: string | null, code: string) => {
    // A sign equal to the code itself is an ISO code, read as such elsewhere.
    if (!sign || sign === code) return;
    const k = signKey(sign);
    if (!signs.has(k)) signs.set(k, new Set());
    signs.get(k)!.add(code);
  };
  for (const [region, code] of Object.entries(REGION_CURRENCY)) {
    const home = `${new Intl.Locale(`und-${region}`).maximize().language}-${region}`;
    add(symbolIn(home, code, 'symbol'), code);
    add(symbolIn(home, code, 'narrowSymbol'), code);
    add(symbolIn('en', code, 'symbol'), code);
  }
  for (const [sign, codes] of Object.entries(EXTRA_SIGNS)) for (const c of codes) add(sign, c);
  return signs;
}

function buildNames(): Map<string, string> {
  const names = new Map<string, string>();
  const codes = [...new Set(Object.values(REGION_CURRENCY))];
  for (const lang of NAME_LANGUAGES) {
    const dn = new Intl.DisplayNames([lang], { type: 'currency', fallback: 'none' });
    for (const c of codes) {
      const n = dn.of(c);
      if (n && n !== c) names.set(n.toLowerCase(), c);
    }
  }
  for (const [n, c] of Object.entries(EXTRA_NAMES)) names.set(n.toLowerCase(), c);
  return names;
}

let signs: Map<string, Set<string>> | null = null;
let names: Map<string, string> | null = null;
let codes: Set<string> | null = null;

/** Sign (as written) → the currencies it can mean. */
export function currencySigns(): Map<string, Set<string>> {
  return (signs ??= buildSigns());
}

/** Lower-case currency name → ISO 4217. */
export function currencyNames(): Map<string, string> {
  return (names ??= buildNames());
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * A [text, value] pair as the tables keep it. Checked by hand, not with zod's
 * tuple: this schema is in the content script, which every CRM page loads,
 * and the tuple type alone costs it ~0.6 KB gzip (issue 14: 30 KB budget).
 */
const pair = <V>(isValue: (v: unknown) => v is V) => z.custom<[string, V]>((v) => Array.isArray(v) && v.length === 2 && isString(v[0]) && isValue(v[1]));

/**
 * Both tables as plain data, with the runtime that built them: building them
 * takes ~25 ms of Intl calls, so the content script keeps them between pages
 * (entrypoints/content/currency-cache.ts). Order is kept (the first name
 * found in a text wins). Only valid for the same runtime: another browser
 * version may carry other CLDR data.
 */
export const currencyTablesSchema = z.object({
  /** who built them, e.g. the browser's user agent */
  runtime: z.string(),
  /** [sign, ISO 4217 codes] */
  signs: z.array(pair((codes) => Array.isArray(codes) && codes.every(isString))),
  /** [name, ISO 4217 code] */
  names: z.array(pair(isString)),
});
export type CurrencyTables = z.infer<typeof currencyTablesSchema>;

/** True once both tables exist in this context (built or adopted). */
export const currencyTablesReady = (): boolean => signs !== null && names !== null;

export function currencyTables(runtime: string): CurrencyTables {
  return { runtime, signs: [...currencySigns()].map(([k, v]) => [k, [...v]]), names: [...currencyNames()] };
}

/** Uses tables this same runtime built earlier instead of building them again. */
export function adoptCurrencyTables(t: CurrencyTables): void {
  signs = new Map(t.signs.map(([k, v]) => [k, new Set(v)]));
  names = new Map(t.names);
}

/** Every ISO 4217 code the runtime knows (Intl.supportedValuesOf). */
export function isoCodes(): Set<string> {
  return (codes ??= new Set(Intl.supportedValuesOf('currency')));
}

/** Digits after the decimal mark in the currency's minor unit (USD 2, JPY 0, KWD 3), from Intl. */
export function minorDigits(code: string): number | null {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? null;
  } catch {
    return null;
  }
}
