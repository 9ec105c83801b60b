// The relay in real Chromium (issue 16 item 1), three people in three browser
// profiles on a team whose relay is sales → implementation → CS: the rep
// submits; implementation accepts, fills its section and hands on to CS; the
// CSM accepts. With BATON_SCREENSHOTS=1 it writes docs/screenshots/relay-sidebar.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createToken } from '@/server/auth/tokens';
import { users } from '@/server/db/schema';
import { clickAndConfirm } from './harness/confirm';
import { fillAndSubmit } from './harness/fill-packet';
import { listFixtures } from './harness/fixture-server';
import { e2eWorld } from './harness/session';

const world = e2eWorld('Relay team');
const { signedIn, syncNow, openDeal } = world;

describe('the relay with implementation', () => {
  it('rep submits, implementation accepts, fills its section and hands on, CS accepts', async () => {
    const put = await fetch(`${world.server.url}/v1/team/relay`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${world.team.tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ stages: [{ id: 'sales' }, { id: 'implementation' }, { id: 'cs' }] }),
    });
    expect(put.status).toBe(201);
    const [person] = await world.server.database.db.insert(users).values({ teamId: world.team.teamId, name: 'Zhao Min', role: 'implementation' }).returning();
    const implToken = (await createToken(world.server.database.db, person!.id)).token;

    const deal = listFixtures().find((f) => f.crm === 'salesforce')!;
    const rep = await signedIn(world.team.tokens.rep);
    const r = await openDeal(rep, deal.url);
    await r.frame.waitForSelector('[data-field="completeness"]');
    await fillAndSubmit(r.frame);

    const impl = await signedIn(implToken);
    const i = await openDeal(impl, deal.url);
    await i.frame.waitForSelector('[data-field="relay.stage"][data-value="implementation"][data-status="submitted"]', { timeout: 30_000 });
    await i.frame.locator('[data-field="relay.accept"]').click();
    await i.frame.waitForSelector('[data-field="relay.stage"][data-value="implementation"][data-status="accepted"]', { timeout: 20_000 });
    expect(await i.frame.locator('[data-field="relay.section"]').getAttribute('data-editable')).toBe('true');
    await i.frame.locator('[data-field="implementation.goLiveDate"]').fill('2027-02-01');
    for (const f of ['accountsSetUp', 'dataLoaded', 'trainingGiven']) await i.frame.locator(`[data-field="implementation.${f}"]`).check();
    await i.frame.locator('[data-field="implementation.integrations"]').fill('ERP through the Open API');
    await i.frame.waitForSelector('[data-field="relay.completeness"][data-value="90"]');
    await i.frame.locator('[data-field="relay.handOn"]:not([disabled])').click();
    await i.frame.waitForSelector('[data-field="relay.stage"][data-value="cs"]', { timeout: 20_000 });

    await syncNow(rep);
    await r.frame.waitForSelector('[data-field="relay.stage"][data-value="cs"][data-status="submitted"]', { timeout: 30_000 });
    expect(await r.frame.locator('[data-field="relay.section"]').getAttribute('data-editable')).toBe('false');
    expect(await r.frame.locator('[data-field="implementation.goLiveDate"]').inputValue()).toBe('2027-02-01');

    const csm = await signedIn(world.team.tokens.csm);
    const c = await openDeal(csm, deal.url);
    await c.frame.waitForSelector('[data-field="status"][data-value="submitted"]', { timeout: 30_000 });
    await c.frame.waitForSelector('[data-field="relay.stage"][data-value="cs"]');
    await clickAndConfirm(c.frame, '[data-field="accept"]', 'accept');
    await c.frame.waitForSelector('[data-field="relay.stage"][data-value="cs"][data-status="accepted"]', { timeout: 20_000 });
    expect(await c.frame.locator('.relay-step[data-state="done"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')))).toEqual(['sales', 'implementation']);

    if (process.env.BATON_SCREENSHOTS) {
      const dir = join(import.meta.dirname, '../../docs/screenshots');
      mkdirSync(dir, { recursive: true });
      await c.frame.locator('section.relay').scrollIntoViewIfNeeded();
      await c.page.locator('iframe[data-baton="sidebar"]').screenshot({ path: join(dir, 'relay-sidebar.png') });
    }
  });
});
