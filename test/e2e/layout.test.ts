// The sidebar never covers the CRM (issue 10 kind 8, issue 11 item 2): on every
// fixture CRM page at 1280, 1400 and 1920 px, no clickable element of the page
// lies under the sidebar or out of reach, and the CRM's header and stage path
// are wholly visible, in the layout the adapter chooses.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sidebarFrame } from './harness/browser';
import { sidebarCoverage } from './harness/coverage';
import { listFixtures } from './harness/fixture-server';
import { fixtureBrowser } from './harness/fixture-browser';

/** Each CRM's record header and stage path, as the fixture page marks them. */
const LANDMARKS: Record<string, string[]> = {
  salesforce: ['.slds-page-header', '.slds-path__item'],
  hubspot: ['[data-selenium-test="highlightTitle"]', '[data-selenium-test="highlight-card"]'],
  pipedrive: ['[data-test="deal-title"]', '.stageSelector__stage'],
  dynamics: ['[data-id="header_title"]', '[data-id^="header_process_"][data-id$="-field-label"], [data-id="header_overflowButton_container"]'],
  zoho: ['.stageBar'],
  fxiaoke: ['.crm-d-header', '.crm-stage'],
};
const WIDTHS = [1280, 1400, 1920];

const env = fixtureBrowser();

async function openAt(url: string, width: number): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url);
  const frame = await sidebarFrame(page);
  await frame.waitForSelector('[data-field="deal.dealName"]:not([data-value=""])', { timeout: 20_000 });
  return page;
}

describe('nothing of the CRM under the sidebar', () => {
  for (const fx of listFixtures()) {
    for (const width of WIDTHS) {
      it(`${fx.crm} at ${width} px`, async () => {
        const page = await openAt(fx.url, width);
        // The page keeps rendering after the deal is read; wait until what is covered settles at nothing.
        let last = await sidebarCoverage(page, LANDMARKS[fx.crm] ?? []);
        await expect
          .poll(async () => {
            last = await sidebarCoverage(page, LANDMARKS[fx.crm] ?? []);
            return { covered: last.covered, cutOff: last.cutOff };
          }, { timeout: 10_000, interval: 500 })
          .toEqual({ covered: [], cutOff: [] });
        expect(last.checked).toBeGreaterThan(5);
        expect(last.sidebar.width).toBeGreaterThan(250);
        // It reaches the bottom of what the window shows, and not under a horizontal scrollbar.
        expect(Math.round(last.sidebar.bottom)).toBe(await page.evaluate(() => document.documentElement.clientHeight));
        await page.close();
      });
    }
  }
});
