// Currency from context: what a rep would take the page to mean, per page
// language and team default. Null rows are signs the context does not settle;
// the sidebar then asks the rep to choose.
import { describe, expect, it } from 'vitest';
import type { ReadContext } from '@/lib/crm/locale-facts';
import { parseCurrency } from '@/lib/crm/parse-currency';

// [text, context, ISO 4217 or null]
const rows: [string, ReadContext, string | null][] = [
  // codes and names decide in any language
  ['EUR', {}, 'EUR'],
  ['1,280,000.00 CNY', { locale: 'ja' }, 'CNY'],
  ['JPY 1,000', { locale: 'zh-CN' }, 'JPY'],
  ['Opportunity Amount: (EUR €):', { locale: 'en' }, 'EUR'],
  ['RMB', {}, 'CNY'],
  ['人民币', {}, 'CNY'],
  ['人民幣', {}, 'CNY'],
  ['美元', {}, 'USD'],
  ['新臺幣', {}, 'TWD'],
  ['US Dollar', {}, 'USD'],
  ['Euro', { locale: 'de' }, 'EUR'],
  ['Schweizer Franken', { locale: 'de-CH' }, 'CHF'],
  ['Real brasileiro', { locale: 'pt-BR' }, 'BRL'],
  ['日本円', { locale: 'ja' }, 'JPY'],
  // signs only one currency uses
  ['€', { locale: 'fr' }, 'EUR'],
  ['£', {}, 'GBP'],
  ['R$', {}, 'BRL'],
  ['NT$', {}, 'TWD'],
  ['HK$', {}, 'HKD'],
  ['MOP$', {}, 'MOP'],
  ['US$', {}, 'USD'],
  ['A$', {}, 'AUD'],
  ['C$', {}, 'CAD'],
  ['S$', {}, 'SGD'],
  ['CHF', {}, 'CHF'],
  ['₩', {}, 'KRW'],
  ['원', { locale: 'ko' }, 'KRW'],
  ['円', {}, 'JPY'],
  ['₹', {}, 'INR'],
  // shared signs read with the page language
  ['¥', { locale: 'ja' }, 'JPY'],
  ['￥', { locale: 'ja-JP' }, 'JPY'],
  ['¥', { locale: 'zh-CN' }, 'CNY'],
  ['￥', { locale: 'zh-TW' }, 'CNY'],
  ['元', { locale: 'zh-CN' }, 'CNY'],
  ['元', { locale: 'zh-TW' }, 'TWD'],
  ['圓', { locale: 'zh-Hant-TW' }, 'TWD'],
  ['元', { locale: 'zh-HK' }, 'HKD'],
  ['元', { locale: 'ja' }, 'CNY'], // Japanese writes the yuan as 元
  ['kr', { locale: 'sv-SE' }, 'SEK'],
  ['kr', { locale: 'nb' }, 'NOK'],
  ['kr.', { locale: 'da' }, 'DKK'],
  ['kr.', { locale: 'is' }, 'ISK'],
  ['$', { locale: 'en-CA' }, 'CAD'],
  ['$', { locale: 'es-MX' }, 'MXN'],
  ['$', { locale: 'zh-TW' }, 'TWD'],
  ['$', { locale: 'en-US' }, 'USD'],
  // the team's or adapter's currency settles a shared sign the page does not
  ['$', { locale: 'fr', defaultCurrency: 'CAD' }, 'CAD'],
  ['kr', { locale: 'de', defaultCurrency: 'NOK' }, 'NOK'],
  ['¥', { defaultCurrency: 'JPY' }, 'JPY'],
  ['¥', { locale: 'ja', defaultCurrency: 'CNY' }, 'JPY'], // a Japanese page writes yen as ¥
  // must be null: ambiguous, absent, or contradictory
  ['¥', {}, null],
  ['￥', { locale: 'en-US' }, null],
  ['元', {}, null],
  ['kr', {}, null],
  ['kr', { locale: 'de' }, null],
  ['$', {}, null],
  ['$', { locale: 'fr' }, null],
  ['$', { locale: 'en', defaultCurrency: 'EUR' }, 'USD'], // EUR is no "$": the page's own reading stands
  ['USD 100 (EUR 92)', {}, null],
  ['EUR $', {}, null],
  ['Dollar', {}, null],
  ['', {}, null],
  ['—', {}, null],
];

describe('parseCurrency', () => {
  it.each(rows)('%j (%o) → %s', (text, ctx, want) => {
    expect(parseCurrency(text, ctx)).toBe(want);
  });
});
