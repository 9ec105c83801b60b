// The manager's health trends in real Chromium, on a seeded history worked out
// by hand (ISO weeks in UTC; W = this week, W-1 and W-2 the two before):
// - T1, the rep's: submitted, returned, resubmitted, accepted — two weeks ago (W-2);
// - T2, the rep's: submitted and accepted — a week ago (W-1);
// - T3, rep2's (named "=Bo Li", a formula if a spreadsheet ran it): submitted and returned this week (W);
// - T4, rep2's: a draft this week.
// The default period (the last twelve weeks) holds all four: funnel drafts 4,
// submitted 3 (T1–T3), accepted 2 (T1, T2), returned 2 (T1, T3). No intro was
// sent: both acceptances are overdue, 0 of 2 met. The CSM's retrospective of
// T1 this week found 8 of its 11 sections right: 72.7 %.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isoWeekName, isoWeekStart } from '@/lib/engagement/iso-week';
import { REVIEW_SECTIONS } from '@/lib/engagement/retrospective';
import { retrospectives } from '@/server/db/schema';
import { playHandoff } from './harness/handoff-history';
import { e2eWorld } from './harness/session';

const world = e2eWorld('Health');
const { signedIn } = world;
const WEEK = 7 * 86_400_000;

describe('health trends', () => {
  it('shows per-rep and per-CSM weekly series, the funnel, whole-number count axes, filters and the CSV of what is shown', async () => {
    const { tokens, userIds } = world.team;
    await world.server.database.db.execute(sql`UPDATE users SET name = '=Bo Li' WHERE id = ${userIds.rep2}`);
    const play = (key: string, rep: string, steps: ('submit' | 'return' | 'accept')[], daysAgo: number) => playHandoff(world.server, { key: `salesforce:acme.my.salesforce.com:${key}`, rep, csm: tokens.csm, steps, daysAgo });
    await play('T1', tokens.rep, ['submit', 'return', 'submit', 'accept'], 14);
    await play('T2', tokens.rep, ['submit', 'accept'], 7);
    await play('T3', tokens.rep2, ['submit', 'return'], 0);
    await play('T4', tokens.rep2, [], 0);
    const now = Date.now();
    const sections = Object.fromEntries(REVIEW_SECTIONS.map((id, i) => [id, { verdict: i < 8 ? 'right' : 'wrong', note: '' }]));
    await world.server.database.db.insert(retrospectives).values({ teamId: world.team.teamId, packetKey: 'salesforce:acme.my.salesforce.com:T1', repUserId: userIds.rep, csmUserId: userIds.csm, acceptedAt: new Date(now - 14 * 86_400_000), sections: sections as never, profileFit: 'yes' });
    const [w2, w1, w0] = [2, 1, 0].map((n) => isoWeekName(isoWeekStart(now) - n * WEEK)) as [string, string, string];

    const manager = await signedIn(tokens.manager);
    const page = await manager.context.newPage();
    await page.goto(`chrome-extension://${manager.extensionId}/options.html#health-trends`);
    const card = page.locator('[data-field="health-trends"]');
    const step = (k: string) => card.locator(`[data-field="trends-funnel"] [data-step="${k}"]`);
    await step('drafts').waitFor({ timeout: 20_000 });
    expect(await card.locator('[data-field="trends-funnel"] li').evaluateAll((els) => els.map((e) => [e.getAttribute('data-step'), e.querySelector('.funnel-count')!.textContent]))).toEqual([
      ['drafts', '4'],
      ['submitted', '3'],
      ['accepted', '2'],
      ['returned', '2'],
    ]);
    expect(await card.locator('[data-health="trends-intro"] dd').textContent()).toBe('0% (0 of 2 due)');
    expect(await card.locator('[data-health="trends-accuracy"] dd').textContent()).toBe('72.7% (8 of 11 sections right)');

    // Per rep, packets submitted, week by week: the table a user can open under the chart.
    const repChart = card.locator('[data-chart="rep"]');
    await repChart.locator('summary').click();
    const row = async (chart: typeof repChart, name: string) =>
      Object.fromEntries(await chart.locator(`tr[data-series="${name}"] td`).evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-week'), td.textContent])));
    const rep = await row(repChart, 'Health rep');
    expect([rep[w2], rep[w1], rep[w0]]).toEqual(['1', '1', '0']); // T1, T2
    const bo = await row(repChart, '=Bo Li');
    expect([bo[w2], bo[w1], bo[w0]]).toEqual(['0', '0', '1']); // T3
    expect(Object.keys(rep).length).toBeGreaterThanOrEqual(12); // every week of the period is a point
    expect(await repChart.locator('tbody tr').count()).toBe(2);
    // A count axis shows whole numbers only (the most in a week is 1 packet: without that, 0.1, 0.2 …).
    const ticks = async () => (await repChart.locator('canvas').getAttribute('data-ticks'))!.split(',').map(Number);
    expect((await ticks()).every(Number.isInteger)).toBe(true);
    expect(await ticks()).toEqual([0, 1]);
    expect(await repChart.locator('canvas').getAttribute('aria-label')).toContain(`Health rep: `);

    // Per CSM, packets returned: T1 two weeks ago, T3 this week.
    await card.locator('[data-field="trends-csm-figure"]').selectOption('returned');
    const csmChart = card.locator('[data-chart="csm"]');
    await csmChart.locator('summary').click();
    const csm = await row(csmChart, 'Health csm');
    expect([csm[w2], csm[w1], csm[w0]]).toEqual(['1', '0', '1']);
    expect((await csmChart.locator('canvas').getAttribute('data-ticks'))!.split(',').map(Number).every(Number.isInteger)).toBe(true);

    // The retrospective's accuracy, week by week, for the rep whose packet it judged.
    await card.locator('[data-field="trends-rep-figure"]').selectOption('accuracy');
    await expect.poll(async () => (await row(repChart, 'Health rep'))[w0]).toBe('72.7');
    expect((await row(repChart, 'Health rep'))[w1]).toBe('—'); // no retrospective that week: a blank, not 0
    expect(await repChart.locator('canvas').getAttribute('data-ticks')).toMatch(/100$/); // a % axis runs to 100
    await card.locator('[data-field="trends-rep-figure"]').selectOption('submitted');

    // Filter to rep2: their draft and their returned submission only.
    await card.locator('[data-field="trends-rep"]').selectOption({ label: '=Bo Li' });
    await expect.poll(() => step('submitted').getAttribute('data-value'), { timeout: 15_000 }).toBe('1');
    expect(await step('drafts').getAttribute('data-value')).toBe('2');
    expect(await step('accepted').getAttribute('data-value')).toBe('0');
    expect(await step('returned').getAttribute('data-value')).toBe('1');
    await expect.poll(() => card.locator('[data-chart="rep"] tbody tr').count()).toBe(1);

    // The CSV holds what is shown: the filter, the funnel, rep2's and the CSM's weeks; the formula-like name is neutralised.
    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('[data-field="trends-csv"]').click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines).toContain(`Rep,'=Bo Li`);
    expect(lines).toContain('Drafts started,2');
    expect(lines).toContain('Packets submitted,1');
    expect(lines).toContain('Packets returned,1');
    expect(lines.find((l) => l.startsWith(`Rep,'=Bo Li,${w0},`))).toMatch(new RegExp(`^Rep,'=Bo Li,${w0},\\d{4}-\\d{2}-\\d{2},1,\\d+(\\.\\d)?,0,1,`));
    expect(lines.find((l) => l.startsWith(`CSM,Health csm,${w0},`))).toMatch(new RegExp(`^CSM,Health csm,${w0},[^,]+,,,0,1,`));
    expect(lines.some((l) => l.includes('Health rep,'))).toBe(false); // the other rep is filtered out
    expect(lines.every((l) => !/(^|,)[=+@-]/.test(l))).toBe(true);

    // A period that ends before it starts: a localized error at the field, the figures kept.
    await card.locator('[data-field="trends-from"]').fill('2030-01-01');
    await card.locator('[data-field="trends-error"]').waitFor({ timeout: 15_000 });
    expect(await card.locator('[data-field="trends-error"]').textContent()).toContain('must be before the end of the period');
    expect(await step('submitted').getAttribute('data-value')).toBe('1');
  });
});
