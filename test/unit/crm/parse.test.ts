import { describe, expect, it } from 'vitest';
import { parseAmount } from '@/lib/crm/parse-amount';
import { parseDate } from '@/lib/crm/parse-date';

describe('parseAmount', () => {
  it.each([
    ['$15,000.00', 15000, 'USD'],
    ['$125,000.00', 125000, 'USD'],
    ['€12.000,00', 12000, 'EUR'],
    ['€12.500,00', 12500, 'EUR'],
    ['€8.940,50', 8940.5, 'EUR'],
    ['12 500,00 €', 12500, 'EUR'],
    ['12 500,00 €', 12500, 'EUR'],
    ['¥1,234,567.00', 1234567, 'CNY'],
    ['¥1,280,000.00', 1280000, 'CNY'],
    ['CN¥ 98,000', 98000, 'CNY'],
    ['￥98,000', 98000, 'CNY'],
    ['RMB 98,000', 98000, 'CNY'],
    ['人民币 98,000 元', 98000, 'CNY'],
    ['98,000元', 98000, 'CNY'],
    ['NT$ 1,200', 1200, 'TWD'],
    ['NT$1,200,000', 1200000, 'TWD'],
    ['新台幣 350,000', 350000, 'TWD'],
    ['HK$ 45,000.50', 45000.5, 'HKD'],
    ['US$ 3,000', 3000, 'USD'],
    ['A$ 2,500', 2500, 'AUD'],
    ['C$ 2,500.25', 2500.25, 'CAD'],
    ['S$ 800', 800, 'SGD'],
    ['£86,500.00', 86500, 'GBP'],
    ['JPY 1,000', 1000, 'JPY'],
    ['USD 1,234.50', 1234.5, 'USD'],
    ['1,280,000.00 CNY', 1280000, 'CNY'],
    ['128万', 1280000, null],
    ['128萬元', 1280000, 'CNY'],
    ['¥128万', 1280000, 'CNY'],
    ['1.5亿', 150000000, null],
    ["CHF 1'234.50", 1234.5, 'CHF'],
    ['₹12,34,567.00', 1234567, 'INR'],
    ['-$1,200.00', -1200, 'USD'],
    ['($1,200.00)', -1200, 'USD'],
    ['12,500', 12500, null],
    ['12.500', 12500, null],
    ['1,5', 1.5, null],
    ['0.125', 0.125, null],
    ['€ 1.234.567,89', 1234567.89, 'EUR'],
    ['US Dollar 312,400.00', 312400, 'USD'],
  ])('%s → %s %s', (text, amount, currency) => {
    expect(parseAmount(text)).toEqual({ amount, currency });
  });

  it.each(['', '—', 'N/A', '未填写', 'USD', '$'])('no number in %j → null', (text) => {
    expect(parseAmount(text).amount).toBeNull();
  });

  it('a bare "$" follows the adapter default currency', () => {
    expect(parseAmount('$5,000', { defaultCurrency: 'CAD' })).toEqual({ amount: 5000, currency: 'CAD' });
    expect(parseAmount('¥5,000', { defaultCurrency: 'JPY' })).toEqual({ amount: 5000, currency: 'JPY' });
  });
});

describe('parseDate', () => {
  it.each([
    ['11/30/2026', undefined, '2026-11-30'],
    ['28/02/2027', 'DMY', '2027-02-28'],
    ['28/02/2027', undefined, '2027-02-28'],
    ['03/04/2027', 'MDY', '2027-03-04'],
    ['03/04/2027', 'DMY', '2027-04-03'],
    ['15.12.2026', undefined, '2026-12-15'],
    ['31.01.2027', 'DMY', '2027-01-31'],
    ['2026-12-15', undefined, '2026-12-15'],
    ['2026/12/15', undefined, '2026-12-15'],
    ['2026.1.5', undefined, '2026-01-05'],
    ['2026年12月15日', undefined, '2026-12-15'],
    ['2026年1月5日', undefined, '2026-01-05'],
    ['2026 年 1 月 5 日', undefined, '2026-01-05'],
    ['Jan 30, 2027', undefined, '2027-01-30'],
    ['January 30, 2027', undefined, '2027-01-30'],
    ['Sept 3, 2026', undefined, '2026-09-03'],
    ['30 Jan 2027', undefined, '2027-01-30'],
    ['3/31/2027', undefined, '2027-03-31'],
    ['2026-12-15T10:30:00Z', undefined, '2026-12-15'],
    ['12/15/26', undefined, '2026-12-15'],
    ['2024-02-29', undefined, '2024-02-29'],
  ] as const)('%s (%s) → %s', (text, order, want) => expect(parseDate(text, order)).toBe(want));

  it.each(['2027-02-30', '2026-13-01', '31/31/2026', '00/10/2026', 'soon', '', 'Q1 2027', '2025-02-29', 'Foo 3, 2026'])('%j → null', (text) =>
    expect(parseDate(text)).toBeNull(),
  );
});
