// The handoff's retrospective in real Chromium (issue 16 items 3 and 4). Seeded
// data: the rep's packet was handed over and the CSM accepted it 31 days ago
// (the team's policy: review 30 days after acceptance), so the review is due.
// The CSM (profile 1) finds it under "needs me", fills it from the keyboard,
// loses a save to a server that is down (what was chosen stays, and the form
// says so), saves it; the manager (profile 2) sees the accuracy on the health
// page and the finding in the sync meeting's agenda (printable, Markdown); the
// rep (profile 3) sees what CS said about the handoff.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ageAcceptance } from '../server/harness/age-acceptance';
import { COMPLETE_OPS, hlc } from '../server/harness/seed';
import { listFixtures } from './harness/fixture-server';
import { e2eWorld } from './harness/session';

const world = e2eWorld('Retro team');
const { signedIn } = world;

async function api(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${world.server.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json() as Promise<Record<string, unknown>>;
}

/** The handoff as it happened: the rep's complete packet submitted, the CSM's acceptance `days` ago. */
async function handedOver(days: number): Promise<string> {
  const deal = listFixtures().find((f) => f.crm === 'salesforce')!;
  const key = 'salesforce:acme.lightning.force.com:retro-e2e';
  const snapshot = { dealName: 'Bluefin Fleet Rollout', accountName: 'Bluefin Logistics', amount: 48750, currency: 'USD', stage: 'Closed Won', closeDate: '2026-10-01', owner: 'Retro team rep' };
  const ops = [{ kind: 'deal', snapshot, dealUrl: deal.url }, ...COMPLETE_OPS];
  await api(world.team.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'retro-e2e', mutations: ops.map((op, i) => ({ id: `retro-e2e-${i}`, packetKey: key, op, hlc: hlc() })) });
  await api(world.team.tokens.rep, 'POST', `/v1/packets/${encodeURIComponent(key)}/submit`);
  await api(world.team.tokens.csm, 'POST', `/v1/packets/${encodeURIComponent(key)}/accept`);
  await ageAcceptance(world.server.database, world.team.teamId, key, days);
  return key;
}

const retroRows = async () => ((await world.server.database.db.execute(sql`SELECT packet_key, sections, profile_fit FROM retrospectives`)) as unknown as { rows: { packet_key: string; sections: Record<string, { verdict: string; note: string }>; profile_fit: string }[] }).rows;

/** Chooses a section's verdict the keyboard way: focus in its row, then 1 (right), 2 (wrong) or 3 (missing). */
async function pick(form: ReturnType<Page['locator']>, section: string, key: '1' | '2' | '3') {
  await form.locator(`[data-retro-section="${section}"] input[type="radio"]`).first().focus();
  await form.page().keyboard.press(key);
}

describe('the CSM’s retrospective reaches the rep and the manager', () => {
  it('due under "needs me", filled from the keyboard, kept through a failed save, then shown as handoff accuracy and in the agenda', async () => {
    const key = await handedOver(31);
    expect((await api(world.team.tokens.manager, 'GET', '/v1/team/engagement')).policy).toMatchObject({ retrospectiveDays: 30 });

    // Profile 1, the CSM: the popup says a review is due and opens its form.
    const csm = await signedIn(world.team.tokens.csm);
    const popup = await csm.context.newPage();
    await popup.goto(`chrome-extension://${csm.extensionId}/popup.html`);
    const need = popup.locator('[data-need="retrospectives"] button');
    await need.waitFor({ timeout: 20_000 });
    expect(await need.textContent()).toBe('Handoff reviews due: 1');
    const [options] = await Promise.all([csm.context.waitForEvent('page'), need.click()]);
    const form = options.locator(`[data-field="retro-form"][data-key="${key}"]`);
    await form.waitFor({ timeout: 20_000 });
    expect(await form.locator('h3').textContent()).toBe('Bluefin Fleet Rollout — Bluefin Logistics');

    // Sent with sections left unjudged: each is named where it is, nothing is stored.
    await pick(form, 'stakeholders', '3');
    await form.locator('[name="note.stakeholders"]').fill('No IT contact; their admin joined only at kickoff');
    await pick(form, 'contract', '2');
    await form.locator('[name="note.contract"]').fill('Term is 36 months, not 24');
    await form.locator('[data-field="retro-submit"]').click();
    await form.locator('[data-field="retro-errors"]').waitFor({ timeout: 10_000 });
    expect(await form.locator('[data-error-for="verdict.risks"]').textContent()).toContain('Risks');
    expect(await retroRows()).toEqual([]);

    for (const s of ['profile', 'whyWon', 'goals', 'doneAndOpen', 'risks', 'followUps', 'assessment', 'introductions', 'serviceGroup']) await pick(form, s, '1');
    expect(await form.locator('[data-field="retro-progress"]').getAttribute('data-value')).toBe('11');
    expect(await form.locator('[data-retro-section="contract"]').getAttribute('data-value')).toBe('wrong');
    await form.locator('[name="profileFit"][value="partly"]').check();
    await form.locator('[name="profileNote"]').fill('Smaller than our ideal profile: 40 seats');

    // The server is down: the save fails, says so, and everything chosen and typed is still there.
    await world.server.stop();
    await form.locator('[data-field="retro-submit"]').click();
    await form.locator('[data-field="retro-failed"]').waitFor({ timeout: 20_000 });
    expect(await form.locator('[data-field="retro-failed"]').textContent()).toContain('What you chose is kept');
    expect(await form.locator('[name="note.contract"]').inputValue()).toBe('Term is 36 months, not 24');
    expect(await form.locator('[name="profileFit"][value="partly"]').isChecked()).toBe(true);
    await world.server.start();
    await form.locator('[data-field="retro-submit"]').click();
    await options.locator('[data-field="retro-saved"]').waitFor({ timeout: 20_000 });
    expect(await options.locator(`[data-due="${key}"]`).count()).toBe(0);
    const [row] = await retroRows();
    expect(row?.profile_fit).toBe('partly');
    expect(row?.sections.stakeholders).toEqual({ verdict: 'missing', note: 'No IT contact; their admin joined only at kickoff' });
    expect(row?.sections.contract).toEqual({ verdict: 'wrong', note: 'Term is 36 months, not 24' });
    expect(Object.values(row!.sections).filter((v) => v.verdict === 'right')).toHaveLength(9);

    // Profile 2, the manager: handoff accuracy on the health page — 9 of 11 sections right = 81.8%.
    const manager = await signedIn(world.team.tokens.manager);
    const health = await manager.context.newPage();
    await health.goto(`chrome-extension://${manager.extensionId}/options.html#health`);
    const accuracy = health.locator('[data-field="team-health"] [data-field="handoff-accuracy"]');
    await accuracy.locator('[data-field="accuracy-overall"]').waitFor({ timeout: 20_000 });
    expect(await accuracy.locator('[data-field="accuracy-overall"]').getAttribute('data-value')).toBe('81.8');
    expect(await accuracy.locator('[data-accuracy-rep="Retro team rep"]').getAttribute('data-value')).toBe('81.8');
    expect(await accuracy.locator('[data-accuracy-section="stakeholders"]').getAttribute('data-value')).toBe('0');
    expect(await accuracy.locator('[data-accuracy-section="risks"]').getAttribute('data-value')).toBe('100');

    // The sync meeting's agenda (the last 14 days) carries the finding; Markdown to download.
    const agenda = health.locator('[data-field="sync-agenda"] [data-field="agenda"]');
    await agenda.locator(`[data-finding-of="${key}"]`).waitFor({ timeout: 20_000 });
    expect(await agenda.locator(`[data-finding-of="${key}"]`).textContent()).toContain('Contract: Wrong — Term is 36 months, not 24');
    const link = health.locator('[data-field="agenda-md"]');
    expect(await link.getAttribute('download')).toMatch(/^Sales–CS sync_ \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\.md$/);
    const md = await health.evaluate(async (href) => (await fetch(href)).text(), (await link.getAttribute('href'))!);
    expect(md).toContain('## 2. Retrospective findings (reviews: 1, all right: 0)');
    expect(md).toContain('  - Stakeholders: Missing — No IT contact; their admin joined only at kickoff');
    // Printed, the page is the agenda alone.
    await health.emulateMedia({ media: 'print' });
    expect(await health.locator('[data-field="team-health"]').isVisible()).toBe(false);
    expect(await agenda.isVisible()).toBe(true);
    expect(await health.locator('[data-field="agenda-print"]').isVisible()).toBe(false);

    // Profile 3, the rep: the popup points at the review; the card shows what CS found.
    const rep = await signedIn(world.team.tokens.rep);
    const repPopup = await rep.context.newPage();
    await repPopup.goto(`chrome-extension://${rep.extensionId}/popup.html`);
    await expect.poll(() => repPopup.locator('[data-need="reviewed"]').textContent(), { timeout: 20_000 }).toBe('Your handoffs reviewed by CS: 1');
    const repOptions = await rep.context.newPage();
    await repOptions.goto(`chrome-extension://${rep.extensionId}/options.html#retrospectives`);
    const review = repOptions.locator(`[data-review="${key}"]`);
    await review.waitFor({ timeout: 20_000 });
    expect(await review.locator('[data-finding="stakeholders"]').getAttribute('data-value')).toBe('missing');
    expect(await review.locator('[data-finding="profileFit"]').textContent()).toBe('Fitted the ideal customer profile: Partly — Smaller than our ideal profile: 40 seats');
  });
});
