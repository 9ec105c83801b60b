// The sidebar frame starts while the CRM is still rendering the record
// (issue 14: interactive soon after the record shows): the content script
// mounts it hidden as soon as the URL looks like a deal. Until the page has
// been read the rep sees no frame (no data-baton hook, not displayed, the
// page keeps its width) and no packet is made; once the read is done the
// frame shows the deal. Real Chromium with the built extension.
import { describe, expect, it } from 'vitest';
import { fixtureBrowser } from './harness/fixture-browser';

const env = fixtureBrowser({ locale: 'en-US' });

// A HubSpot deal URL whose page never renders a record: the read ends when
// the adapter's wait runs out (10 s), with nothing found.
const TENANT = '7070707';
const RECORD = '424242';
const URL_ = `https://app.hubspot.com/contacts/${TENANT}/record/0-3/${RECORD}`;
const KEY = `hubspot:${TENANT}:${RECORD}`;

async function packetStored(key: string): Promise<boolean> {
  const worker = env.browser.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'))!;
  return worker.evaluate(async (k) => {
    const db = (globalThis as unknown as { __batonDb: { packets: { get(key: string): Promise<unknown> } } }).__batonDb;
    return (await db.packets.get(k)) !== undefined;
  }, key);
}

describe('the sidebar frame on a page that looks like a deal', () => {
  it('is mounted hidden before the record is read, makes no packet meanwhile, and shows once the read is done', async () => {
    const page = await env.browser.context.newPage();
    await page.route(URL_, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Deal</title><body><p>Loading…</p></body></html>' }));
    await page.goto(URL_);
    const frame = page.locator('iframe[src*="sidebar.html"]');
    await expect.poll(() => frame.count(), { timeout: 8_000 }).toBe(1);

    // Read not finished yet: hidden, without the test hook, the page not narrowed.
    expect(await page.locator('iframe[data-baton="sidebar"]').count()).toBe(0);
    expect(await frame.evaluate((f) => getComputedStyle(f).display)).toBe('none');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('0px');
    expect(await packetStored(KEY)).toBe(false);

    // The wait runs out with nothing read: the sidebar shows, asking for the values.
    await page.waitForSelector('iframe[data-baton="sidebar"]', { state: 'visible', timeout: 30_000 });
    expect(await page.locator('iframe[src*="sidebar.html"]').count()).toBe(1); // the same frame, not a second one
    await expect.poll(() => packetStored(KEY), { timeout: 20_000 }).toBe(true);
    await page.close();
  });
});
