// Issue 12 in real Chromium with the built extension: a rep on a team whose
// phone region is TW claims a number written the local way, and a second
// rep's look-up of it written with +886 says "taken"; the holder links another
// name of the customer and the popup's look-up answers "taken" for it; a claim
// refused by the daily cap says which rule and until when in the sidebar.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LaunchedBrowser } from './harness/browser';
import { clickAndConfirm } from './harness/confirm';
import { listFixtures } from './harness/fixture-server';
import { e2eWorld } from './harness/session';

const world = e2eWorld('Taipei team');
const { signedIn, syncNow, openDeal } = world;
const hubspot = () => listFixtures().find((f) => f.crm === 'hubspot')!;
const pipedrive = () => listFixtures().find((f) => f.crm === 'pipedrive')!;
const rows = async <T,>(q: ReturnType<typeof sql>) => ((await world.server.database.db.execute(q)) as unknown as { rows: T[] }).rows;

async function setPolicy(policy: Record<string, unknown>) {
  const r = await fetch(`${world.server.url}/v1/claims/policy`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${world.team.tokens.manager}`, 'content-type': 'application/json' },
    body: JSON.stringify(policy),
  });
  expect(r.status).toBe(201);
}

async function lookUp(b: LaunchedBrowser, text: string): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
  await popup.locator('[data-field="lookup"]').pressSequentially(text);
  return popup;
}
const answer = (popup: Page) => popup.locator('[data-field="lookup-result"]').getAttribute('data-value');

describe('claim rules in the browser', () => {
  let rep: LaunchedBrowser;
  let rep2: LaunchedBrowser;

  it('TW team: a number written locally is claimed; the same number written with +886 is "taken" for another rep', async () => {
    await setPolicy({ keys: { defaultRegion: 'TW' } });
    rep = await signedIn(world.team.tokens.rep);
    await syncNow(rep);
    const deal = await openDeal(rep, hubspot().url);
    const panel = deal.frame.locator('[data-field="claim"]');
    await expect.poll(() => panel.getAttribute('data-value'), { timeout: 15_000 }).toBe('free');
    const typed = deal.frame.locator('[data-field="claim-extra-key"]');
    // Without its area code the number is refused as a key, with the reason, and nothing is sent.
    await typed.fill('2345-6789');
    await expect.poll(() => deal.frame.locator('[data-field="claim-extra-key-error"]').getAttribute('data-value'), { timeout: 15_000 }).toBe('phone_incomplete');
    expect(await deal.frame.locator('[data-field="claim-extra-key-error"]').textContent()).toContain('area code');
    expect(await deal.frame.locator('[data-field="claim-button"]').isDisabled()).toBe(true);
    await typed.fill('(02) 2345-6789 分機 12');
    await expect.poll(() => deal.frame.locator('[data-field="claim-extra-key-error"]').count(), { timeout: 10_000 }).toBe(0);
    await clickAndConfirm(deal.frame, '[data-field="claim-button"]', 'claim');
    await expect.poll(() => panel.getAttribute('data-value'), { timeout: 15_000 }).toBe('mine');
    const keys = (await rows<{ key: string }>(sql`SELECT key FROM claim_keys ORDER BY key`)).map((k) => k.key);
    expect(keys).toContain('phone:+886223456789');

    rep2 = await signedIn(world.team.tokens.rep2);
    const popup = await lookUp(rep2, '+886 2 2345 6789');
    await expect.poll(() => answer(popup), { timeout: 15_000 }).toBe('taken');
    await popup.close();
  });

  it('the holder links another name of the customer in the sidebar; the popup look-up of that name says "taken"', async () => {
    const deal = await openDeal(rep, hubspot().url);
    await expect.poll(() => deal.frame.locator('[data-field="claim"]').getAttribute('data-value'), { timeout: 15_000 }).toBe('mine');
    await deal.frame.locator('[data-field="claim-alias"]').fill('藍鰭物流股份有限公司');
    await deal.frame.locator('[data-field="claim-aliases"] button[type="submit"]').click();
    await expect.poll(async () => (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM claim_aliases WHERE removed_at IS NULL`))[0]!.n, { timeout: 10_000 }).toBe(1);
    expect((await rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE action = 'claim.alias_add'`)).length).toBe(1);
    await expect.poll(() => deal.frame.locator('[data-field="claim-aliases"]').textContent(), { timeout: 10_000 }).toContain('藍鰭物流股份有限公司');

    const popup = await lookUp(rep2, '蓝鳍物流');
    await expect.poll(() => answer(popup), { timeout: 15_000 }).toBe('taken');
    await popup.locator('[data-field="lookup"]').fill('Bluefin Marine');
    await expect.poll(() => answer(popup), { timeout: 15_000 }).toBe('free');
    await popup.close();
  });

  it('a claim refused by the daily cap says which rule and until when in the sidebar', async () => {
    await setPolicy({ keys: { defaultRegion: 'TW' }, antiHoarding: { newClaimsPerDay: 1 } });
    await syncNow(rep);
    const deal = await openDeal(rep, pipedrive().url);
    const panel = deal.frame.locator('[data-field="claim"]');
    await expect.poll(() => panel.getAttribute('data-value'), { timeout: 15_000 }).toBe('free');
    await clickAndConfirm(deal.frame, '[data-field="claim-button"]', 'claim');
    const refusal = deal.frame.locator('[data-field="claim-error"]');
    await expect.poll(() => refusal.getAttribute('data-value'), { timeout: 15_000 }).toBe('daily_cap');
    const text = (await refusal.textContent()) ?? '';
    expect(text).toContain('limit of 1 new claims in a day');
    const [first] = await rows<{ claimed_at: Date }>(sql`SELECT claimed_at FROM claims ORDER BY id LIMIT 1`);
    const until = new Date(new Date(first!.claimed_at).getTime() + 86_400_000);
    expect(text).toContain(String(until.getDate())); // "you may claim again from <that moment>"
    expect(await panel.getAttribute('data-value')).toBe('free');
    expect((await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM claims`))[0]!.n).toBe(1);
  });
});
