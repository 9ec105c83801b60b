// Dates as people write them, per page language → YYYY-MM-DD. Null rows are
// impossible dates, non-dates, and dates that could be two days when neither
// the page locale nor the adapter says which.
import { describe, expect, it } from 'vitest';
import type { ReadContext } from '@/lib/crm/locale-facts';
import { parseDate } from '@/lib/crm/parse-date';

// [text, context, YYYY-MM-DD or null]
const rows: [string, ReadContext, string | null][] = [
  // ISO: the calendar date as written, never shifted into UTC
  ['2027-03-31', {}, '2027-03-31'],
  ['2027-03-31T23:30:00-08:00', {}, '2027-03-31'],
  ['2027-03-31T00:30:00+09:00', {}, '2027-03-31'],
  ['2027-03-31T10:00:00.000Z', {}, '2027-03-31'],
  ['2027-03-31 10:00', {}, '2027-03-31'],
  // en
  ['Dec 31, 2027', { locale: 'en-US' }, '2027-12-31'],
  ['Friday, December 31st, 2027', { locale: 'en' }, '2027-12-31'],
  ['Sept 3, 2026', { locale: 'en' }, '2026-09-03'],
  ['31-Dec-2027', { locale: 'en-GB' }, '2027-12-31'],
  ['3/31/2027 2:00 PM', { locale: 'en-US' }, '2027-03-31'],
  ['03/04/2027', { locale: 'en-US' }, '2027-03-04'],
  ['03/04/2027', { locale: 'en-GB' }, '2027-04-03'],
  ['03/04/2027', { locale: 'en', dateOrder: 'DMY' }, '2027-04-03'], // bare "en" does not settle it; the adapter does
  ['12/15/26', { locale: 'en-US' }, '2026-12-15'],
  // de / fr / es / pt / it / nl
  ['31. Dezember 2027', { locale: 'de' }, '2027-12-31'],
  ['Dec 31, 2027', { locale: 'de' }, '2027-12-31'], // a German UI showing an English-locale date
  ['Mittwoch, 31. März 2027', { locale: 'de-DE' }, '2027-03-31'],
  ['31.03.2027', { locale: 'de' }, '2027-03-31'],
  ['03.04.2027', {}, '2027-04-03'], // dotted dates are day first everywhere
  ['31 déc. 2027', { locale: 'fr' }, '2027-12-31'],
  ['1er janvier 2027', { locale: 'fr-FR' }, '2027-01-01'],
  ['03/04/2027', { locale: 'fr', dateOrder: 'MDY' }, '2027-04-03'], // the page's locale before an adapter default
  ['31 de diciembre de 2027', { locale: 'es' }, '2027-12-31'],
  ['31 dic 2027', { locale: 'es-ES' }, '2027-12-31'],
  ['31 de março de 2027', { locale: 'pt-BR' }, '2027-03-31'],
  ['31/03/2027', { locale: 'pt-BR' }, '2027-03-31'],
  ['31 dicembre 2027', { locale: 'it' }, '2027-12-31'],
  ['31 mrt. 2027', { locale: 'nl' }, '2027-03-31'],
  ['31-03-2027', { locale: 'nl-NL' }, '2027-03-31'],
  // zh / ja / ko
  ['2027年3月31日', { locale: 'zh-CN' }, '2027-03-31'],
  ['2027 年 03 月 31 日 星期三', { locale: 'zh-CN' }, '2027-03-31'],
  ['2027/03/31', { locale: 'zh-TW' }, '2027-03-31'],
  ['民國116年3月31日', { locale: 'zh-TW' }, '2027-03-31'],
  ['令和9年3月31日', { locale: 'ja' }, '2027-03-31'],
  ['令和元年5月1日', { locale: 'ja' }, '2019-05-01'],
  ['２０２７年３月３１日（水）', { locale: 'ja' }, '2027-03-31'],
  ['2027. 3. 31.', { locale: 'ko' }, '2027-03-31'],
  ['2027년 3월 31일 (수)', { locale: 'ko' }, '2027-03-31'],
  // other digits
  ['٣١/١٢/٢٠٢٧', { locale: 'ar' }, '2027-12-31'],
  // must be null
  ['03/04/2027', {}, null],
  ['03/04/2027', { locale: 'en' }, null],
  ['2027-02-30', {}, null],
  ['2025-02-29', {}, null],
  ['31/04/2027', { locale: 'fr' }, null],
  ['2026-13-01', {}, null],
  ['令和元年4月1日', { locale: 'ja' }, null], // before 令和 began (1 May 2019)
  ['31 Foo 2027', { locale: 'en' }, null],
  ['Dec 2027', { locale: 'en' }, null],
  ['Q1 2027', {}, null],
  ['soon', {}, null],
  ['', {}, null],
];

describe('parseDate', () => {
  it.each(rows)('%j (%o) → %s', (text, ctx, want) => {
    expect(parseDate(text, ctx)).toBe(want);
  });

  it('still takes a bare date order, as adapters give it', () => {
    expect(parseDate('03/04/2027', 'DMY')).toBe('2027-04-03');
    expect(parseDate('03/04/2027', 'MDY')).toBe('2027-03-04');
  });
});
