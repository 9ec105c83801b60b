// Launches Debian's Chromium (never a downloaded browser) with the built
// extension loaded. --host-resolver-rules sends every host name to the local
// fixture server, so pages open at their real CRM addresses and the
// manifest's match patterns decide where the content script runs.
import { mkdtempSync } from 'node:fs';
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

/** Every host name resolves to the local fixture server, whose certificate is self-signed. */
export function hostMappingArgs(port: number): string[] {
  return [`--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost, EXCLUDE 127.0.0.1`, '--ignore-certificate-errors'];
}

export async function launchWithExtension(opts: {
  fixturePort: number;
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
    ...hostMappingArgs(opts.fixturePort),
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
