// Nothing typed is lost in silence (issue 11), in real Chromium against a
// running server: a CSM reads a submitted packet without being offered edits;
// an edit the server refuses (forced into the extension's own outbox, as a
// stale tab or an older version would queue it) shows at its field with the
// reason and the text, survives a reload, and keeps the sync line off
// "Synced" until it is resolved; a batch the server answers 400 loses none of
// its good edits and shows the bad one.
import type { Frame, Worker } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { packets } from '@/server/db/schema';
import { sidebarFrame, type LaunchedBrowser } from './harness/browser';
import { clickAndConfirm } from './harness/confirm';
import { fillAndSubmit } from './harness/fill-packet';
import { listFixtures } from './harness/fixture-server';
import { e2eWorld } from './harness/session';

const world = e2eWorld('Refusals team');
const { signedIn, syncNow, openDeal } = world;

const worker = (b: LaunchedBrowser): Worker => b.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'))!;

/** Queues mutations in the extension's outbox from its own background context (the sidebar would never offer them). */
async function queue(b: LaunchedBrowser, crm: string, ops: unknown[]): Promise<string> {
  return worker(b).evaluate(
    async ({ crm, ops }) => {
      type Table = { toArray(): Promise<{ key: string; identity: { crm: string } }[]>; add(x: unknown): Promise<unknown> };
      const db = (globalThis as unknown as { __batonDb: { packets: Table; outbox: Table } }).__batonDb;
      const key = (await db.packets.toArray()).find((p) => p.identity.crm === crm)!.key;
      let n = 0;
      for (const op of ops) {
        const hlc = `${String(Date.now()).padStart(15, '0')}:${String(++n).padStart(5, '0')}:e2e-forced`;
        await db.outbox.add({ id: crypto.randomUUID(), packetKey: key, op, at: new Date().toISOString(), hlc });
      }
      return key;
    },
    { crm, ops },
  );
}

const syncLine = (f: Frame) => f.locator('[data-field="sync-state"]');

async function serverPacket(key: string) {
  const [row] = await world.server.database.db.select({ data: packets.data }).from(packets).where(and(eq(packets.teamId, world.team.teamId), eq(packets.key, key)));
  return row!.data as { salesNotes: string; profile: { industry: string; environment: string }; status: string; review: { amendedPaths: string[] }; contract: { amount: number | null; currency: string } };
}

describe('a CSM reviewing a submitted packet', () => {
  it('is offered no edit of the rep’s fields; a refused edit shows its reason and text, survives a reload, keeps the sync line off "Synced", and can be sent as an amendment after acceptance', async () => {
    const deal = listFixtures().find((f) => f.crm === 'salesforce')!;
    const rep = await signedIn(world.team.tokens.rep);
    const r = await openDeal(rep, deal.url);
    await r.frame.waitForSelector('[data-field="completeness"]');
    // The contract starts from the amount and currency the page shows; the rep may change them.
    const pageAmount = await r.frame.locator('[data-field="deal.amount"]').getAttribute('data-value');
    const pageCurrency = await r.frame.locator('[data-field="deal.currency"]').getAttribute('data-value');
    expect(pageAmount).toMatch(/^\d/);
    expect(pageCurrency).toMatch(/^[A-Z]{3}$/);
    await expect.poll(() => r.frame.locator('[data-path="contract.amount"]').inputValue(), { timeout: 10_000 }).toBe(pageAmount);
    expect(await r.frame.locator('[data-path="contract.currency"]').inputValue()).toBe(pageCurrency);
    await fillAndSubmit(r.frame);

    const csm = await signedIn(world.team.tokens.csm);
    const c = await openDeal(csm, deal.url);
    await c.frame.waitForSelector('[data-field="status"][data-value="submitted"]', { timeout: 20_000 });
    await expect.poll(() => c.frame.locator('[data-path="profile.industry"]').inputValue(), { timeout: 20_000 }).toBe('Logistics');
    expect(await c.frame.locator('form.editor').getAttribute('data-editable')).toBe('false');
    expect(await c.frame.locator('[data-field="edit-rights"]').getAttribute('data-value')).toBe('read-only');
    const editable = await c.frame.locator('form.editor [data-path]').evaluateAll((els) =>
      els.filter((e) => !(e as HTMLInputElement).readOnly && !(e as HTMLInputElement).disabled).map((e) => e.getAttribute('data-path')),
    );
    expect(editable).toEqual([]);
    expect(await c.frame.locator('form.editor [data-add], form.editor button.remove').count()).toBe(0);
    expect(await c.frame.locator('[data-field="submit"]').count()).toBe(0); // a CSM never submits
    // Typing into a field changes nothing.
    await c.frame.locator('[data-path="profile.industry"]').press('End');
    await c.page.keyboard.type(' by the CSM');
    expect(await c.frame.locator('[data-path="profile.industry"]').inputValue()).toBe('Logistics');

    // An edit forced into the outbox: the server refuses it; it stays visible where it belongs.
    const key = await queue(csm, 'salesforce', [{ kind: 'set', path: 'profile.environment', value: 'SAP ECC on premises, moving to S/4 next year' }]);
    await syncNow(csm);
    const note = c.frame.locator('[data-refusal][data-refusal-path="profile.environment"]');
    await note.waitFor({ timeout: 20_000 });
    expect(await note.getAttribute('data-refusal-code')).toBe('csmBeforeAcceptance');
    expect(await note.textContent()).toContain('a CSM reads a submitted packet and returns or accepts it');
    expect(await note.locator('[data-refusal-text]').inputValue()).toBe('SAP ECC on premises, moving to S/4 next year');
    await expect.poll(() => syncLine(c.frame).getAttribute('data-value'), { timeout: 15_000 }).toBe('refused');
    expect(await syncLine(c.frame).textContent()).toBe('Not synced: 1 refused by the server');
    expect(await syncLine(c.frame).textContent()).not.toMatch(/Synced/);
    expect((await serverPacket(key)).profile.environment).toBe('');
    // The popup says the same.
    const popup = await csm.context.newPage();
    await popup.goto(`chrome-extension://${csm.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('[data-field="sync-state"]').getAttribute('data-value'), { timeout: 10_000 }).toBe('refused');
    expect(await popup.locator(`[data-deal-key="${key}"] [data-refused]`).getAttribute('data-refused')).toBe('1'); // and where it waits
    expect(await popup.locator('[data-need="refused"]').textContent()).toBe('Edits not saved: 1 refused by the server');
    await popup.close();

    // It is in IndexedDB: a reload shows it again, text and all.
    await c.page.reload();
    const again = await sidebarFrame(c.page);
    const kept = again.locator('[data-refusal][data-refusal-path="profile.environment"]');
    await kept.waitFor({ timeout: 20_000 });
    expect(await kept.locator('[data-refusal-text]').inputValue()).toBe('SAP ECC on premises, moving to S/4 next year');
    expect(await kept.locator('[data-refusal-action="resend"]').count()).toBe(0); // not allowed yet

    // While reviewing, the text can become a return reason for its checklist item (not sent here).
    await kept.locator('[data-refusal-action="return"]').click();
    expect(await again.locator('[data-return-reason="profile"]').inputValue()).toBe('SAP ECC on premises, moving to S/4 next year');
    // Closed with its Cancel button, which no scrollbar of the page hides.
    await again.locator('[data-field="return-cancel"]').click();
    await again.locator('[data-field="return-form"]').waitFor({ state: 'detached', timeout: 10_000 });

    // After acceptance the same text becomes an amendment.
    await clickAndConfirm(again, '[data-field="accept"]', 'accept');
    await again.waitForSelector('[data-field="status"][data-value="accepted"]', { timeout: 15_000 });
    await kept.locator('[data-refusal-action="resend"]').click();
    await expect.poll(async () => (await serverPacket(key)).profile.environment, { timeout: 20_000 }).toBe('SAP ECC on premises, moving to S/4 next year');
    expect((await serverPacket(key)).review.amendedPaths).toContain('profile.environment');
    await expect.poll(() => again.locator('[data-refusal]').count(), { timeout: 15_000 }).toBe(0);
    await syncNow(csm);
    await expect.poll(() => syncLine(again).getAttribute('data-value'), { timeout: 15_000 }).toMatch(/synced|syncing/);
  });
});

describe('a batch the server answers 400', () => {
  it('keeps every good edit, refuses only the bad one (shown in Chinese), and the person discards it knowingly', async () => {
    const deal = listFixtures().find((f) => f.crm === 'hubspot')!;
    const rep = await signedIn(world.team.tokens.rep2, 'zh-CN');
    const r = await openDeal(rep, deal.url);
    await r.frame.waitForSelector('[data-field="completeness"]');
    await r.frame.locator('[data-path="profile.industry"]').fill('Cold-chain logistics');
    await syncNow(rep);
    const pasted = 'x'.repeat(10_001); // longer than the server takes: the whole batch is answered 400
    const key = await queue(rep, 'hubspot', [
      { kind: 'set', path: 'profile.tier', value: 'Strategic' },
      { kind: 'set', path: 'salesNotes', value: pasted },
      { kind: 'set', path: 'profile.size', value: '3,400 staff' },
    ]);
    await syncNow(rep);
    await expect.poll(async () => (await serverPacket(key)).profile, { timeout: 20_000 }).toMatchObject({ industry: 'Cold-chain logistics' });
    await expect.poll(async () => JSON.stringify(await serverPacket(key)), { timeout: 20_000 }).toContain('3,400 staff');
    expect(JSON.stringify(await serverPacket(key))).toContain('Strategic');
    const note = r.frame.locator('[data-refusal][data-refusal-path="salesNotes"]');
    await note.waitFor({ timeout: 20_000 });
    expect(await note.getAttribute('data-refusal-code')).toBe('invalid');
    expect(await note.locator('[data-refusal-text]').inputValue()).toBe(pasted);
    await expect.poll(() => syncLine(r.frame).getAttribute('data-value'), { timeout: 15_000 }).toBe('refused');
    // In the person's language.
    expect(await syncLine(r.frame).textContent()).toBe('未同步：1 项修改被服务器拒绝');
    expect(await note.locator('.refusal-reason').textContent()).toMatch(/^未保存：服务器无法接受此值/);

    // Discarding asks first; "keep" keeps it.
    await note.locator('[data-refusal-action="discard"]').click();
    await note.locator('[data-refusal-action="keep"]').click();
    expect(await r.frame.locator('[data-refusal]').count()).toBe(1);
    await note.locator('[data-refusal-action="discard"]').click();
    await note.locator('[data-refusal-action="discard-confirm"]').click();
    await expect.poll(() => r.frame.locator('[data-refusal]').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => syncLine(r.frame).getAttribute('data-value'), { timeout: 15_000 }).toMatch(/synced|syncing/);
  });
});

describe('each role sees what it can do', () => {
  it('a CSM gets no dispute box for a colleague’s claim; a rep no manager or admin cards; an admin the adapter editor', async () => {
    const deal = listFixtures().find((f) => f.crm === 'zoho')!;
    const csm = await signedIn(world.team.tokens.csm);
    const c = await openDeal(csm, deal.url);
    const account = await c.frame.locator('[data-field="deal.accountName"]').getAttribute('data-value');
    expect(account).toBeTruthy();
    const claimed = await fetch(`${world.server.url}/v1/claims`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.team.tokens.rep}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customer: account, keys: [{ kind: 'company', value: account }] }),
    });
    expect(claimed.status).toBe(201);
    await c.page.reload();
    const frame = await sidebarFrame(c.page);
    const panel = frame.locator('[data-field="claim"]');
    await expect.poll(() => panel.getAttribute('data-value'), { timeout: 20_000 }).toBe('taken');
    expect(await frame.locator('[data-field="claim-dispute"]').count()).toBe(0);
    expect(await panel.locator('input').count()).toBe(0);

    const cards = async (token: string) => {
      const b = await signedIn(token);
      const options = await b.context.newPage();
      await options.goto(`chrome-extension://${b.extensionId}/options.html`);
      // "who" is on the page before the person is known; wait for the name so
      // the cards are judged for the signed-in role, not the signed-out one.
      await expect.poll(() => options.locator('[data-field="who"]').textContent(), { timeout: 15_000 }).toMatch(/\S/);
      const seen = { manage: await options.locator('#manage').count(), adapter: await options.locator('[data-field="adapter-json"]').count() };
      await b.close();
      return seen;
    };
    expect(await cards(world.team.tokens.rep)).toEqual({ manage: 0, adapter: 0 });
    expect(await cards(world.team.tokens.admin)).toEqual({ manage: 1, adapter: 1 });
  });
});
