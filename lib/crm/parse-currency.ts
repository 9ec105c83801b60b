// The currency a page text names → ISO 4217, or null. Read from context, never
// a fixed guess:
// 1. an ISO code ("EUR", "1,200 CNY") or a currency name ("人民币", "Euro") decides;
// 2. a sign that only one currency uses ("€", "R$", "NT$", "₩", "円") decides;
// 3. a shared sign is read with the page's language: "¥"/"￥" is JPY on a
//    Japanese page and CNY on a Chinese one; "元"/"圓" is CNY, TWD, HKD or MOP
//    by the Chinese page's region;
// 4. then the team's or adapter's default currency, if the sign can mean it;
// 5. then the currency of the page locale's region ("$" on en-CA is CAD,
//    "kr" on a Swedish page is SEK);
// 6. otherwise null, and the sidebar asks the rep.
// Two different currencies in one text ("USD 100 (EUR 92)") are null too.
import { currencyNames, currencySigns, isoCodes, minorDigits, signKey } from './currency-signs';
import { languageOf, localCurrency, regionOf, type ReadContext } from './locale-facts';

/** Unit signs whose meaning is fixed by the page's language, not by its region's currency. */
function byLanguage(sign: string, locale: string | null | undefined): string | null {
  const lang = languageOf(locale);
  if (sign === '¥') return lang === 'ja' ? 'JPY' : lang === 'zh' ? 'CNY' : null;
  if (sign === '元' || sign === '圓' || sign === '圆') {
    if (lang === 'ja') return sign === '元' ? 'CNY' : 'JPY';
    if (lang !== 'zh') return null;
    const region = regionOf(locale);
    return region === 'TW' ? 'TWD' : region === 'HK' ? 'HKD' : region === 'MO' ? 'MOP' : 'CNY';
  }
  return null;
}

/** What a sign means in this context, or null when it stays ambiguous. */
export function resolveSign(sign: string, ctx: ReadContext = {}): string | null {
  const key = signKey(sign);
  const candidates = currencySigns().get(key);
  if (!candidates?.size) return null;
  if (candidates.size === 1) return [...candidates][0]!;
  const lang = byLanguage(key, ctx.locale);
  if (lang && candidates.has(lang)) return lang;
  if (ctx.defaultCurrency && candidates.has(ctx.defaultCurrency)) return ctx.defaultCurrency;
  const local = localCurrency(ctx.locale);
  return local && candidates.has(local) ? local : null;
}

/** `s` with `n` characters at `i` replaced by spaces (positions kept). */
export const blankOut = (s: string, i: number, n: number): string => s.slice(0, i) + ' '.repeat(n) + s.slice(i + n);

const isLetter = (ch: string | undefined) => !!ch && /\p{L}/u.test(ch);
const isLatin = (s: string) => /[A-Za-z]/.test(s);

/** Finds `needle` in `hay` where it is not part of a longer (Latin) word. */
function findToken(hay: string, needle: string, from = 0): number {
  for (let i = hay.indexOf(needle, from); i >= 0; i = hay.indexOf(needle, i + 1)) {
    if (!isLatin(needle)) return i;
    if (!isLetter(hay[i - 1]) && !isLetter(hay[i + needle.length])) return i;
  }
  return -1;
}

interface Evidence {
  /** currencies named outright (codes, names) */
  named: Set<string>;
  /** signs found, longest first, each used once */
  signs: string[];
}

function gather(text: string): Evidence {
  let rest = text.normalize('NFKC');
  const named = new Set<string>();
  for (const m of rest.matchAll(/(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])/g)) if (isoCodes().has(m[0])) named.add(m[0]);
  // Names are blanked once found, so "美元" is not read again as the sign "元".
  let lower = rest.toLowerCase();
  for (const [name, code] of currencyNames()) {
    for (const word of [`${name}s`, name]) {
      for (let i = findToken(lower, word); i >= 0; i = findToken(lower, word)) {
        named.add(code);
        lower = blankOut(lower, i, word.length);
        if (lower.length === rest.length) rest = blankOut(rest, i, word.length);
      }
    }
  }
  const signs: string[] = [];
  const keys = [...currencySigns().keys()].sort((a, b) => b.length - a.length);
  for (const key of keys) {
    for (let i = findToken(rest, key); i >= 0; i = findToken(rest, key)) {
      signs.push(key);
      rest = blankOut(rest, i, key.length);
    }
  }
  return { named, signs };
}

/**
 * ISO 4217 code of the currency `text` shows, read in `ctx` (page locale, team
 * or adapter default); null when the text names none or stays ambiguous.
 */
export function parseCurrency(text: string | null | undefined, ctx: ReadContext = {}): string | null {
  if (!text) return null;
  const { named, signs } = gather(text);
  if (named.size > 1) return null;
  if (named.size === 1) {
    const code = [...named][0]!;
    // A sign beside the code must be able to mean it ("EUR €" yes, "EUR $" no).
    return signs.every((s) => currencySigns().get(s)?.has(code)) ? code : null;
  }
  const read = new Set(signs.map((s) => resolveSign(s, ctx)));
  if (read.size !== 1 || read.has(null)) return null;
  return [...read][0]!;
}

/**
 * Minor-unit digits shared by every currency the signs in `text` could mean
 * ("$": USD, CAD, TWD… all 2 or 0, none 3): enough to tell "$1,200" is
 * grouped even while the currency itself stays undecided. Null when unknown.
 */
export function signMinorDigits(text: string): number | null {
  const { signs } = gather(text);
  const digits = new Set(signs.flatMap((s) => [...(currencySigns().get(s) ?? [])].map(minorDigits)));
  if (!digits.size || digits.has(3) || digits.has(null)) return null;
  return digits.has(2) ? 2 : 0;
}
