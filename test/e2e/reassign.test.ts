// The reassignment handoff in real Chromium (issue 16 item 2): a rep leaves;
// the manager (browser profile 1, options page) picks them, two receivers
// and a reason, shares the customers by choice, edits a packet's handoff
// note on the preview and confirms; the new rep (profile 2) finds the claim
// and the packet in the popup under "needs me" — "Handed to you by … because
// …" with the note — in their claims and packets, until they acknowledge it;
// the leaver's token no longer works. BATON_SCREENSHOTS=1 also writes
// docs/screenshots/reassignment.png (the manager's preview).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createToken } from '@/server/auth/tokens';
import { users } from '@/server/db/schema';
import { COMPLETE_OPS, hlc } from '../server/harness/seed';
import { listFixtures } from './harness/fixture-server';
import { e2eWorld } from './harness/session';

const world = e2eWorld('East region');
const { signedIn, syncNow } = world;

/** A call to the test server with a token: status and JSON. */
async function api(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(new URL(path, world.server.url), { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> };
}

describe('reassigning a leaving rep’s customers', () => {
  it('the manager moves them in one action; the new rep’s popup lists them with the note; the leaver is locked out', async () => {
    const deal = listFixtures().find((f) => f.crm === 'salesforce')!;
    const key = `salesforce:${new URL(deal.url).host}:${deal.expected.recordId}`;
    const { team } = world;
    const [rep3] = await world.server.database.db.insert(users).values({ teamId: team.teamId, name: 'East region rep3', role: 'rep', channel: 'direct' }).returning();
    await createToken(world.server.database.db, rep3!.id);

    // What the leaving rep holds: a claim and a draft packet of one deal, and a claim of another customer.
    const account = String(deal.expected.accountName);
    const claimed = await api(team.tokens.rep, 'POST', '/v1/claims', { customer: account, keys: [{ kind: 'company', value: account }], dealUrl: deal.url });
    expect(claimed.status).toBe(201);
    const claimId = (claimed.json.claim as { id: number }).id;
    expect((await api(team.tokens.rep, 'POST', '/v1/claims', { customer: 'Contoso Ltd', keys: [{ kind: 'company', value: 'Contoso Ltd' }] })).status).toBe(201);
    const snapshot = { dealName: String(deal.expected.dealName), accountName: account, amount: 125000, currency: 'USD', stage: 'Negotiation/Review', closeDate: '2026-11-30', owner: null, probability: 90 };
    const ops = [...COMPLETE_OPS, { kind: 'deal', snapshot, dealUrl: deal.url }];
    expect((await api(team.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'leaver-laptop', mutations: ops.map((op, i) => ({ id: `m${i}`, packetKey: key, op, hlc: hlc() })) })).status).toBe(200);

    // Profile 1: the manager's options page.
    const manager = await signedIn(team.tokens.manager);
    const options = await manager.context.newPage();
    await options.setViewportSize({ width: 1100, height: 1000 });
    await options.goto(`chrome-extension://${manager.extensionId}/options.html#reassign`);
    const card = options.locator('#reassign');
    await card.locator('[data-field="reassign-leaver"]').selectOption(String(team.userIds.rep));
    await card.locator(`[data-receiver="${team.userIds.rep2}"]`).check();
    await card.locator(`[data-receiver="${rep3!.id}"]`).check();
    await card.locator('input[name="reassign-split"][value="choice"]').check();
    // A blank reason is named before anything is sent.
    await card.locator('[data-field="reassign-preview"]').click();
    await expect.poll(() => card.locator('[data-field="reassign-error"]').textContent()).toContain('Reason');
    await card.locator('[data-field="reassign-reason"]').fill('Leaves the company on Friday');
    await card.locator('[data-field="reassign-preview"]').click();
    const summary = card.locator('[data-field="reassign-summary"]');
    await summary.waitFor({ timeout: 20_000 });
    expect(await summary.textContent()).toBe('To move — customers: 2, claims: 2, packets: 1. Tokens of East region rep to revoke: 1.');
    // The note is prefilled with the reason, and editable; the deal's customer goes to rep2 by choice.
    const note = card.locator(`[data-note="${key}"]`);
    expect(await note.inputValue()).toBe('Leaves the company on Friday');
    await note.fill('Hannah Okafor expects a call before the renewal on 30 November');
    const northwind = card.locator(`[data-customer="claim:${claimId}"] [data-choice]`);
    await northwind.selectOption(String(team.userIds.rep2));
    await card.locator('[data-customer]:not([data-customer="claim:' + claimId + '"]) [data-choice]').selectOption(String(rep3!.id));
    expect(await card.locator(`[data-receiver-total="${team.userIds.rep2}"]`).textContent()).toBe('East region rep2 — customers: 1, claims: 1, packets: 1');
    if (process.env.BATON_SCREENSHOTS === '1') await card.screenshot({ path: 'docs/screenshots/reassignment.png' });

    await card.locator('[data-field="reassign-confirm"]').click();
    await card.locator('[data-confirm="reassign"]').click();
    const done = card.locator('[data-field="reassign-done"]');
    await done.waitFor({ timeout: 20_000 });
    expect(await done.textContent()).toContain('Done — claims moved: 2, packets moved: 1; East region rep’s tokens are revoked. East region rep’s account is deactivated.');

    // The leaver's token no longer works.
    expect((await api(team.tokens.rep, 'GET', '/v1/me')).status).toBe(401);

    // Profile 2: the new rep's popup.
    const rep2 = await signedIn(team.tokens.rep2);
    await syncNow(rep2);
    const popup = await rep2.context.newPage();
    await popup.goto(`chrome-extension://${rep2.extensionId}/popup.html`);
    const handed = popup.locator('[data-need="handoff"]');
    await expect.poll(() => handed.count(), { timeout: 30_000 }).toBe(2);
    const packetLine = popup.locator(`[data-need="handoff"][data-handoff-packet="${key}"]`);
    expect(await packetLine.locator('.handoff-why').textContent()).toBe('Handed to you by East region rep because Leaves the company on Friday');
    expect(await packetLine.textContent()).toContain(`Packet: ${deal.expected.dealName}`);
    expect(await packetLine.locator('.handoff-note').textContent()).toBe('Note: Hannah Okafor expects a call before the renewal on 30 November');
    expect(await popup.locator(`[data-need="handoff"][data-handoff-claim="${claimId}"]`).textContent()).toContain(`Claim: ${account}`);
    // They are the new rep's now: in my claims and my packets.
    await popup.locator(`[data-claim-id="${claimId}"]`).waitFor({ timeout: 20_000 });
    await popup.locator(`[data-deal-key="${key}"]`).waitFor({ timeout: 20_000 });
    // Acknowledged, the claim's line leaves "needs me"; the packet's stays until it is.
    await popup.locator(`[data-handoff-claim="${claimId}"] [data-handoff-ack]`).click();
    await expect.poll(() => handed.count(), { timeout: 20_000 }).toBe(1);
    expect(await handed.getAttribute('data-handoff-packet')).toBe(key);

    // The other receiver got the other customer; nothing is left with the leaver.
    const [left] = await world.server.database.db.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, team.userIds.rep));
    expect(left!.deactivatedAt).not.toBeNull();
    expect(((await api(team.tokens.manager, 'GET', '/v1/claims?scope=team&limit=100')).json.claims as { userId: number; customer: string }[]).map((c) => [c.customer, c.userId]).sort()).toEqual([
      ['Contoso Ltd', rep3!.id],
      [account, team.userIds.rep2],
    ]);
  });
});
