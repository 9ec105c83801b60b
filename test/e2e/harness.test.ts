// The harness itself: fixture pages at their real addresses, 404 elsewhere,
// the built extension's service worker running.
import { describe, expect, it } from 'vitest';

import { listFixtures } from './harness/fixture-server';
import { fixtureBrowser } from './harness/fixture-browser';

const env = fixtureBrowser();

describe('e2e harness', () => {
  it('serves each fixture at its real URL and the page renders its deal', async () => {
    const page = await env.browser.context.newPage();
    for (const fx of listFixtures()) {
      const res = await page.goto(fx.url);
      expect(res?.status(), fx.url).toBe(200);
      expect(new URL(page.url()).host).toBe(new URL(fx.url).host);
    }
    await page.goto(listFixtures().find((f) => f.crm === 'zoho')!.url);
    await page.waitForSelector('#value_Deal_Name');
    expect(await page.textContent('#value_Deal_Name')).toBe('Harrowgate Foods - ERP Integration Phase 2');
    await page.close();
  });

  it('answers 404 for unknown paths and hosts', async () => {
    const page = await env.browser.context.newPage();
    expect((await page.goto('https://app.hubspot.com/nothing-here'))?.status()).toBe(404);
    expect((await page.goto('https://unknown.example.com/'))?.status()).toBe(404);
    await page.close();
  });

  it('runs the built extension', async () => {
    expect(env.browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(env.browser.context.serviceWorkers().some((w) => w.url().endsWith('/background.js'))).toBe(true);
  });
});
