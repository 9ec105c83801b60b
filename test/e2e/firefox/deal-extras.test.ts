// The extras reader in real Firefox ESR (Manifest V2 build): the background
// injects it with browser.scripting.executeScript as in Chromium, and the
// sidebar receives the contacts, activities and line items of the HubSpot
// extras fixture — never those of the earlier deal view the page keeps hidden.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealExtras } from '@/lib/crm/deal-extras';
import { startFixtureServer } from '../harness/fixture-server';
import { firefoxSidebar, hasFirefox, launchFirefox, type FirefoxWithBaton } from './harness';

const fixture = JSON.parse(readFileSync('test/fixtures/crm-extras/hubspot-deal-extras.json', 'utf8')) as { url: string; extras: DealExtras; foreign: string[] };

describe.skipIf(!hasFirefox())('Firefox ESR: deal extras', () => {
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  let ff: FirefoxWithBaton;

  beforeAll(async () => {
    fixtures = await startFixtureServer({ port: 0 });
    ff = await launchFirefox(fixtures.port);
  });
  afterAll(async () => {
    await ff?.close();
    await fixtures?.close();
  });

  it('the sidebar receives the three contacts, five activities and two line items of the deal on screen', async () => {
    const page = await ff.browser.newPage();
    await page.goto(fixture.url);
    const frame = await firefoxSidebar(page);
    const seen: string[] = [];
    let shown: DealExtras | null = null;
    for (let i = 0; i < 120 && JSON.stringify(shown) !== JSON.stringify(fixture.extras); i++) {
      const raw = await frame.evaluate(() => document.querySelector('[data-field="crm.extras"]')?.getAttribute('data-value') ?? null);
      if (raw) {
        seen.push(raw);
        shown = JSON.parse(raw) as DealExtras;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(shown).toEqual(fixture.extras);
    for (const text of fixture.foreign) expect(seen.filter((s) => s.includes(text)), text).toEqual([]);
    await page.close();
  });
});
