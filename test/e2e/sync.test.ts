// Sync in real Chromium: a rep and a CSM in two browser profiles against a
// running server; two devices of one rep editing offline and converging.
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createToken } from '@/server/auth/tokens';
import { clickAndConfirm } from './harness/confirm';
import { e2eWorld } from './harness/session';
import { fillRequired } from './harness/fill-packet';
import { listFixtures } from './harness/fixture-server';

const world = e2eWorld('E2E team');
const { signedIn: browserSignedIn, syncNow, openDeal } = world;






describe('rep and CSM on two machines', () => {
  it('the rep submits, the CSM sees the packet on the same deal and accepts, the rep sees "accepted"', async () => {
    const hubspot = listFixtures().find((f) => f.crm === 'hubspot')!;
    const rep = await browserSignedIn(world.team.tokens.rep);
    const r = await openDeal(rep, hubspot.url);
    await r.frame.waitForSelector('[data-field="completeness"]');
    await fillRequired(r.frame);
    const submit = r.frame.locator('[data-field="submit"]');
    await expect.poll(() => submit.isDisabled()).toBe(false);
    await clickAndConfirm(r.frame, '[data-field="submit"]', 'submit');
    await r.frame.waitForSelector('[data-field="status"][data-value="submitted"]', { timeout: 15_000 });

    const csm = await browserSignedIn(world.team.tokens.csm);
    const c = await openDeal(csm, hubspot.url);
    await expect.poll(() => c.frame.locator('[data-path="profile.industry"]').inputValue(), { timeout: 20_000 }).toBe('Logistics');
    expect(await c.frame.locator('[data-path="stakeholders.name[0]"]').inputValue()).toBe('Hannah Okafor');
    await c.frame.waitForSelector('[data-field="status"][data-value="submitted"]');
    await clickAndConfirm(c.frame, '[data-field="accept"]', 'accept');
    await c.frame.waitForSelector('[data-field="status"][data-value="accepted"]', { timeout: 15_000 });

    // The rep's open sidebar follows within its sync interval.
    await r.frame.waitForSelector('[data-field="status"][data-value="accepted"]', { timeout: 30_000 });
    expect(await r.frame.locator('[data-field="sync-state"]').getAttribute('data-value')).toMatch(/synced|syncing/);
  });
});

describe('two devices, offline', () => {
  it('both edit while the server is down, keep their drafts, then converge with nothing lost', async () => {
    const zoho = listFixtures().find((f) => f.crm === 'zoho')!;
    const secondToken = (await createToken(world.server.database.db, world.team.userIds.rep2, 'laptop')).token;
    const laptop = await browserSignedIn(world.team.tokens.rep2);
    const desktop = await browserSignedIn(secondToken);
    const a = await openDeal(laptop, zoho.url);
    const b = await openDeal(desktop, zoho.url);
    await a.frame.waitForSelector('[data-field="completeness"]');
    await b.frame.waitForSelector('[data-field="completeness"]');

    await world.server.stop();
    await a.frame.locator('[data-path="profile.industry"]').fill('Food manufacturing');
    await a.frame.locator('[data-add="stakeholders"]').click();
    await a.frame.locator('[data-path="stakeholders.name[0]"]').fill('Amelia Hart');
    await a.frame.locator('[data-path="salesNotes"]').fill('from the laptop');
    await b.frame.locator('[data-path="profile.tier"]').fill('Key account');
    await b.frame.locator('[data-add="stakeholders"]').click();
    await b.frame.locator('[data-path="stakeholders.name[0]"]').fill('Grace Whitfield');
    await b.frame.locator('[data-path="salesNotes"]').fill('from the desktop');
    await syncNow(laptop);
    await syncNow(desktop);
    await expect.poll(() => a.frame.locator('[data-field="sync-state"]').getAttribute('data-value'), { timeout: 15_000 }).toBe('offline');
    // Drafts are intact while offline.
    expect(await a.frame.locator('[data-path="profile.industry"]').inputValue()).toBe('Food manufacturing');
    expect(await b.frame.locator('[data-path="profile.tier"]').inputValue()).toBe('Key account');

    await world.server.start();
    for (let round = 0; round < 2; round++) {
      await syncNow(laptop);
      await syncNow(desktop);
    }
    const read = async (f: Frame) => ({
      industry: await f.locator('[data-path="profile.industry"]').inputValue(),
      tier: await f.locator('[data-path="profile.tier"]').inputValue(),
      notes: await f.locator('[data-path="salesNotes"]').inputValue(),
      people: (await f.locator('[data-path^="stakeholders.name"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).sort(),
    });
    await expect.poll(async () => JSON.stringify(await read(a.frame)), { timeout: 20_000 }).toBe(JSON.stringify(await read(b.frame)));
    const final = await read(a.frame);
    expect(final.industry).toBe('Food manufacturing');
    expect(final.tier).toBe('Key account');
    expect(final.people).toEqual(['Amelia Hart', 'Grace Whitfield']);
    expect(['from the laptop', 'from the desktop']).toContain(final.notes);
    // The overwritten note is in the audit log, not lost.
    const { rows } = (await world.server.database.db.execute(
      (await import('drizzle-orm')).sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'packet.edit_lost' OR (action = 'packet.edit' AND after::text LIKE '%from the%')`,
    )) as unknown as { rows: { n: number }[] };
    expect(rows[0]!.n).toBeGreaterThanOrEqual(2);
  });
});

describe('claims', () => {
  it('claim from the sidebar; the popup counts it down; the badge counts it once it nears expiry', async () => {
    const pipedrive = listFixtures().find((f) => f.crm === 'pipedrive')!;
    const rep = await browserSignedIn(world.team.tokens.rep2);
    const { frame } = await openDeal(rep, pipedrive.url);
    const panel = frame.locator('[data-field="claim"]');
    await expect.poll(() => panel.getAttribute('data-value'), { timeout: 15_000 }).toBe('free');
    await clickAndConfirm(frame, '[data-field="claim-button"]', 'claim');
    await expect.poll(() => panel.getAttribute('data-value'), { timeout: 15_000 }).toBe('mine');

    const popup = await rep.context.newPage();
    await popup.goto(`chrome-extension://${rep.extensionId}/popup.html`);
    const item = popup.locator('[data-claim-id]').first();
    await item.waitFor({ timeout: 15_000 });
    const expires = Date.parse((await item.getAttribute('data-expires-at'))!);
    expect(expires - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
    expect(expires - Date.now()).toBeLessThan(14.1 * 86_400_000);
    expect(await item.textContent()).toContain('Hofmann Maschinenbau GmbH');
    expect(await item.textContent()).toMatch(/1[34] d \d+ h left/);

    // The look-up box answers for another spelling, as the rep types.
    await popup.locator('[data-field="lookup"]').pressSequentially('HOFMANN MASCHINENBAU');
    await expect.poll(() => popup.locator('[data-field="lookup-result"]').getAttribute('data-value'), { timeout: 10_000 }).toBe('mine');
    await popup.locator('[data-field="lookup"]').fill('Lindqvist Design AB');
    await expect.poll(() => popup.locator('[data-field="lookup-result"]').getAttribute('data-value'), { timeout: 10_000 }).toBe('free');

    const worker = rep.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'))!;
    const badge = () => worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(o: object): Promise<string> } } }).chrome.action.getBadgeText({}));
    expect(await badge()).toBe('');
    // Move the claim near its end on the server (instead of sleeping 12 days).
    const { sql } = await import('drizzle-orm');
    await world.server.database.db.execute(sql`UPDATE claims SET expires_at = now() + interval '2 days'`);
    await world.server.database.db.execute(sql`UPDATE claim_keys SET expires_at = now() + interval '2 days'`);
    await syncNow(rep);
    await expect.poll(badge, { timeout: 15_000 }).toBe('1');
    await popup.reload();
    await expect.poll(async () => popup.locator('[data-claim-id]').first().getAttribute('class'), { timeout: 10_000 }).toBe('urgency-soon');
  });
});
