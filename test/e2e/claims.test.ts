// Claims in real Chromium beyond the first click: a claim made offline stays
// pending and goes through when the server is back, with keys pre-filled from
// the page; the popup opens the deal's tab; the manager edits the policy and
// approves an extension in the options page; a dispute from the sidebar is
// ruled there; an expiry notification is shown once.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickAndConfirm } from './harness/confirm';
import type { LaunchedBrowser } from './harness/browser';
import { listFixtures } from './harness/fixture-server';
import { e2eWorld } from './harness/session';

const DAY = 86_400_000;
const world = e2eWorld('Claims team');
const { signedIn, syncNow, openDeal } = world;


const rows = async <T,>(q: ReturnType<typeof sql>) => ((await world.server.database.db.execute(q)) as unknown as { rows: T[] }).rows;
const worker = (b: LaunchedBrowser) => b.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'))!;
/** The extension APIs as the service worker sees them (no @types/chrome here). */
type Chrome = {
  tabs: { query(q: object): Promise<{ url?: string }[]> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};
const hubspot = () => listFixtures().find((f) => f.crm === 'hubspot')!;
const pipedrive = () => listFixtures().find((f) => f.crm === 'pipedrive')!;

async function popupOf(b: LaunchedBrowser): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
  return popup;
}

async function managerOptions(b: LaunchedBrowser): Promise<Page> {
  const options = await b.context.newPage();
  await options.goto(`chrome-extension://${b.extensionId}/options.html#manage`);
  await options.locator('[data-field="policy-editor"]').waitFor({ timeout: 15_000 });
  return options;
}





describe('claims beyond the first click', () => {
  let rep: LaunchedBrowser;
  let manager: LaunchedBrowser;

  it('claimed while the server is down: pending, then sent with the page’s phone as a key; the popup opens the deal’s tab', async () => {
    rep = await signedIn(world.team.tokens.rep);
    const deal = await openDeal(rep, hubspot().url);
    const panel = deal.frame.locator('[data-field="claim"]');
    await expect.poll(() => panel.getAttribute('data-value'), { timeout: 15_000 }).toBe('free');

    await world.server.stop();
    await clickAndConfirm(deal.frame, '[data-field="claim-button"]', 'claim');
    await expect.poll(() => panel.getAttribute('data-value'), { timeout: 15_000 }).toBe('pending');
    const popup = await popupOf(rep);
    await expect.poll(() => popup.locator('[data-pending-claim]').count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.locator('[data-pending-claim]').textContent()).toContain('Bluefin Logistics');

    await world.server.start();
    await syncNow(rep);
    await expect.poll(() => popup.locator('[data-claim-id]').count(), { timeout: 20_000 }).toBe(1);
    expect(await popup.locator('[data-pending-claim]').count()).toBe(0);
    const [claim] = await rows<{ id: number; deal_url: string }>(sql`SELECT id, deal_url FROM claims`);
    expect(claim!.deal_url).toBe(hubspot().url);
    const keys = (await rows<{ key: string }>(sql`SELECT key FROM claim_keys WHERE claim_id = ${claim!.id} ORDER BY key`)).map((k) => k.key);
    expect(keys).toContain('phone:+13125550148'); // pre-filled from "Phone: +1 312-555-0148" on the page
    expect(keys.some((k) => k.startsWith('company:'))).toBe(true);

    // Clicking the claim brings the deal's tab forward instead of opening another.
    const tabsBefore = rep.context.pages().length;
    await popup.bringToFront();
    await popup.locator(`[data-claim-id="${claim!.id}"] a`).click();
    await expect
      .poll(() => worker(rep).evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.url), { timeout: 10_000 })
      .toBe(hubspot().url);
    expect(rep.context.pages().length).toBe(tabsBefore);
  });

  it('the manager edits the policy (refused with the field, then saved as a version); the rep logs a stage and asks for the extension; the manager approves', async () => {
    manager = await signedIn(world.team.tokens.manager);
    const options = await managerOptions(manager);
    await options.locator('input[name="flatDays"]').fill('0');
    await options.locator('[data-field="policy-editor"] button[type="submit"]').click();
    // The problem is named by the field's label, next to the field, and listed in the summary.
    await expect.poll(() => options.locator('[data-error-for="flatDays"]').textContent(), { timeout: 5_000 }).toBe('Days of protection: must be at least 1');
    expect(await options.locator('input[name="flatDays"]').getAttribute('aria-invalid')).toBe('true');
    expect(await options.locator('[data-field="policy-errors"]').textContent()).toBe('Days of protection: must be at least 1');
    // Switching the UI language rewords it in place, and keeps what was typed.
    await options.locator('[data-field="locale"]').selectOption('zh-CN');
    await expect.poll(() => options.locator('[data-error-for="flatDays"]').textContent(), { timeout: 5_000 }).toBe('保护天数：不能小于 1');
    expect(await options.locator('input[name="flatDays"]').inputValue()).toBe('0');
    await options.locator('[data-field="locale"]').selectOption('en');
    expect((await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM claim_policies`))[0]!.n).toBe(0);
    await options.locator('input[name="flatDays"]').fill('14');
    await options.locator('input[name="mode"]').nth(1).check(); // ladder
    await options.locator('[data-field="policy-editor"] button[type="submit"]').click();
    await expect.poll(() => options.locator('[data-field="policy-saved"]').getAttribute('data-value'), { timeout: 10_000 }).toBe('2');

    const rep2 = await signedIn(world.team.tokens.rep2);
    const deal = await openDeal(rep2, pipedrive().url);
    const panel = deal.frame.locator('[data-field="claim"]');
    await expect.poll(() => panel.getAttribute('data-value'), { timeout: 15_000 }).toBe('free');
    await clickAndConfirm(deal.frame, '[data-field="claim-button"]', 'claim');
    await expect.poll(() => panel.getAttribute('data-value'), { timeout: 15_000 }).toBe('mine');
    expect(await deal.frame.locator('[data-field="claim-rule"]').textContent()).toContain('policy v2');
    expect(await deal.frame.locator('[data-field="claim-next-stage"]').textContent()).toContain('call and on-site visit for +10 days');
    const span = async () => {
      const [c] = await rows<{ claimed_at: Date; expires_at: Date }>(sql`SELECT claimed_at, expires_at FROM claims WHERE customer = 'Hofmann Maschinenbau GmbH'`);
      return Math.round((new Date(c!.expires_at).getTime() - new Date(c!.claimed_at).getTime()) / DAY);
    };
    expect(await span()).toBe(10);
    await deal.frame.locator('[data-field="claim-evidence"]').fill('2026-11-20 on-site visit, notes in CRM');
    await deal.frame.getByRole('button', { name: 'Log stage' }).click();
    await expect.poll(() => deal.frame.locator('[data-field="claim-next-stage"]').textContent(), { timeout: 10_000 }).toContain('demo or invitation to tender for +20 days');
    expect(await span()).toBe(20);
    await clickAndConfirm(deal.frame, '[data-field="claim-extension"]', 'extension');
    await expect.poll(() => deal.frame.locator('[data-field="claim-extension"]').getAttribute('data-value'), { timeout: 10_000 }).toBe('requested');

    await options.reload();
    const request = options.locator('[data-extension-claim]');
    await request.waitFor({ timeout: 15_000 });
    expect(await request.textContent()).toContain('Hofmann Maschinenbau GmbH');
    await request.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => options.locator('[data-extension-claim]').count(), { timeout: 10_000 }).toBe(0);
    expect(await span()).toBe(34); // 10 + 10 for the stage + 14 for the extension
  });

  it('a rival disputes the claim from the sidebar; the manager rules it in the options page', async () => {
    const rival = await signedIn(world.team.tokens.rep2);
    const deal = await openDeal(rival, hubspot().url);
    const panel = deal.frame.locator('[data-field="claim"]');
    await expect.poll(() => panel.getAttribute('data-value'), { timeout: 15_000 }).toBe('taken');
    await panel.locator('input').fill('Met their COO at the Shanghai logistics fair on 2026-10-02');
    await deal.frame.locator('[data-field="claim-dispute"]').click();
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Conflict opened');

    const options = await managerOptions(manager);
    const conflict = options.locator('[data-conflict-id]');
    await conflict.waitFor({ timeout: 15_000 });
    expect(await conflict.textContent()).toContain('Shanghai logistics fair');
    await conflict.getByLabel('Owner').selectOption({ label: 'Claims team rep2' });
    await conflict.getByRole('button', { name: 'Rule' }).click();
    await expect.poll(() => options.locator('[data-conflict-id]').count(), { timeout: 10_000 }).toBe(0);
    const [c] = await rows<{ user_id: number }>(sql`SELECT user_id FROM claims WHERE customer = 'Bluefin Logistics'`);
    expect(Number(c!.user_id)).toBe(world.team.userIds.rep2);
    const [ruling] = await rows<{ ruling: { split: unknown; shares: { userId: number; percent: number }[] } }>(sql`SELECT ruling FROM claim_conflicts`);
    expect(ruling!.ruling.split).toEqual({ firstTouch: 20, process: 60, signing: 20 });
  });

  it('a browser notification 3 days before expiry, shown once', async () => {
    await world.server.database.db.execute(sql`UPDATE claims SET expires_at = now() + interval '2 days' WHERE customer = 'Hofmann Maschinenbau GmbH'`);
    await world.server.database.db.execute(sql`UPDATE claim_keys SET expires_at = now() + interval '2 days'`);
    const rep2 = await signedIn(world.team.tokens.rep2);
    await syncNow(rep2);
    const notices = () => worker(rep2).evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll()));
    await expect.poll(notices, { timeout: 15_000 }).toEqual([expect.stringMatching(/^baton-claim-\d+-3$/)]);
    const sent = () => worker(rep2).evaluate(async () => ((globalThis as unknown as { __batonDb: { meta: { get(k: string): Promise<{ value: string[] } | undefined> } } }).__batonDb.meta.get('claimNoticesSent')).then((m) => m?.value ?? []));
    expect(await sent()).toHaveLength(1);
    await syncNow(rep2);
    expect(await sent()).toHaveLength(1);
  });
});
