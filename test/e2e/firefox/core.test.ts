// The core checks in real Firefox ESR (issue 15), with the Firefox build
// installed as a temporary add-on and driven over WebDriver BiDi: the sidebar
// reads a deal on a CRM page, a draft survives a reload (IndexedDB in
// Firefox), and the popup lists it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFixtures, startFixtureServer } from '../harness/fixture-server';
import { firefoxSidebar, hasFirefox, launchFirefox, type FirefoxWithBaton } from './harness';

const deals = () => {
  const d = listFixtures().find((f) => f.crm === 'hubspot');
  if (!d) throw new Error('no HubSpot fixture');
  return d;
};

const dealFacts = (frame: Awaited<ReturnType<typeof firefoxSidebar>>) =>
  frame.evaluate(() => {
    const o: Record<string, string> = {};
    document.querySelectorAll('[data-field^="deal."]').forEach((e) => (o[e.getAttribute('data-field')!.slice(5)] = e.getAttribute('data-value') ?? ''));
    return o;
  });

describe.skipIf(!hasFirefox())('Firefox ESR', () => {
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

  it('the sidebar reads the deal on a CRM page', async () => {
    const deal = deals();
    const page = await ff.browser.newPage();
    await page.goto(deal.url);
    const frame = await firefoxSidebar(page);
    await frame.waitForSelector('[data-field="deal.dealName"]:not([data-value=""])', { timeout: 25_000 });
    await frame.waitForSelector('[data-field="deal.reading"]', { hidden: true, timeout: 25_000 });
    const facts = await dealFacts(frame);
    expect(facts.dealName).toBe(String(deal.expected.dealName));
    expect(facts.accountName).toBe(String(deal.expected.accountName));
    await page.close();
  });

  it('a draft survives a reload, and the popup lists its packet', async () => {
    const deal = deals();
    const page = await ff.browser.newPage();
    await page.goto(deal.url);
    let frame = await firefoxSidebar(page);
    await frame.waitForSelector('[data-path="salesNotes"]', { timeout: 25_000 });
    await frame.type('[data-path="salesNotes"]', 'Firefox 草稿: keep me');
    await frame.waitForSelector('[data-field="save-state"][data-value="saved"]', { timeout: 15_000 });

    await page.reload();
    frame = await firefoxSidebar(page);
    await frame.waitForSelector('[data-path="salesNotes"]', { timeout: 25_000 });
    await frame.waitForFunction(() => document.querySelector<HTMLTextAreaElement>('[data-path="salesNotes"]')?.value === 'Firefox 草稿: keep me', { timeout: 15_000 });

    // The popup is an extension page: opened from the sidebar (an extension page may open another).
    const opened = new Promise<import('puppeteer-core').Page>((resolve) =>
      ff.browser.once('targetcreated', (t: import('puppeteer-core').Target) => void t.page().then((p) => p && resolve(p))),
    );
    await frame.evaluate((url) => void window.open(url), ff.popupUrl);
    const popup = await opened;
    await popup.waitForSelector('[data-deal-key]', { timeout: 20_000 });
    const keys = await popup.$$eval('[data-deal-key]', (rows) => rows.map((r) => r.getAttribute('data-deal-key')));
    expect(keys).toHaveLength(1);
    expect(keys[0]).toContain('hubspot');
    await popup.close();
    await page.close();
  });
});
