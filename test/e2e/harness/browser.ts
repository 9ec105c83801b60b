// Launches Debian's Chromium (never a downloaded browser) with the built
// extension loaded. --host-resolver-rules sends every host name to the local
// fixture server, so pages open at their real CRM addresses and the
// manifest's match patterns decide where the content script runs.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  close(): Promise<void>;
}

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Every host name resolves to the local fixture server, whose certificate is
 * self-signed; the self-hosted CRMs' intranet hosts (`suitecrm`) go to its
 * plain-http server instead (a mapped port replaces the URL's, so
 * `http://suitecrm/` and `http://crm:8080/` both arrive there).
 */
export function hostMappingArgs(port: number, http?: { port: number; hosts: string[] }): string[] {
  const plain = (http?.hosts ?? []).map((h) => `MAP ${h} 127.0.0.1:${http!.port}, `).join('');
  return [`--host-resolver-rules=${plain}MAP * 127.0.0.1:${port}, EXCLUDE localhost, EXCLUDE 127.0.0.1`, '--ignore-certificate-errors'];
}

/**
 * A copy of the built extension whose manifest also lists `origins` as host
 * permissions: a TEST BUILD ONLY. Chromium cannot click "Allow" on the
 * permission prompt in a headless test, so the self-hosted CRM's host is
 * granted at install; the options page's request then succeeds at once and
 * the real registration path (registerContentScripts) runs unchanged.
 */
export function extensionWithHosts(origins: string[], extensionPath = '.output/chrome-mv3'): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-ext-hosts-'));
  cpSync(resolve(extensionPath), dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...origins])];
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return dir;
}

export async function launchWithExtension(opts: {
  fixturePort: number;
  /** the fixture server's plain-http port, for self-hosted CRM hosts */
  http?: { port: number; hosts: string[] };
  extensionPath?: string;
  userDataDir?: string;
  locale?: string;
  headless?: boolean;
  extraArgs?: string[];
}): Promise<LaunchedBrowser> {
  const ext = resolve(opts.extensionPath ?? '.output/chrome-mv3');
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'baton-profile-'));
  const headless = opts.headless ?? true;
  const args = [
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    ...hostMappingArgs(opts.fixturePort, opts.http),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--lang=${opts.locale ?? 'en-US'}`,
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    // The new headless mode runs extensions; Playwright's own headless flag
    // would pick the old mode.
    ...(headless ? ['--headless=new'] : []),
    ...(opts.extraArgs ?? []),
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    args,
    ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
    locale: opts.locale ?? 'en-US',
    viewport: { width: 1400, height: 900 },
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    userDataDir,
    close: () => context.close(),
  };
}

/** The Baton sidebar frame of a page (waits for the content script to mount it). */
export async function sidebarFrame(page: Page, timeout = 20_000): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[data-baton="sidebar"]', { timeout, state: 'attached' });
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = await handle.contentFrame();
    if (frame && frame.url().includes('/sidebar.html')) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    if (Date.now() > deadline) throw new Error('sidebar frame did not load');
    await page.waitForTimeout(50);
  }
}
