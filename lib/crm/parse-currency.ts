// Currency symbols, codes and names as CRMs display them → ISO 4217. Longer
// symbols first so "NT$" is not read as "$", "CN¥" not as "¥".
const SYMBOLS: [string, string][] = [
  ['NT$', 'TWD'],
  ['HK$', 'HKD'],
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['AU$', 'AUD'],
  ['NZ$', 'NZD'],
  ['SG$', 'SGD'],
  ['MX$', 'MXN'],
  ['R$', 'BRL'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['S$', 'SGD'],
  ['CN¥', 'CNY'],
  ['JP¥', 'JPY'],
  ['￥', 'CNY'],
  ['元', 'CNY'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₫', 'VND'],
  ['฿', 'THB'],
  ['₱', 'PHP'],
  ['zł', 'PLN'],
  ['kr', 'SEK'],
  ['Fr.', 'CHF'],
];

const NAMES: [RegExp, string][] = [
  [/人民币|人民幣|RMB/i, 'CNY'],
  [/新台币|新台幣|新臺幣/, 'TWD'],
  [/港币|港幣/, 'HKD'],
  [/美元|美金|US Dollar/i, 'USD'],
  [/欧元|歐元|\bEuro\b/i, 'EUR'],
  [/英镑|英鎊|Pound Sterling|British Pound/i, 'GBP'],
  [/日元|日圓|Japanese Yen/i, 'JPY'],
  [/Swiss Franc/i, 'CHF'],
  [/Canadian Dollar/i, 'CAD'],
  [/Australian Dollar/i, 'AUD'],
  [/Singapore Dollar/i, 'SGD'],
  [/Indian Rupee/i, 'INR'],
];

const ISO = /\b(USD|EUR|GBP|CNY|RMB|JPY|TWD|HKD|SGD|AUD|CAD|CHF|INR|KRW|NZD|SEK|NOK|DKK|PLN|BRL|MXN|ZAR|AED|SAR|THB|MYR|IDR|PHP|VND|RUB|TRY|CZK|HUF|ILS)\b/;

/** ISO code named in the text, or null. `bare` resolves a lone "$" / "¥". */
export function parseCurrency(text: string, bare: { dollar?: string; yen?: string } = {}): string | null {
  const t = text;
  const iso = ISO.exec(t.toUpperCase());
  if (iso?.[1]) return iso[1] === 'RMB' ? 'CNY' : iso[1];
  for (const [re, code] of NAMES) if (re.test(t)) return code;
  for (const [sym, code] of SYMBOLS) {
    if (sym === 'kr' ? /\bkr\b/i.test(t) : t.includes(sym)) return code;
  }
  if (t.includes('$')) return bare.dollar ?? 'USD';
  if (t.includes('¥')) return bare.yen ?? 'CNY';
  return null;
}

/** What a bare "$" / "¥" means for an adapter whose default currency is `iso`. */
export function bareSymbols(iso: string | undefined): { dollar?: string; yen?: string } {
  if (!iso) return {};
  return iso === 'CNY' || iso === 'JPY' ? { yen: iso } : { dollar: iso };
}
