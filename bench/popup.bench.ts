// The popup's first render in real Chromium with the built extension: ms from
// navigation start (performance.timeOrigin) until my claims and my packets are
// in the DOM, with 1,000 claims and 1,000 packets in the IndexedDB cache; next
// to the same popup with an empty cache in the same run (the ratio is what the
// data costs, and what stays comparable on a shared machine).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CachedClaim } from '@/extension/db/database';
import { builtinAdapters } from '@/lib/crm/adapters';
import { emptySnapshot, type CrmId } from '@/lib/crm/types';
import { newPacket, type Packet } from '@/lib/packet/schema';
import { launchWithExtension, type LaunchedBrowser } from '../test/e2e/harness/browser';
import { round, summarize, type Figure } from './figures';

const OPENS = 20;
const N = 1_000;
const DAY = 86_400_000;
/** Every built-in CRM, from the adapter registry: the packets are spread over them. */
const CRMS: CrmId[] = builtinAdapters.map((a) => a.id);
const COMPANIES = ['华信科技', 'Hofmann Maschinenbau', '東方精密', 'Lindqvist Design', 'Northwind Logistics', '上海云帆', 'Okafor Foods', '台北光電'];

/** Realistic-looking rows: varied names and CRMs, statuses, partly filled packets (so completeness varies). */
export function seedData(): { packets: Packet[]; claims: CachedClaim[] } {
  const now = Date.now();
  const packets = Array.from({ length: N }, (_, i) => {
    const crm = CRMS[i % CRMS.length]!;
    const account = `${COMPANIES[i % COMPANIES.length]} ${i}`;
    const p = newPacket(
      { crm, tenant: `tenant-${i % 7}`, recordId: String(100_000 + i) },
      { ...emptySnapshot(), dealName: `${account} — renewal ${2024 + (i % 3)}`, accountName: account, amount: 5_000 + i * 37, currency: i % 2 ? 'CNY' : 'EUR', stage: 'Closed won' },
      `https://${crm}.example/deal/${100_000 + i}`,
      new Date(now - i * 60_000),
    );
    p.status = i % 23 === 0 ? 'returned' : i % 17 === 0 ? 'accepted' : i % 10 === 0 ? 'submitted' : 'draft'; // mostly drafts
    if (i % 2) Object.assign(p.profile, { industry: 'Manufacturing', size: '200–500', tier: 'A' });
    if (i % 3) Object.assign(p.whyWon, { decisivePoints: 'Price and local support', problemsToSolve: 'Manual order entry' });
    if (i % 4 === 0) p.stakeholders.push({ id: `s${i}`, name: 'Hannah Okafor', title: 'COO', phone: '', email: 'h@example.com', im: '', role: 'decision_maker', personality: '', wants: 'fewer errors' });
    if (i % 5 === 0) p.risks.noKnownRisk = true;
    if (i % 7 === 0) p.salesNotes = 'Asked for a Chinese-speaking CSM. '.repeat(5);
    return p;
  });
  const claims = Array.from({ length: N }, (_, i) => ({
    id: i + 1,
    customer: `${COMPANIES[(i + 3) % COMPANIES.length]} ${i}`,
    claimedAt: new Date(now - 5 * DAY).toISOString(),
    expiresAt: new Date(now + ((i + 0.5) / N) * 30 * DAY).toISOString(), // spread over the next 30 days
    releasedAt: null,
    wonAt: null,
    dealUrl: i % 4 ? `https://hubspot.example/deal/${200_000 + i}` : null,
  }));
  return { packets, claims };
}

/** Fills (or empties) the cache through the background's Dexie (exposed there for benchmarks), with no popup open. */
export async function setCache(b: LaunchedBrowser, data: ReturnType<typeof seedData> | null) {
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

/**
 * Stamps the moment both lists are shown, and says so on the console.
 * Injected before any popup script, so a MutationObserver sees React's commit
 * itself. The bench waits for the console line rather than polling the page:
 * Playwright's polling injects its ~300 KB script into the popup, which then
 * competes with the popup's own start on the main thread. Empty cache: both
 * "none yet" lines.
 */
export function probe() {
  if (!location.pathname.endsWith('/popup.html')) return;
  // No named inner functions: tsx would wrap them in a helper the page lacks.
  const w = window as unknown as { __shownAt?: number };
  new MutationObserver((_m, obs) => {
    const claimsShown = document.querySelector('[data-claim-id], section.claims > p.pad');
    const packetsShown = document.querySelector('[data-deal-key], .popup > p.pad');
    if (claimsShown && packetsShown) {
      w.__shownAt = performance.now(); // ms since timeOrigin = navigation start
      console.debug(`baton-bench:shown ${w.__shownAt}`);
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** One cold open in a fresh tab: ms to first render, and what was rendered. */
export async function openOnce(b: LaunchedBrowser) {
  const page = await b.context.newPage();
  try {
    const shown = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('baton-bench:shown '), timeout: 20_000 });
    await page.goto(`chrome-extension://${b.extensionId}/popup.html`, { waitUntil: 'commit' });
    await shown;
    return await page.evaluate(() => ({
      ms: (window as unknown as { __shownAt: number }).__shownAt,
      claims: document.querySelectorAll('[data-claim-id]').length,
      packets: document.querySelectorAll('[data-deal-key]').length,
      // rows in the lists, most not rendered (VirtualList sets aria-setsize on each row)
      claimsListed: Number(document.querySelector('[data-claim-id]')?.getAttribute('aria-setsize') ?? 0),
      packetsListed: Number(document.querySelector('[data-deal-key]')?.getAttribute('aria-setsize') ?? 0),
    }));
  } finally {
    await page.close();
  }
}

async function series(b: LaunchedBrowser) {
  await openOnce(b); // not counted: the first open compiles the bundle and opens the database
  const runs = [];
  for (let i = 0; i < OPENS; i++) runs.push(await openOnce(b));
  return { times: runs.map((r) => r.ms), last: runs.at(-1)! };
}

export async function run(): Promise<Figure[]> {
  const profile = mkdtempSync(join(tmpdir(), 'baton-bench-popup-'));
  try {
    const browser = await launchWithExtension({ fixturePort: 9, userDataDir: profile, locale: 'en-US' }); // no CRM page opened: port unused
    try {
      await browser.context.addInitScript(probe);
      await setCache(browser, null);
      const empty = await series(browser);
      await setCache(browser, seedData());
      const full = await series(browser);
      const ref = summarize('same popup, empty cache', 'ms', empty.times);
      const fig = summarize(`popup first render, ${N.toLocaleString('en')} claims + ${N.toLocaleString('en')} packets cached`, 'ms', full.times);
      return [
        {
          ...fig,
          reference: { name: ref.name, median: ref.median, ...(ref.p95 !== undefined && { p95: ref.p95 }) },
          ratio: round(fig.median / ref.median),
          goal: '≤ 100 ms',
          note:
            `fresh tab per open, from navigation start; rendered ${full.last.claims} of ${full.last.claimsListed} claim rows and ${full.last.packets} of ${full.last.packetsListed} packet rows, the rest as they scroll into view ` +
            `(empty cache: ${empty.last.claims} / ${empty.last.packets})` +
            (full.last.packetsListed < N ? `; the popup lists the ${full.last.packetsListed} most recently updated packets` : '') +
            // What the last change bought, measured with this harness in one paired run (builds alternated, 25 opens each, load average 23 on 2 cores).
            '. Session 12: no phone metadata, packet schema, team policies or server-answer schemas built before the first render, stable virtualizer callbacks: ' +
            '249.0 → 205.9 ms cached, 217.5 → 165.3 ms empty (before: 164.7 vs 148.1 ms in the committed run, when the harness also polled the page with Playwright’s injected script)',
        },
      ];
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
