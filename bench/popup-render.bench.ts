// The popup's first render in real Chromium with the built extension: from
// navigation start until my claims and my packets are on screen, with 1,000
// claims and 1,000 packets in the IndexedDB cache; next to the same with an
// empty cache, measured in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { emptySnapshot } from '@/lib/crm/types';
import { newPacket } from '@/lib/packet/schema';
import { launchWithExtension, type LaunchedBrowser } from '../test/e2e/harness/browser';
import { round, summarize, type Figure } from './figures';

const OPENS = 20;
const N = 1_000;
const DAY = 86_400_000;

function seedData() {
  const now = Date.now();
  const packets = Array.from({ length: N }, (_, i) => {
    const p = newPacket(
      { crm: 'hubspot', tenant: '21458713', recordId: String(100_000 + i) },
      { ...emptySnapshot(), dealName: `Deal ${i} — 华信科技续约`, accountName: `客户 ${i} 有限公司`, amount: 10_000 + i, currency: 'CNY' },
      `https://app.hubspot.com/contacts/21458713/record/0-3/${100_000 + i}`,
      new Date(now - i * 60_000),
    );
    // Vary completeness: some sections filled on some packets.
    if (i % 2) p.profile.industry = 'Manufacturing';
    if (i % 3) p.whyWon.decisivePoints = 'Price and local support';
    if (i % 5 === 0) p.risks.noKnownRisk = true;
    return p;
  });
  const claims = Array.from({ length: N }, (_, i) => ({
    id: i + 1,
    customer: `客户 ${i} 有限公司`,
    claimedAt: new Date(now - 5 * DAY).toISOString(),
    expiresAt: new Date(now + ((i % 30) + 0.5) * DAY).toISOString(),
    releasedAt: null,
    wonAt: null,
    dealUrl: `https://app.hubspot.com/contacts/21458713/record/0-3/${100_000 + i}`,
  }));
  return { packets, claims };
}

/** Fills (or empties) the cache through the background, where the database lives. */
async function setCache(b: LaunchedBrowser, data: ReturnType<typeof seedData> | null) {
  const worker = b.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'))!;
  await worker.evaluate(async (d) => {
    type T = { clear(): Promise<void>; bulkPut(rows: unknown[]): Promise<unknown> };
    const db = (globalThis as unknown as { __batonDb: { packets: T; claims: T } }).__batonDb;
    await db.packets.clear();
    await db.claims.clear();
    if (d) {
      await db.packets.bulkPut(d.packets);
      await db.claims.bulkPut(d.claims);
    }
  }, data);
}

/** Opens the popup afresh; ms from navigation start until claims and packets (or their empty states) show. */
async function openOnce(page: Page, url: string, expectRows: boolean): Promise<{ ms: number; claims: number; packets: number }> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(
    (rows) => {
      const w = window as unknown as { __shownAt?: number };
      // Empty cache: the three "nothing here" lines (needs me, claims, packets) and no spinner left.
      const done = rows ? !!document.querySelector('[data-claim-id]') && !!document.querySelector('[data-deal-key]') : document.querySelectorAll('.pad').length >= 3 && !document.querySelector('.spinner');
      if (done && !w.__shownAt) w.__shownAt = performance.now();
      return done;
    },
    expectRows,
    { polling: 'raf', timeout: 20_000 },
  );
  return page.evaluate(() => ({
    ms: (window as unknown as { __shownAt: number }).__shownAt,
    claims: document.querySelectorAll('[data-claim-id]').length,
    packets: document.querySelectorAll('[data-deal-key]').length,
  }));
}

async function series(b: LaunchedBrowser, expectRows: boolean) {
  const page = await b.context.newPage();
  const url = `chrome-extension://${b.extensionId}/popup.html`;
  await openOnce(page, url, expectRows); // warm: code cache, database open
  const times: number[] = [];
  let last = { claims: 0, packets: 0 };
  for (let i = 0; i < OPENS; i++) {
    const r = await openOnce(page, url, expectRows);
    times.push(r.ms);
    last = r;
  }
  await page.close();
  return { times, last };
}

export async function run(): Promise<Figure[]> {
  const profile = mkdtempSync(join(tmpdir(), 'baton-bench-popup-'));
  const browser = await launchWithExtension({ fixturePort: 9, userDataDir: profile, locale: 'zh-CN' });
  try {
    await setCache(browser, null);
    const empty = await series(browser, false);
    await setCache(browser, seedData());
    const full = await series(browser, true);
    const emptyFig = summarize('', 'ms', empty.times);
    return [
      {
        ...summarize(`popup first render, ${N.toLocaleString('en')} claims + ${N.toLocaleString('en')} packets cached`, 'ms', full.times, {
          reference: { name: 'same popup, empty cache', median: emptyFig.median, ...(emptyFig.p95 !== undefined ? { p95: emptyFig.p95 } : {}) },
        }),
        ratio: round(summarize('', 'ms', full.times).median / emptyFig.median),
        note: `rendered ${full.last.claims} claim rows and ${full.last.packets} packet rows (the popup lists the 200 newest packets)`,
      },
    ];
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
