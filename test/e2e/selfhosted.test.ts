// A self-hosted CRM through a custom adapter, in real Chromium: an imitation of
// SuiteCRM on plain http at the single-label host `suitecrm` (fixed left menu,
// a top bar sized to the window, hash routing). The admin saves the adapter on
// the options page, which says exactly which origins Baton runs on; the
// content script registered for that host reads the deal after a direct load
// and after hash navigation, both URL forms giving one identity; in both
// layouts nothing of the CRM is under the sidebar, and Alt+Shift+B collapses it.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionWithHosts, launchWithExtension, sidebarFrame, type LaunchedBrowser } from './harness/browser';
import { sidebarCoverage } from './harness/coverage';
import { listHttpHosts, startFixtureServer } from './harness/fixture-server';

const DIR = 'test/fixtures/crm-selfhosted';
const adapterJson = readFileSync(`${DIR}/suitecrm.adapter.json`, 'utf8');
const fx = JSON.parse(readFileSync(`${DIR}/suitecrm-opportunity.json`, 'utf8')) as {
  urls: Record<'direct' | 'hash' | 'list', string>;
  expected: Record<string, string | number>;
  afterHashNavigation: Record<string, string | number>;
};
const FIELDS = ['dealName', 'accountName', 'amount', 'currency', 'stage', 'closeDate', 'owner', 'probability'] as const;
/** The CRM's top bar, its record header (title and buttons) and stage path, and its fixed module menu. */
const LANDMARKS = ['#toolbar', '.moduleTitle h2', '.moduleTitle button', '#stage-path li', '#sidebar-menu'];

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: LaunchedBrowser;

beforeAll(async () => {
  server = await startFixtureServer({ port: 0 });
  browser = await launchWithExtension({
    fixturePort: server.port,
    http: { port: server.httpPort, hosts: listHttpHosts() },
    extensionPath: extensionWithHosts(['http://suitecrm/*']),
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectDeal(frame: Frame, expected: Record<string, string | number>) {
  await frame.waitForSelector(`[data-field="deal.recordId"][data-value="${expected.recordId}"]`, { timeout: 20_000 });
  await frame.waitForSelector(`[data-field="deal.dealName"][data-value="${String(expected.dealName)}"]`, { timeout: 20_000 });
  for (const f of FIELDS) expect(await frame.getAttribute(`[data-field="deal.${f}"]`, 'data-value'), f).toBe(String(expected[f]));
  expect(await frame.getAttribute('[data-field="deal.crm"]', 'data-value')).toBe('custom:suitecrm');
}

async function open(url: string, width = 1400): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url);
  return { page, frame: await sidebarFrame(page) };
}

async function expectNothingCovered(page: Page) {
  await expect
    .poll(async () => {
      const r = await sidebarCoverage(page, LANDMARKS);
      return { covered: r.covered, cutOff: r.cutOff, checked: r.checked > 20 };
    }, { timeout: 10_000, interval: 500 })
    .toEqual({ covered: [], cutOff: [], checked: true });
}

describe('a self-hosted CRM on http://suitecrm through a custom adapter', () => {
  it('the options page saves the adapter and names exactly the origin granted', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('[data-field="adapter-json"]').fill(adapterJson);
    await options.getByRole('button', { name: /Save and allow/ }).click();
    await options.locator('[data-field="adapter-save"][data-value="saved"]').waitFor({ timeout: 15_000 });
    expect(await options.locator('[data-field="adapter-origins"] li').allTextContents()).toEqual(['http://suitecrm/*']);
    // Opened again later, the page still says where the stored adapter runs.
    await options.reload();
    await options.locator('[data-field="adapter-save"][data-value="saved"]').waitFor({ timeout: 15_000 });
    expect(await options.locator('[data-field="adapter-origins"] li').allTextContents()).toEqual(['http://suitecrm/*']);
    await options.close();
  });

  it('reads the deal on a direct load, and the next record after hash navigation', async () => {
    const { page, frame } = await open(fx.urls.direct);
    await expectDeal(frame, fx.expected);
    await page.click('#next-record');
    await page.waitForURL(/#ajaxUILoc=/);
    await expectDeal(await sidebarFrame(page), fx.afterHashNavigation);
    await page.close();
  });

  it('the hash-routed URL of the same record gives the same deal', async () => {
    const { page, frame } = await open(fx.urls.hash);
    await expectDeal(frame, fx.expected);
    await page.close();
  });

  it('no sidebar on the list view', async () => {
    const page = await browser.context.newPage();
    await page.goto(fx.urls.list);
    await page.waitForSelector('text=List view');
    await page.waitForTimeout(2500);
    expect(await page.locator('iframe[data-baton="sidebar"]').count()).toBe(0);
    await page.close();
  });

  for (const width of [1280, 1400, 1920]) {
    it(`at ${width} px: overlay (the adapter's choice) and push both leave every control reachable and the header whole`, async () => {
      const { page, frame } = await open(fx.urls.direct, width);
      await expectDeal(frame, fx.expected);
      expect(await page.getAttribute('iframe[data-baton="sidebar"]', 'data-layout')).toBe('overlay');
      // Overlay starts below the CRM's top bar.
      const top = await page.evaluate(() => document.querySelector('iframe[data-baton="sidebar"]')!.getBoundingClientRect().top);
      expect(top).toBe(48);
      await expectNothingCovered(page);

      await frame.selectOption('[data-field="layout-mode"]', 'push');
      await page.waitForSelector('iframe[data-baton="sidebar"][data-layout="push"]');
      await expectNothingCovered(page);
      await frame.selectOption('[data-field="layout-mode"]', 'overlay');
      await page.waitForSelector('iframe[data-baton="sidebar"][data-layout="overlay"]');
      await page.close();
    });
  }

  it('Alt+Shift+B collapses the sidebar from the page and opens it from the tab', async () => {
    const { page, frame } = await open(fx.urls.direct);
    await expectDeal(frame, fx.expected);
    await page.locator('#toolbar input[type=search]').focus();
    await page.keyboard.press('Alt+Shift+KeyB');
    await page.waitForSelector('iframe[data-baton="sidebar"][data-layout="collapsed"]');
    const tab = await page.evaluate(() => document.querySelector('iframe[data-baton="sidebar"]')!.getBoundingClientRect().width);
    expect(tab).toBeLessThan(40);
    const inside = await sidebarFrame(page);
    await inside.locator('[data-field="expand"]').focus();
    await page.keyboard.press('Alt+Shift+KeyB');
    await page.waitForSelector('iframe[data-baton="sidebar"][data-layout="overlay"]');
    await page.close();
  });
});
