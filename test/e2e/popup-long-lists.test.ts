// The popup with long lists cached, in real Chromium with the built extension:
// it renders only the rows in view (issue 14), yet every claim and packet is
// reachable, by keyboard and by scrolling, with its test hooks on the row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptySnapshot } from '@/lib/crm/types';
import { newPacket } from '@/lib/packet/schema';
import { launchWithExtension, type LaunchedBrowser } from './harness/browser';

const CLAIMS = 400;
const PACKETS = 150;
const DAY = 86_400_000;

let b: LaunchedBrowser;
let profile: string;
let popup: Page;

beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'baton-popup-lists-'));
  b = await launchWithExtension({ fixturePort: 9, userDataDir: profile }); // no CRM page: port unused
  const now = Date.now();
  const claims = Array.from({ length: CLAIMS }, (_, i) => ({
    id: i + 1,
    customer: `Customer ${i + 1}`,
    claimedAt: new Date(now - DAY).toISOString(),
    expiresAt: new Date(now + (i + 1) * 3_600_000).toISOString(), // claim n expires n hours from now
    releasedAt: null,
    wonAt: null,
    dealUrl: `https://acme.pipedrive.com/deal/${i + 1}`,
  }));
  const packets = Array.from({ length: PACKETS }, (_, i) =>
    newPacket({ crm: 'pipedrive', tenant: 'acme', recordId: String(i + 1) }, { ...emptySnapshot(), dealName: `Deal ${i + 1}` }, `https://acme.pipedrive.com/deal/${i + 1}`, new Date(now - i * 60_000)),
  );
  const worker = b.context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ?? (await b.context.waitForEvent('serviceworker'));
  await worker.evaluate(
    async (d) => {
      type T = { bulkPut(rows: unknown[]): Promise<unknown> };
      const db = (globalThis as unknown as { __batonDb: { packets: T; claims: T } }).__batonDb;
      await db.claims.bulkPut(d.claims);
      await db.packets.bulkPut(d.packets);
    },
    { claims, packets },
  );
  popup = await b.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
  await popup.locator('[data-claim-id]').first().waitFor({ timeout: 20_000 });
  await popup.locator('[data-deal-key]').first().waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await b?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const focusedRow = (attr: string) => popup.evaluate((a) => document.activeElement?.closest(`[${a}]`)?.getAttribute(a) ?? null, attr);

describe('popup with long lists', () => {
  it('renders a window of rows, soonest expiry and latest packet first, each with its hooks', async () => {
    const claimRows = await popup.locator('[data-claim-id]').count();
    const packetRows = await popup.locator('[data-deal-key]').count();
    expect(claimRows).toBeGreaterThan(3);
    expect(claimRows).toBeLessThan(60);
    expect(packetRows).toBeGreaterThan(2);
    expect(packetRows).toBeLessThan(60);
    expect(await popup.locator('[data-claim-id]').first().getAttribute('data-claim-id')).toBe('1');
    expect(await popup.locator('[data-claim-id]').first().getAttribute('data-expires-at')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await popup.locator('[data-deal-key]').first().textContent()).toContain('Deal 1');
    expect(await popup.locator('[data-deal-key]').first().getAttribute('data-completeness')).toMatch(/^\d+$/);
    // a screen reader hears "1 of 400" although most rows are not rendered
    expect(await popup.locator('[data-claim-id]').first().getAttribute('aria-setsize')).toBe(String(CLAIMS));
    expect(await popup.locator('[data-deal-key]').first().getAttribute('aria-setsize')).toBe(String(PACKETS));
  });

  it('keyboard: End reaches the last claim, Home the first, arrows step one row', async () => {
    const box = popup.getByRole('region', { name: 'My claims' });
    await box.focus();
    await popup.keyboard.press('End');
    await expect.poll(() => focusedRow('data-claim-id')).toBe(String(CLAIMS));
    await popup.keyboard.press('ArrowUp');
    await expect.poll(() => focusedRow('data-claim-id')).toBe(String(CLAIMS - 1));
    await popup.keyboard.press('Home');
    await expect.poll(() => focusedRow('data-claim-id')).toBe('1');
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => focusedRow('data-claim-id')).toBe('2');
    // The focused row is a link: Tab goes on to the next row's.
    await popup.keyboard.press('Tab');
    await expect.poll(() => focusedRow('data-claim-id')).toBe('3');
  });

  it('scrolling the packet list to its end shows the oldest of the listed packets', async () => {
    const box = popup.getByRole('region', { name: 'My packets' });
    await box.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => popup.locator('[data-deal-key]').last().textContent(), { timeout: 10_000 }).toContain(`Deal ${PACKETS}`);
    expect(await popup.locator('[data-deal-key]').count()).toBeLessThan(60);
  });
});
