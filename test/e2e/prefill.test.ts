// Issue 19 items 2 and 3 in real Chromium with the built extension: a new
// packet on a deal page with three contact roles, five activities and two line
// items opens with three stakeholders, five follow-ups and two purchase lines,
// each marked "from the CRM" and pending; confirming them raises completeness;
// what the rep typed survives a reload and a later page change, which is
// offered, never added silently.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sidebarFrame } from './harness/browser';
import { fixtureBrowser } from './harness/fixture-browser';

const env = fixtureBrowser({ locale: 'en-US' });
const fixture = JSON.parse(readFileSync('test/fixtures/crm-extras/hubspot-deal-extras.json', 'utf8')) as { url: string; expected: { recordId: string } };

const rows = (frame: Frame, list: string, state?: string) => frame.locator(`[data-list="${list}"] > [data-item-id]${state ? `[data-prefill="${state}"]` : ''}`);
const completeness = async (frame: Frame) => Number(await frame.getAttribute('[data-field="completeness"]', 'data-value'));

async function openSidebar(page: Page): Promise<Frame> {
  const frame = await sidebarFrame(page);
  await frame.waitForSelector(`[data-field="deal.recordId"][data-value="${fixture.expected.recordId}"]`, { timeout: 20_000 });
  await frame.waitForSelector('[data-field="completeness"]', { timeout: 20_000 });
  return frame;
}

describe('prefill from the CRM page', () => {
  it('fills a new packet marked "from the CRM", counts it once confirmed, and never replaces typing', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(fixture.url);
    let frame = await openSidebar(page);

    // Three stakeholders, five follow-ups (the timeline renders after the record) and two purchase lines, all pending.
    await expect.poll(() => rows(frame, 'followUps', 'pending').count(), { timeout: 30_000 }).toBe(5);
    await expect.poll(() => rows(frame, 'stakeholders', 'pending').count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => rows(frame, 'contract.purchases', 'pending').count(), { timeout: 10_000 }).toBe(2);
    for (const list of ['stakeholders', 'followUps', 'contract.purchases'])
      for (const text of await rows(frame, list).locator('.crm-from').allTextContents()) expect(text).toMatch(/^from the CRM · HubSpot · /);
    expect(await rows(frame, 'stakeholders').locator('.crm-from').first().textContent()).toBe('from the CRM · HubSpot · contact roles');
    expect(await frame.locator('[data-path="stakeholders.name[0]"]').inputValue()).toBe('Amara Nwosu');
    expect(await frame.locator('[data-path="stakeholders.role[0]"]').inputValue()).toBe('decision_maker');
    expect(await frame.locator('[data-path="stakeholders.role[1]"]').inputValue()).toBe('champion');
    expect(await frame.locator('[data-path="stakeholders.role[2]"]').inputValue()).toBe('finance');
    expect(await frame.locator('[data-path="contract.purchases.product[0]"]').inputValue()).toBe('ColdTrack sensor');
    expect(await frame.locator('[data-path="profile.industry"]').inputValue()).toBe('Logistics and Supply Chain');

    // Unconfirmed, they do not count: the stakeholder item is "to confirm", not missing.
    await frame.waitForSelector('[data-field="to-confirm"] [data-to-confirm="stakeholderWithContact"]');
    expect(await frame.locator('[data-field="missing"] [data-missing="stakeholderWithContact"]').count()).toBe(0);
    const before = await completeness(frame);

    // One click per item: confirming the first stakeholder alone raises completeness (weight 15 of 100).
    await rows(frame, 'stakeholders').first().locator('[data-prefill-confirm]').click();
    await expect.poll(() => completeness(frame)).toBe(before + 15);
    await expect.poll(() => rows(frame, 'stakeholders', 'confirmed').count()).toBe(1);
    // Confirm all: the follow-up log too (weight 3); the profile still lacks its tier, the contract its term.
    await frame.locator('[data-field="prefill-confirm-all"]').click();
    await expect.poll(() => rows(frame, 'followUps', 'confirmed').count()).toBe(5);
    await expect.poll(() => completeness(frame)).toBe(before + 18);
    expect(await rows(frame, 'contract.purchases', 'confirmed').count()).toBe(2);
    expect(await frame.locator('[data-field="to-confirm"]').count()).toBe(0);

    // The rep types: a field the page left empty, and over a prefilled value (that value is now the rep's).
    await frame.locator('[data-path="profile.tier"]').fill('Key account');
    await frame.locator('[data-path="stakeholders.title[0]"]').fill('COO (since January)');
    await frame.locator('[data-path="followUps.summary[4]"]').fill('Deck sent; pilot results good');
    await expect.poll(() => frame.getAttribute('[data-field="save-state"]', 'data-value'), { timeout: 10_000 }).toBe('saved');
    const typed = async (f: Frame) => [
      await f.locator('[data-path="profile.tier"]').inputValue(),
      await f.locator('[data-path="stakeholders.title[0]"]').inputValue(),
      await f.locator('[data-path="followUps.summary[4]"]').inputValue(),
    ];
    const expected = ['Key account', 'COO (since January)', 'Deck sent; pilot results good'];

    // Reload: the typing is there, nothing is added twice, nothing is offered.
    await page.reload();
    frame = await openSidebar(page);
    await expect.poll(() => rows(frame, 'followUps').count(), { timeout: 20_000 }).toBe(5);
    await page.waitForSelector('#record-root [data-selenium-test="timeline-card"]', { timeout: 20_000 });
    expect(await typed(frame)).toEqual(expected);
    expect(await rows(frame, 'stakeholders').count()).toBe(3);
    expect(await rows(frame, 'contract.purchases').count()).toBe(2);
    expect(await frame.locator('[data-field="prefill-offers"]').count()).toBe(0);

    // The page changes later: a new activity is logged. It is offered, not added; typing untouched.
    await page.evaluate(() => {
      const list = document.querySelector('#record-root [data-selenium-test="timeline-card-list"]')!;
      const card = list.querySelector('[data-selenium-test="timeline-card"]')!.cloneNode(true) as HTMLElement;
      card.querySelector('[data-selenium-test="timeline-card-type"]')!.textContent = 'Logged call';
      card.querySelector('[data-selenium-test="timeline-card-timestamp"]')!.textContent = 'Dec 21, 2026 at 10:00 AM';
      card.querySelector('[data-selenium-test="timeline-card-body"]')!.textContent = 'Legal review kickoff with Lena';
      list.prepend(card);
    });
    await frame.waitForSelector('[data-field="prefill-offers"][data-value="1"]', { timeout: 30_000 });
    expect(await frame.locator('[data-field="prefill-offers"] [data-offer]').textContent()).toContain('Legal review kickoff with Lena');
    expect(await rows(frame, 'followUps').count()).toBe(5);
    expect(await typed(frame)).toEqual(expected);
    // Added on request: one more follow-up, pending, marked from the CRM.
    await frame.locator('[data-field="prefill-offers"] [data-offer-add]').click();
    await expect.poll(() => rows(frame, 'followUps').count()).toBe(6);
    expect(await rows(frame, 'followUps', 'pending').count()).toBe(1);
    expect(await frame.locator('[data-field="prefill-offers"]').count()).toBe(0);
    expect(await typed(frame)).toEqual(expected);
    await page.close();
  });

  it('a Chinese Dynamics 365 page: the CRM role labels 决策者, 倡导者, 财务 become decision maker, champion, finance', async () => {
    const zh = JSON.parse(readFileSync('test/fixtures/crm-extras/dynamics-zh-CN-extras.json', 'utf8')) as { url: string };
    const page = await env.browser.context.newPage();
    await page.goto(zh.url);
    const frame = await sidebarFrame(page);
    await expect.poll(() => rows(frame, 'followUps', 'pending').count(), { timeout: 30_000 }).toBe(5);
    await expect.poll(() => rows(frame, 'stakeholders', 'pending').count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => rows(frame, 'contract.purchases', 'pending').count(), { timeout: 10_000 }).toBe(2);
    const roles = await Promise.all([0, 1, 2].map((i) => frame.locator(`[data-path="stakeholders.role[${i}]"]`).inputValue()));
    expect(roles).toEqual(['decision_maker', 'champion', 'finance']);
    expect(await frame.locator('[data-path="stakeholders.name[0]"]').inputValue()).toBe('王丽华');
    expect(await frame.locator('[data-path="contract.purchases.product[0]"]').inputValue()).toBe('冷链传感器');
    expect(await rows(frame, 'stakeholders').locator('.crm-from').first().textContent()).toMatch(/^from the CRM · .+ · contact roles$/);
    await page.close();
  });
});
