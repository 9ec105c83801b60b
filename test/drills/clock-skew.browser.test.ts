// Drill: two devices of one rep whose clocks are wrong by +2 h and −2 h (the
// extension's service worker and pages see the skewed time). An edit made
// after seeing the other device's edit must win even though its wall clock is
// 4 hours behind, both must converge, and claim countdowns must follow the
// server's clock, not the device's.
import { createToken } from '@/server/auth/tokens';
import { describe, expect, it } from 'vitest';
import { clickAndConfirm } from '../e2e/harness/confirm';
import type { LaunchedBrowser } from '../e2e/harness/browser';
import { listFixtures } from '../e2e/harness/fixture-server';
import { e2eWorld } from '../e2e/harness/session';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Plain JS run in the worker and every page: Date (and Date.now) shifted by `skew` ms. */
const skewClock = (skew: number) => `(() => {
  const Real = Date;
  if (Real.__skew !== undefined) return;
  class Skewed extends Real {
    constructor(...a) { if (a.length) super(...a); else super(Real.now() + ${skew}); }
    static now() { return Real.now() + ${skew}; }
  }
  Skewed.__skew = ${skew};
  globalThis.Date = Skewed;
})()`;

const world = e2eWorld('Skew team');
const { signedIn, syncNow, openDeal } = world;


async function skewed(token: string, skew: number): Promise<LaunchedBrowser> {
  const b = await signedIn(token);
  await b.context.addInitScript(skewClock(skew));
  const worker = b.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'))!;
  await worker.evaluate(skewClock(skew));
  expect(Math.round(((await worker.evaluate(() => Date.now())) - Date.now()) / HOUR)).toBe(skew / HOUR);
  return b;
}




describe('clocks 2 hours wrong', () => {
  it('the edit made after seeing the other wins; both converge; countdowns follow server time', async () => {
    const deal = listFixtures().find((f) => f.crm === 'salesforce')!;
    const ahead = await skewed(world.team.tokens.rep, 2 * HOUR);
    const behind = await skewed((await createToken(world.server.database.db, world.team.userIds.rep, 'old laptop')).token, -2 * HOUR);

    const a = await openDeal(ahead, deal.url);
    await a.frame.locator('[data-path="salesNotes"]').fill('written on the fast clock');
    await a.frame.locator('[data-field="save-state"][data-value="saved"]').waitFor({ timeout: 10_000 });
    await syncNow(ahead);

    const b = await openDeal(behind, deal.url);
    const bNotes = b.frame.locator('[data-path="salesNotes"]');
    await syncNow(behind);
    await expect.poll(() => bNotes.inputValue(), { timeout: 15_000 }).toBe('written on the fast clock');
    await bNotes.fill('corrected on the slow clock, after reading it');
    await b.frame.locator('[data-field="save-state"][data-value="saved"]').waitFor({ timeout: 10_000 });
    await syncNow(behind);
    await syncNow(ahead);
    await syncNow(behind);
    const aNotes = a.frame.locator('[data-path="salesNotes"]');
    expect(await bNotes.inputValue()).toBe('corrected on the slow clock, after reading it');
    // Stays that way: a later read with an "older" wall-clock updatedAt is still the newer state.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await aNotes.inputValue()).toBe('corrected on the slow clock, after reading it');

    // A claim from the slow device: the popup's countdown is computed from server time.
    const panel = b.frame.locator('[data-field="claim"]');
    await expect.poll(() => panel.getAttribute('data-value'), { timeout: 15_000 }).toBe('free');
    await clickAndConfirm(b.frame, '[data-field="claim-button"]', 'claim');
    await expect.poll(() => panel.getAttribute('data-value'), { timeout: 15_000 }).toBe('mine');
    const popup = await behind.context.newPage();
    await popup.goto(`chrome-extension://${behind.extensionId}/popup.html`);
    const item = popup.locator('[data-claim-id]').first();
    await item.waitFor({ timeout: 15_000 });
    const expires = Date.parse((await item.getAttribute('data-expires-at'))!);
    const left = await item.locator('.left').textContent();
    console.log(`drill: devices at +2 h and −2 h; final notes on both: "${await aNotes.inputValue()}"; slow device's popup says "${left}" for a claim expiring in ${((expires - Date.now()) / DAY).toFixed(2)} days of server time`);
    expect(Math.abs(expires - Date.now() - 14 * DAY)).toBeLessThan(HOUR);
    expect(left).toMatch(/^13 d 2[23] h left$/); // would read 14 d 1 h with the device's own clock
  });
});
