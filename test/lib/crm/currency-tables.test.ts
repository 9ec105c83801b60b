// The currency tables kept between pages (entrypoints/content/currency-cache.ts)
// read exactly like the ones built from Intl: same signs, same names in the
// same order, so every amount and currency parses the same from the cache.
import { describe, expect, it } from 'vitest';
import { adoptCurrencyTables, currencyNames, currencySigns, currencyTables, currencyTablesSchema } from '@/lib/crm/currency-signs';
import { parseCurrency } from '@/lib/crm/parse-currency';

const SAMPLES = ['US$ 12,000', '¥1,200', '3 000 kr', 'R$ 5.000,00', '人民币 8,000', 'CHF 1’200.50', 'Schweizer Franken', 'HK$ 800', '€ 1.234,56', '₩3,500'];

describe('currency tables kept as data', () => {
  it('round-trip through JSON (extension storage) into the same tables', () => {
    const built = { signs: currencySigns(), names: currencyNames() };
    const before = SAMPLES.map((s) => parseCurrency(s, { locale: 'en' }));
    const stored = currencyTablesSchema.parse(JSON.parse(JSON.stringify(currencyTables('test runtime'))));
    expect(stored.runtime).toBe('test runtime');
    adoptCurrencyTables(stored);
    expect(currencySigns()).not.toBe(built.signs); // adopted, not the built ones
    expect(currencySigns()).toEqual(built.signs);
    expect([...currencyNames()]).toEqual([...built.names]);
    expect(SAMPLES.map((s) => parseCurrency(s, { locale: 'en' }))).toEqual(before);
  });

  it('a stored value of another shape is not adopted', () => {
    expect(currencyTablesSchema.safeParse({ runtime: 'x', signs: [['$', 'USD']], names: [] }).success).toBe(false);
    expect(currencyTablesSchema.safeParse(null).success).toBe(false);
  });
});
