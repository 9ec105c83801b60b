// What Baton costs the browser, in real Chromium:
// - JS heap of a CRM tab (HubSpot fixture) with the sidebar open — the page's
//   renderer (where the content script runs) plus the sidebar frame's — next
//   to the same tab in the same Chromium without the extension (Chromium's
//   performance metrics after a forced GC, median of 5 loads);
// - service worker start → first completed sync (signed in, browser
//   relaunched on the same profile), next to a sync run on a warm worker.
// The heap is measured on the production build; the sync timings on the bench
// build (`wxt build --mode bench`), the only one with the worker's sync probe.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { chromiumPath, hostMappingArgs, launchWithExtension, sidebarFrame, type LaunchedBrowser } from '../test/e2e/harness/browser';
import { listFixtures, startFixtureServer } from '../test/e2e/harness/fixture-server';
import { startTestServer } from '../test/e2e/harness/sync-server';
import { seedTeam } from '../test/server/harness/seed';
import { freePort } from '../test/free-port';
import { round, summarize, type Figure } from './figures';

const LOADS = 5;
const BENCH_BUILD = '.output/chrome-mv3-bench';
const RELAUNCHES = 5;

/** JS heap used (bytes) of the page's or frame's process, after a GC. */
async function heap(context: BrowserContext, target: Page | Frame): Promise<number> {
  const cdp = await context.newCDPSession(target);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

const parts: { page: number[]; frame: number[] } = { page: [], frame: [] };

async function tabHeaps(context: BrowserContext, url: string, withSidebar: boolean): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < LOADS + 1; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-selenium-test="highlightTitle"]', { timeout: 20_000 });
    let bytes = await heap(context, page);
    if (withSidebar) {
      const frame = await sidebarFrame(page);
      await frame.waitForSelector('[data-field="completeness"]', { timeout: 20_000 });
      const [p, f] = [await heap(context, page), await heap(context, frame)];
      bytes = p + f;
      if (i > 0) {
        parts.page.push(p / 2 ** 20);
        parts.frame.push(f / 2 ** 20);
      }
    }
    if (i > 0) out.push(bytes / 2 ** 20); // the first load warms caches
    await page.close();
  }
  return out;
}

export async function run(): Promise<Figure[]> {
  const fixtures = await startFixtureServer({ port: 0 });
  const url = listFixtures().find((f) => f.crm === 'hubspot')!.url;
  const figures: Figure[] = [];
  const plainProfile = mkdtempSync(join(tmpdir(), 'baton-bench-plain-'));
  const heapProfile = mkdtempSync(join(tmpdir(), 'baton-bench-heap-'));
  const profile = mkdtempSync(join(tmpdir(), 'baton-bench-cost-'));
  const server = await startTestServer(await freePort());
  let browser: LaunchedBrowser | null = null;
  try {
    // Without Baton: the same Chromium, the same page.
    const plain = await chromium.launchPersistentContext(plainProfile, {
      executablePath: chromiumPath(),
      headless: false,
      args: [...hostMappingArgs(fixtures.port), '--headless=new', '--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    });
    const without = await tabHeaps(plain, url, false);
    await plain.close();
    browser = await launchWithExtension({ fixturePort: fixtures.port, userDataDir: heapProfile });
    const withBaton = await tabHeaps(browser.context, url, true);
    await browser.close();
    browser = null;
    const base = summarize('', 'MiB', without);
    figures.push({
      ...summarize('JS heap of a CRM tab with the sidebar open (page + sidebar frame)', 'MiB', withBaton, { reference: { name: 'same tab without Baton', median: base.median, ...(base.p95 !== undefined ? { p95: base.p95 } : {}) } }),
      ratio: round(summarize('', 'MiB', withBaton).median / base.median),
      note: `Baton adds ${round(summarize('', 'MiB', withBaton).median - base.median)} MiB of JS heap to the tab: page renderer with the content script ${summarize('', 'MiB', parts.page).median} MiB, sidebar frame (its own process) ${summarize('', 'MiB', parts.frame).median} MiB`,
    });

    // Service worker start → first sync, signed in.
    browser = await launchWithExtension({ fixturePort: fixtures.port, userDataDir: profile, extensionPath: BENCH_BUILD });
    const team = await seedTeam(server.database, 'Startup');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('[data-field="server-url"]').fill(server.url);
    await options.locator('[data-field="token"]').fill(team.tokens.rep);
    await options.locator('[data-action="sign-in-token"]').click();
    await options.locator('[data-field="who"]', { hasText: 'Signed in as' }).waitFor({ timeout: 15_000 });
    const probe = (b: LaunchedBrowser) => b.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'))!;
    const firstSync: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < RELAUNCHES; i++) {
      await browser.close();
      browser = await launchWithExtension({ fixturePort: fixtures.port, userDataDir: profile, extensionPath: BENCH_BUILD });
      const worker = probe(browser);
      const first = await worker.evaluate(async () => {
        const g = globalThis as unknown as { __batonSync?: { firstSyncMs: number | null } };
        for (let t = 0; t < 300 && !g.__batonSync?.firstSyncMs; t++) await new Promise((r) => setTimeout(r, 50));
        return g.__batonSync?.firstSyncMs ?? NaN;
      });
      firstSync.push(first);
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const before = await worker.evaluate(() => (globalThis as unknown as { __batonSync: { runs: number[] } }).__batonSync.runs.length);
      await page.locator('[data-field="sync-now"]').click();
      await worker.evaluate(async (n) => {
        const g = globalThis as unknown as { __batonSync: { runs: number[] } };
        for (let t = 0; t < 300 && g.__batonSync.runs.length <= n; t++) await new Promise((r) => setTimeout(r, 20));
      }, before);
      warm.push(await worker.evaluate(() => (globalThis as unknown as { __batonSync: { runs: number[] } }).__batonSync.runs.at(-1)!));
      await page.close();
    }
    const warmFig = summarize('', 'ms', warm);
    figures.push({
      ...summarize('service worker start → first completed sync (signed in)', 'ms', firstSync, { reference: { name: 'one sync run on a warm worker', median: warmFig.median, ...(warmFig.p95 !== undefined ? { p95: warmFig.p95 } : {}) } }),
      ratio: round(summarize('', 'ms', firstSync).median / warmFig.median),
    });
    return figures;
  } finally {
    await browser?.close();
    await server.close();
    await fixtures.close();
    rmSync(plainProfile, { recursive: true, force: true });
    rmSync(heapProfile, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
