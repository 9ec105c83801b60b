// Amounts as people write them, per page language: each row is what a rep
// would read off the page. Null rows are texts that could mean two amounts:
// the sidebar leaves them for the rep rather than guessing.
import { describe, expect, it } from 'vitest';
import type { AmountContext } from '@/lib/crm/parse-amount';
import { parseAmount } from '@/lib/crm/parse-amount';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const THIN = '\u2009';

// [text, context, amount, currency]
const rows: [string, AmountContext, number | null, string | null][] = [
  // en
  ['$15,000.00', { locale: 'en-US' }, 15000, 'USD'],
  ['-$1,200.00', { locale: 'en-US' }, -1200, 'USD'],
  ['($1,200.00)', { locale: 'en-US' }, -1200, 'USD'],
  ['\u22121,200.50 USD', {}, -1200.5, 'USD'],
  ['$1,200', {}, 1200, null], // "$" alone: the amount is sure, the currency is not
  ['12k', { locale: 'en' }, 12000, null],
  ['$1.2M', { locale: 'en-US' }, 1200000, 'USD'],
  ['£86,500.00', { locale: 'en-GB' }, 86500, 'GBP'],
  ['A$ 2,500', {}, 2500, 'AUD'],
  ['C$ 2,500.25', {}, 2500.25, 'CAD'],
  ['S$ 800', {}, 800, 'SGD'],
  ['US$ 3,000', { locale: 'zh-TW' }, 3000, 'USD'],
  // en-IN: lakh/crore
  ['₹12,34,56,789.50', { locale: 'en-IN' }, 123456789.5, 'INR'],
  ['₹ 12.5 Lakh', { locale: 'en-IN' }, 1250000, 'INR'],
  ['Rs. 12,34,567', { locale: 'en-IN' }, 1234567, 'INR'],
  ['Rs. 12,34,567', {}, 1234567, null], // the Indian or the Pakistani rupee
  ['2.5 Cr', { locale: 'en-IN' }, 25000000, null], // no sign shown: the locale alone names no currency
  ['१२,३४,५६७ ₹', { locale: 'hi' }, 1234567, 'INR'],
  // zh-CN / zh-TW
  ['1亿2000万元', { locale: 'zh-CN' }, 120000000, 'CNY'],
  ['3万5千', { locale: 'zh-CN' }, 35000, null],
  ['1亿2千万', { locale: 'zh-CN' }, 120000000, null],
  ['¥128万', { locale: 'zh-CN' }, 1280000, 'CNY'],
  ['￥1,280,000.00', { locale: 'zh-CN' }, 1280000, 'CNY'],
  ['人民币 98,000 元', {}, 98000, 'CNY'],
  ['１２，３４５．６元', { locale: 'zh-CN' }, 12345.6, 'CNY'],
  ['NT$ 2,350,000', { locale: 'zh-TW' }, 2350000, 'TWD'],
  ['128萬元', { locale: 'zh-TW' }, 1280000, 'TWD'],
  ['HK$ 45,000.50', { locale: 'zh-HK' }, 45000.5, 'HKD'],
  ['MOP$ 1,000', { locale: 'zh-MO' }, 1000, 'MOP'],
  // ja / ko
  ['1億2000万円', { locale: 'ja' }, 120000000, 'JPY'],
  ['39,800万円', { locale: 'ja' }, 398000000, 'JPY'],
  ['¥12,000,000', { locale: 'ja' }, 12000000, 'JPY'],
  ['△1,200円', { locale: 'ja' }, -1200, 'JPY'], // △ is the Japanese bookkeeping minus
  ['1억 2000만 원', { locale: 'ko' }, 120000000, 'KRW'],
  ['₩1,200,000', { locale: 'ko' }, 1200000, 'KRW'],
  // de / de-CH / fr / es / pt / it / nl / nordics
  ['12.500,00 €', { locale: 'de' }, 12500, 'EUR'],
  ['€12.500', { locale: 'de' }, 12500, 'EUR'],
  ['1.200,00-', { locale: 'de' }, -1200, null],
  ['1,5 Mio. €', { locale: 'de' }, 1500000, 'EUR'],
  ['2 Mrd. €', { locale: 'de' }, 2000000000, 'EUR'],
  ["CHF 1'234.50", { locale: 'de-CH' }, 1234.5, 'CHF'],
  ['1’234’567.80 Fr.', { locale: 'fr-CH' }, 1234567.8, 'CHF'],
  [`12${NNBSP}500,00${NBSP}€`, { locale: 'fr' }, 12500, 'EUR'],
  [`\u22121${THIN}234,50 €`, { locale: 'fr' }, -1234.5, 'EUR'],
  ['€ 1.234.567,89', { locale: 'es' }, 1234567.89, 'EUR'],
  ['R$ 1.234,56', { locale: 'pt-BR' }, 1234.56, 'BRL'],
  ['R$ 10 mil', { locale: 'pt-BR' }, 10000, 'BRL'],
  ['€ 8.940,50', { locale: 'it' }, 8940.5, 'EUR'],
  ['€ 12.500,-', { locale: 'nl' }, 12500, 'EUR'], // ",-" is "no cents", not a minus
  ['Fr. 12.–', { locale: 'de-CH' }, 12, 'CHF'],
  ['3.000 kr.', { locale: 'da' }, 3000, 'DKK'],
  ['kr 3 000', { locale: 'nb-NO' }, 3000, 'NOK'],
  ['3 000 kr', { locale: 'sv' }, 3000, 'SEK'],
  ['3 000 kr', { defaultCurrency: 'SEK' }, 3000, 'SEK'],
  // ar: Arabic-Indic digits with Arabic separators
  ['١٢٬٣٤٥٫٦٧ US$', { locale: 'ar' }, 12345.67, 'USD'],
  // must be null: could be two amounts
  ['12,500', {}, null, null], // 12.5 in Germany, 12,500 in the US
  ['12.500', {}, null, null],
  ['3万5', { locale: 'zh-CN' }, null, null], // 35,000 spoken, 30,005 read literally
  ['¥1,200.50', { locale: 'ja' }, null, 'JPY'], // yen has no minor unit: a fraction means a misreading
  ['₩3,500.5', { locale: 'ko' }, null, 'KRW'],
  ['1,2 M €', { locale: 'es' }, null, 'EUR'], // "M" is thousands in Spanish bookkeeping
  ['USD 1,200 (EUR 1,100)', {}, 1200, 'USD'], // Salesforce multi-currency: the record's amount, then the user's converted one
  ['EUR 115.000,00 (USD 125.000,00)', { locale: 'de' }, 115000, 'EUR'],
  ['USD 1,200 (1,100)', {}, null, 'USD'], // not a conversion: two numbers, one unexplained
  ['1,200 (EUR 1,100)', {}, null, 'EUR'],
  ['1,000–2,000', { locale: 'en' }, null, null],
  ['1.234,567.89', {}, null, null],
  ['--1,200', {}, null, null],
  ['50%', {}, null, null],
  ['—', {}, null, null],
  ['N/A', {}, null, null],
  ['未填写', { locale: 'zh-CN' }, null, null],
];

describe('parseAmount', () => {
  it.each(rows)('%s (%o) → %s %s', (text, ctx, amount, currency) => {
    expect(parseAmount(text, ctx)).toEqual({ amount, currency });
  });

  it('a currency field beside the amount settles grouping vs decimal', () => {
    expect(parseAmount('12.500', { currency: 'EUR' }).amount).toBe(12500);
    expect(parseAmount('12.500', { currency: 'KWD' }).amount).toBe(12.5); // the dinar has 3 decimals
    expect(parseAmount('12.500', { locale: 'en-US' }).amount).toBe(12.5);
    expect(parseAmount('12.500', { locale: 'de-DE' }).amount).toBe(12500);
  });
});
