// The rep's sidebar in real Chromium with the built extension, on the fixture
// CRM pages served at their real host names (so the manifest's match patterns
// are what decides where Baton runs).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sidebarFrame, type LaunchedBrowser } from './harness/browser';
import { listFixtures, listNonDealPages, startFixtureServer } from './harness/fixture-server';

const FIELDS = ['dealName', 'accountName', 'amount', 'currency', 'stage', 'closeDate', 'owner'] as const;
type Expected = Record<(typeof FIELDS)[number] | 'recordId', string | number>;

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: LaunchedBrowser;
const profile = mkdtempSync(join(tmpdir(), 'baton-e2e-'));

beforeAll(async () => {
  server = await startFixtureServer({ port: 0 });
  browser = await launchWithExtension({ fixturePort: server.port, userDataDir: profile, locale: 'en-US' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectDeal(frame: Frame, expected: Expected, crm: string) {
  await frame.waitForSelector(`[data-field="deal.recordId"][data-value="${expected.recordId}"]`, { timeout: 15_000 });
  await frame.waitForSelector(`[data-field="deal.dealName"][data-value="${String(expected.dealName)}"]`, { timeout: 15_000 });
  for (const f of FIELDS) {
    const value = await frame.getAttribute(`[data-field="deal.${f}"]`, 'data-value');
    expect(value, f).toBe(String(expected[f]));
  }
  expect(await frame.getAttribute('[data-field="deal.crm"]', 'data-value')).toBe(crm);
}

async function openDeal(url: string): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const frame = await sidebarFrame(page);
  return { page, frame };
}

describe('sidebar on every fixture CRM page', () => {
  for (const fx of listFixtures()) {
    it(`${fx.crm}: mounts sidebar.html and shows the deal read from the page`, async () => {
      const { page, frame } = await openDeal(fx.url);
      const src = await page.getAttribute('iframe[data-baton="sidebar"]', 'src');
      // A per-session dynamic URL (use_dynamic_url), not the extension's fixed id.
      expect(src).toMatch(/^chrome-extension:\/\/[0-9a-f-]{36}\/sidebar\.html$/);
      expect(src).not.toContain(browser.extensionId);
      await expectDeal(frame, { ...fx.expected, recordId: fx.expected.recordId } as Expected, fx.crm);
      await page.close();
    });
  }

  it('pipedrive: SPA navigation swaps the sidebar to the second deal, and back', async () => {
    const fx = listFixtures().find((f) => f.crm === 'pipedrive')!;
    const { page, frame } = await openDeal(fx.url);
    await expectDeal(frame, fx.expected as Expected, 'pipedrive');
    await page.click(fx.navigate!.click);
    await page.waitForURL(fx.navigate!.expectedUrl);
    const frame2 = await sidebarFrame(page);
    await expectDeal(frame2, fx.afterNavigation as Expected, 'pipedrive');
    await page.goBack();
    await expectDeal(await sidebarFrame(page), fx.expected as Expected, 'pipedrive');
    await page.close();
  });
});

describe('pages that are not deal records', () => {
  const NOT_DEALS = [...listNonDealPages().map((p) => p.url), 'https://www.fxiaoke.com/XV/UI/Home#crm/list/=/NewOpportunityObj'];
  for (const url of NOT_DEALS) {
    it(`no sidebar on ${url}`, async () => {
      const page = await browser.context.newPage();
      const res = await page.goto(url);
      expect(res?.status()).toBe(200);
      // Longer than any fixture's late render plus the adapters' first read.
      await page.waitForTimeout(2500);
      expect(await page.locator('iframe[data-baton="sidebar"]').count()).toBe(0);
      await page.close();
    });
  }
});

describe('drafts are never lost', () => {
  const zoho = () => listFixtures().find((f) => f.crm === 'zoho')!;

  it('typing survives a reload, another tab sees it live, and a browser restart keeps it', async () => {
    const { page, frame } = await openDeal(zoho().url);
    const industry = frame.locator('[data-path="profile.industry"]');
    await industry.fill('');
    await industry.pressSequentially('食品制造 Food manufacturing');
    // A second tab on the same deal follows the first (Dexie liveQuery).
    const other = await openDeal(zoho().url);
    await expect
      .poll(() => other.frame.locator('[data-path="profile.industry"]').inputValue(), { timeout: 5000 })
      .toBe('食品制造 Food manufacturing');
    await other.frame.locator('[data-path="whyWon.decisivePoints"]').fill('Integration with their WMS');
    await expect.poll(() => frame.locator('[data-path="whyWon.decisivePoints"]').inputValue(), { timeout: 5000 }).toBe('Integration with their WMS');
    await other.page.close();

    await page.reload();
    const again = await sidebarFrame(page);
    await expect.poll(() => again.locator('[data-path="profile.industry"]').inputValue(), { timeout: 10_000 }).toBe('食品制造 Food manufacturing');
    await page.close();

    // Browser restart with the same profile.
    await browser.close();
    browser = await launchWithExtension({ fixturePort: server.port, userDataDir: profile, locale: 'en-US' });
    const reopened = await openDeal(zoho().url);
    await expect
      .poll(() => reopened.frame.locator('[data-path="profile.industry"]').inputValue(), { timeout: 10_000 })
      .toBe('食品制造 Food manufacturing');
    expect(await reopened.frame.locator('[data-path="whyWon.decisivePoints"]').inputValue()).toBe('Integration with their WMS');
    await reopened.page.close();
  });
});

describe('checklist gates submission', () => {
  it('submit stays disabled until every required item is filled, then submits', async () => {
    const fx = listFixtures().find((f) => f.crm === 'hubspot')!;
    const { page, frame } = await openDeal(fx.url);
    const submit = frame.locator('[data-field="submit"]');
    await frame.waitForSelector('[data-field="completeness"]');
    expect(await submit.isDisabled()).toBe(true);
    expect(await frame.locator('[data-field="submit-reason"]').textContent()).toContain('Missing');
    const pct = async () => Number(await frame.getAttribute('[data-field="completeness"]', 'data-value'));
    const start = await pct();

    // The missing list links to the field: following it focuses the field.
    await frame.locator('[data-missing="profile"] a').click();
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('profile.industry');

    await frame.locator('[data-path="profile.industry"]').fill('Logistics');
    await frame.locator('[data-path="profile.size"]').fill('1,200 staff');
    await frame.locator('[data-path="profile.tier"]').fill('A');
    await expect.poll(pct).toBeGreaterThan(start);
    await frame.locator('[data-path="contract.amount"]').fill('48750');
    await frame.locator('[data-path="contract.currency"]').fill('USD');
    await frame.locator('[data-path="contract.termMonths"]').fill('24');
    await frame.locator('[data-path="contract.startDate"]').fill('2027-02-01');
    await frame.locator('[data-add="contract.purchases"]').click();
    await frame.locator('[data-path="contract.purchases.product[0]"]').fill('Fleet tracking units');
    await frame.locator('[data-path="whyWon.decisivePoints"]').fill('Real-time ETA');
    await frame.locator('[data-path="whyWon.problemsToSolve"]').fill('Late deliveries');
    await frame.locator('[data-add="stakeholders"]').click();
    await frame.locator('[data-path="stakeholders.name[0]"]').fill('Hannah Okafor');
    expect(await submit.isDisabled()).toBe(true);
    await frame.locator('[data-path="stakeholders.email[0]"]').fill('hannah.okafor@bluefinlogistics.com');
    // Risks: a risk without mitigation is not enough.
    await frame.locator('[data-add="risks.items"]').click();
    await frame.locator('[data-path="risks.items.text[0]"]').fill('Driver adoption');
    await frame.locator('[data-path="risks.items.severity[0]"]').selectOption('medium');
    await expect.poll(() => frame.locator('[data-missing="risks"]').count()).toBe(1);
    expect(await submit.isDisabled()).toBe(true);
    await frame.locator('[data-path="risks.items.mitigation[0]"]').fill('Training week with dispatch');
    await expect.poll(() => submit.isDisabled()).toBe(false);
    expect(await pct()).toBeGreaterThanOrEqual(80);
    // Submitting takes a deliberate second step: the first click only asks;
    // Esc cancels; asked again, Confirm has the focus and Enter submits.
    await submit.click();
    await frame.waitForSelector('[data-confirm="submit"]');
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('data-confirm'))).toBe('submit');
    await frame.locator('[data-confirm="submit"]').press('Escape');
    expect(await frame.locator('[data-confirm="submit"]').count()).toBe(0);
    expect(await frame.getAttribute('[data-field="status"]', 'data-value')).toBe('draft');
    await submit.click();
    await frame.locator('[data-confirm="submit"]').press('Enter');
    await frame.waitForSelector('[data-field="status"][data-value="submitted"]');
    expect(await submit.isDisabled()).toBe(true);
    await page.close();
  });
});

describe('layout', () => {
  it('does not cover the CRM’s own buttons, collapses to a slim tab and remembers it', async () => {
    const fx = listFixtures().find((f) => f.crm === 'zoho')!;
    const { page } = await openDeal(fx.url);
    await page.waitForSelector('.dvButtons button.primary');
    const covered = async (selector: string) =>
      page.evaluate((sel) => {
        const el = document.querySelector(sel)!;
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit?.closest('iframe[data-baton]') !== null || !el.contains(hit);
      }, selector);
    await expect.poll(() => covered('.dvButtons button.primary')).toBe(false);
    const iframe = page.locator('iframe[data-baton="sidebar"]');
    const frame = await sidebarFrame(page);
    await frame.locator('button[aria-label="Collapse sidebar"]').click();
    await expect.poll(async () => (await iframe.boundingBox())?.width).toBeLessThan(40);
    await page.reload();
    await page.waitForSelector('iframe[data-baton="sidebar"]');
    await expect.poll(async () => (await page.locator('iframe[data-baton="sidebar"]').boundingBox())?.width).toBeLessThan(40);
    const tab = (await sidebarFrame(page)).locator('button[aria-label="Open Baton sidebar"]');
    await tab.focus();
    await tab.press('Enter');
    await expect.poll(async () => (await page.locator('iframe[data-baton="sidebar"]').boundingBox())?.width).toBeGreaterThan(250);
    await page.close();
  });
});

describe('when the CRM changes its page', () => {
  it('says which field it could no longer read and lets the rep type it', async () => {
    const fx = listFixtures().find((f) => f.crm === 'zoho')!;
    const first = await openDeal(fx.url); // Baton has read Amount on this CRM before
    await first.frame.waitForSelector('[data-field="deal.amount"][data-value="86500"]');
    await first.page.close();

    const changed = 'https://crm.zoho.com/crm/org60012345/tab/Potentials/4876876000009999999';
    const { page, frame } = await openDeal(changed);
    await frame.waitForSelector('[data-field="deal.dealName"][data-value="Harrowgate Foods - Phase 3 (redesigned layout)"]');
    expect(await frame.getAttribute('[data-field="deal.amount"]', 'data-value')).toBe('');
    const warning = frame.locator('[data-field="deal.unreadable"]');
    await warning.waitFor();
    expect(await warning.getAttribute('data-value')).toContain('amount');
    expect(await warning.textContent()).toContain('Amount');
    const input = frame.locator('input[aria-label="Type the Amount"]');
    await input.fill('£91,000');
    await page.reload();
    const again = await sidebarFrame(page);
    await expect.poll(() => again.locator('input[aria-label="Type the Amount"]').inputValue(), { timeout: 10_000 }).toBe('£91,000');
    await page.close();
  });
});

describe('options page: custom adapter', () => {
  it('shows errors by path, accepts a valid definition and previews what it reads on an open tab', async () => {
    const zoho = listFixtures().find((f) => f.crm === 'zoho')!;
    const crmTab = await browser.context.newPage();
    await crmTab.goto(zoho.url);
    await crmTab.waitForSelector('#value_Deal_Name');

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const editor = options.locator('[data-field="adapter-json"]');
    await editor.fill(JSON.stringify({ id: 'my-crm', name: 'X', hosts: [], url: { pattern: '(' }, fields: {} }));
    const paths = await options.locator('[data-field="adapter-errors"] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-path')));
    expect(paths).toEqual(expect.arrayContaining(['id', 'hosts', 'url.pattern']));

    const def = {
      id: 'custom:zoho-labels',
      name: 'Zoho by labels',
      hosts: ['crm.zoho.com'],
      url: { pattern: '^/crm/(?<tenant>org\\d+)/tab/Potentials/(?<recordId>\\d+)', tenantFrom: 'pattern' },
      fields: { dealName: [{ css: '#dv_title' }], amount: [{ label: ['Amount'] }], owner: [{ label: ['Deal Owner'] }] },
    };
    await editor.fill(JSON.stringify(def, null, 2));
    await options.locator('.okmsg').waitFor();
    const tabSelect = options.locator('select[aria-label="Test on an open tab"]');
    await expect.poll(() => tabSelect.locator('option').count()).toBeGreaterThan(1);
    const value = await tabSelect.locator('option', { hasText: 'Harrowgate' }).first().getAttribute('value');
    await tabSelect.selectOption(value!);
    await options.locator('button', { hasText: 'Read the page' }).click();
    const preview = options.locator('[data-field="adapter-preview"]');
    await preview.waitFor();
    expect(await preview.locator('[data-preview-field="dealName"]').textContent()).toBe('Harrowgate Foods - ERP Integration Phase 2');
    expect(await preview.locator('[data-preview-field="amount"]').textContent()).toBe('86500');
    expect(await preview.locator('[data-preview-field="owner"]').textContent()).toBe('Oliver Bennett');
    expect(await preview.locator('[data-preview-field="stage"]').textContent()).toBe('null');
    expect(await preview.textContent()).toContain('custom:zoho-labels : org60012345 : 4876876000001234567');
    await options.close();
    await crmTab.close();
  });
});
