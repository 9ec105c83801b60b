// Drill, the browser half of the bad-input tour: markup in what the CRM page
// shows and in what the rep types is displayed as text in the sidebar and the
// popup — never parsed, never run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sidebarFrame, type LaunchedBrowser } from '../e2e/harness/browser';
import { listFixtures, startFixtureServer } from '../e2e/harness/fixture-server';

const EVIL = '<img src=x onerror="window.__pwned=1"><b>Bluefin</b><script>window.__pwned=2</script>';

describe('markup shown and typed stays text', () => {
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    fixtures = await startFixtureServer({ port: 0 });
    browser = await launchWithExtension({ fixturePort: fixtures.port });
  });
  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
  });

  it('from the CRM page and from the keyboard, in the sidebar and the popup', async () => {
    const deal = listFixtures().find((f) => f.crm === 'hubspot')!;
    const page = await browser.context.newPage();
    await page.goto(deal.url);
    const frame = await sidebarFrame(page);
    await frame.locator('[data-field="deal.accountName"][data-value="Bluefin Logistics"]').waitFor({ timeout: 15_000 });
    // The CRM shows a company name full of markup (as text: that is how a CRM would show it).
    await page.evaluate((evil) => {
      const el = document.querySelector('[data-selenium-test="association-card-company"] [data-selenium-test="association-card-title"]')!;
      el.textContent = evil;
    }, EVIL);
    const account = frame.locator('[data-field="deal.accountName"]');
    await expect.poll(() => account.getAttribute('data-value'), { timeout: 15_000 }).toBe(EVIL);
    expect(await account.textContent()).toContain('<img src=x');

    await frame.locator('[data-path="salesNotes"]').fill(EVIL);
    await frame.locator('[data-add="stakeholders"]').click();
    await frame.locator('[data-path="stakeholders.name[0]"]').fill(EVIL);
    await frame.locator('[data-field="save-state"][data-value="saved"]').waitFor({ timeout: 10_000 });

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.locator('[data-deal-key]').first().waitFor({ timeout: 10_000 });
    const counts = async (where: { evaluate<R>(f: () => R): Promise<R> }) =>
      where.evaluate(() => ({ imgs: document.querySelectorAll('img[src="x"], b, script:not([src])').length, pwned: (window as unknown as { __pwned?: number }).__pwned ?? null }));
    const seen = { sidebar: await counts(frame), popup: await counts(popup), page: await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null) };
    console.log(`drill: markup in the CRM's account name, the notes and a stakeholder; elements made from it / scripts run: ${JSON.stringify(seen)}`);
    expect(seen).toEqual({ sidebar: { imgs: 0, pwned: null }, popup: { imgs: 0, pwned: null }, page: null });
    expect(await popup.locator('[data-deal-key]').first().textContent()).toContain('<img src=x');
  });
});
