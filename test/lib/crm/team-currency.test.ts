// The team's currency settles a sign the page leaves open, for every adapter,
// and only a sign that can mean it: "kr" on a German-language page is the
// team's SEK, "¥" on a Japanese page stays yen whatever the team uses, and a
// team without a currency leaves "kr" for the rep.
import { afterEach, describe, expect, it } from 'vitest';
import type { JSDOM } from 'jsdom';
import { defineAdapter } from '@/lib/crm/adapter-schema';
import { readSnapshot } from '@/lib/crm/read-snapshot';
import { parseTeamCurrency, withTeamCurrency } from '@/lib/crm/team-currency';
import { loadPage } from './load-page';

const adapter = defineAdapter({
  id: 'custom:kassa',
  name: 'Kassa CRM',
  hosts: ['crm.example.com'],
  url: { pattern: '^/deal/(?<recordId>\\d+)$' },
  fields: { dealName: [{ css: 'h1' }], amount: [{ label: ['Betrag', '金額'] }] },
});

let dom: JSDOM | null = null;
afterEach(() => {
  dom?.window.close();
  dom = null;
});

const page = (lang: string, amount: string, label = 'Betrag') =>
  `<!doctype html><html lang="${lang}"><body><h1>Deal</h1><dl><dt>${label}</dt><dd>${amount}</dd></dl></body></html>`;

function read(html: string, team: string | null) {
  dom = loadPage(html, 'https://crm.example.com/deal/7');
  const [a] = withTeamCurrency([adapter], team);
  const s = readSnapshot(dom.window.document, a!);
  return { amount: s.amount, currency: s.currency };
}

describe('the team currency', () => {
  it.each([
    ['de', '3 000 kr', 'SEK', { amount: 3000, currency: 'SEK' }],
    ['de', '3 000 kr', null, { amount: 3000, currency: null }],
    ['de', '3 000 kr', 'EUR', { amount: 3000, currency: null }], // EUR is never "kr"
    ['en-US', '$1,200', 'CAD', { amount: 1200, currency: 'CAD' }],
    ['ja', '¥12,000', 'CNY', { amount: 12000, currency: 'JPY' }], // a Japanese page writes yen as ¥
    ['fr', '1 200 €', 'SEK', { amount: 1200, currency: 'EUR' }], // the page's own sign wins
  ] as const)('%s page, %s, team %s → %o', (lang, amount, team, want) => {
    expect(read(page(lang, amount), team)).toEqual(want);
  });

  it('only an ISO code from storage counts', () => {
    expect(parseTeamCurrency('SEK')).toBe('SEK');
    expect(parseTeamCurrency('sek')).toBeNull();
    expect(parseTeamCurrency(null)).toBeNull();
    expect(parseTeamCurrency(42)).toBeNull();
  });
});
