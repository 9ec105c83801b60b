// Issue 19 item 1 in real Chromium with the built extension: the sidebar gets
// what the CRM page shows besides the deal facts — the contacts with their
// roles, the activities and the line items of the record on screen — through
// the background (the extras reader injected on demand, never the content
// script's bundle), and never those of the earlier deal view the page keeps
// hidden; rows that render late arrive as the page changes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DealExtras } from '@/lib/crm/deal-extras';
import { sidebarFrame } from './harness/browser';
import { fixtureBrowser } from './harness/fixture-browser';

const env = fixtureBrowser({ locale: 'en-US' });
const DIR = 'test/fixtures/crm-extras';
interface ExtrasFixture {
  file: string;
  url: string;
  extras: DealExtras;
  foreign: string[];
}
const fixtures = (JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as { file: string }[]).map(
  (m) => ({ file: m.file, ...JSON.parse(readFileSync(`${DIR}/${m.file.replace(/\.html$/, '.json')}`, 'utf8')) }) as ExtrasFixture,
);

describe('the sidebar receives the extras of the deal on screen', () => {
  it.each(fixtures)('$file: three contacts, five activities, two line items, and nothing of the hidden earlier view', async (fixture) => {
    const page = await env.browser.context.newPage();
    await page.goto(fixture.url);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-field="deal.recordId"]', { timeout: 20_000 });
    // Every extras value the sidebar shows, in order, until the page's late timeline rows arrived.
    const seen: string[] = [];
    let shown: DealExtras | null = null;
    for (let i = 0; i < 120 && JSON.stringify(shown) !== JSON.stringify(fixture.extras); i++) {
      const raw = await frame.getAttribute('[data-field="crm.extras"]', 'data-value', { timeout: 20_000 }).catch(() => null);
      if (raw) {
        seen.push(raw);
        shown = JSON.parse(raw) as DealExtras;
      }
      await page.waitForTimeout(250);
    }
    expect(shown).toEqual(fixture.extras);
    expect(await frame.getAttribute('[data-field="crm.extras"]', 'data-contacts')).toBe('3');
    expect(await frame.getAttribute('[data-field="crm.extras"]', 'data-activities')).toBe('5');
    expect(await frame.getAttribute('[data-field="crm.extras"]', 'data-line-items')).toBe('2');
    for (const text of fixture.foreign) expect(seen.filter((s) => s.includes(text)), text).toEqual([]);
    await page.close();
  });
});
