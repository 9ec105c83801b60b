// The documented force-install path (docs/it-admin.md) in real Chromium:
// `npm run package` with a signing key makes the store zips and a self-hosted
// CRX with its update manifest; a policy naming that update manifest in
// ExtensionInstallForcelist installs Baton into a fresh profile with nothing
// loaded by hand, and the same policy's managed settings point it at the
// team's server. Chromium reads policies from /etc/chromium/policies, which
// every browser on the machine shares, so this browser runs in a private
// mount namespace (unshare, root) where that folder is this test's own.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionIdOf } from '@/scripts/build/extension-key';
import { chromiumPath, hostMappingArgs, sidebarFrame } from './harness/browser';
import { listFixtures, startFixtureServer } from './harness/fixture-server';

const POLICIES = '/etc/chromium/policies';
const SERVER_URL = 'https://baton.acme.example';

/** Root, with unshare able to make a mount namespace (not in every container). */
function canIsolatePolicies(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    mkdirSync(POLICIES, { recursive: true });
    execFileSync('unshare', ['--mount', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!canIsolatePolicies())('force-install from a self-hosted update manifest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-force-'));
  let updates: Server;
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  let context: BrowserContext | undefined;
  let id = '';
  let packaged: string[] = [];

  beforeAll(async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    id = extensionIdOf(publicKey.export({ type: 'spki', format: 'der' }).toString('base64'));
    const www = join(dir, 'www');
    mkdirSync(www);
    updates = createServer((req, res) => {
      const file = join(www, (req.url ?? '/').split('?')[0]!.replace(/^\/baton\//, ''));
      if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': file.endsWith('.crx') ? 'application/x-chrome-extension' : 'text/xml' }).end(readFileSync(file));
    });
    await new Promise<void>((r) => updates.listen(0, '127.0.0.1', r));
    const port = (updates.address() as { port: number }).port;
    const out = execFileSync('node', ['--import', 'tsx', 'scripts/package.ts', '--crx-key', join(dir, 'key.pem'), '--update-url', `http://127.0.0.1:${port}/baton/`], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    packaged = out.split('\n').filter((l) => l.startsWith('  baton-') || l.trim() === 'update.xml').map((l) => l.trim());
    for (const f of packaged.filter((f) => f.endsWith('.crx') || f === 'update.xml')) copyFileSync(join('.output/packages', f), join(www, f));

    const policies = join(dir, 'policies/managed');
    mkdirSync(policies, { recursive: true });
    writeFileSync(
      join(policies, 'baton.json'),
      JSON.stringify({ ExtensionInstallForcelist: [`${id};http://127.0.0.1:${port}/baton/update.xml`], '3rdparty': { extensions: { [id]: { serverUrl: SERVER_URL, uiLanguage: 'en' } } } }),
    );
    // This browser alone sees the test's policy folder in place of the machine's.
    const wrapper = join(dir, 'chromium.sh');
    writeFileSync(wrapper, `#!/bin/sh\nexec unshare --mount sh -c 'mount --bind "$0" ${POLICIES} && b="$1" && shift && exec "$b" "$@"' ${join(dir, 'policies')} ${chromiumPath()} "$@"\n`, { mode: 0o755 });
    fixtures = await startFixtureServer({ port: 0 });
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: wrapper,
      headless: false,
      // No --load-extension: the policy installs it. Update checks need background networking.
      ignoreDefaultArgs: ['--disable-extensions', '--enable-automation', '--disable-component-update', '--disable-background-networking'],
      args: [...hostMappingArgs(fixtures.port), '--headless=new', '--no-sandbox', '--no-first-run', '--disable-gpu', '--lang=en-US'],
      viewport: { width: 1400, height: 900 },
    });
  }, 900_000);

  afterAll(async () => {
    await context?.close();
    await fixtures?.close();
    updates?.close();
  });

  it('one command makes the three stores’ packages and the self-hosted CRX with its update manifest', () => {
    expect(packaged).toEqual([
      'baton-0.1.0-chrome-web-store.zip',
      'baton-0.1.0-edge-addons.zip',
      'baton-0.1.0-firefox-amo.zip',
      'baton-0.1.0-firefox-amo-sources.zip',
      'baton-0.1.0.crx',
      'update.xml',
    ].map((f) => f.replace('0.1.0', JSON.parse(readFileSync('package.json', 'utf8')).version)));
    expect(readFileSync('.output/packages/update.xml', 'utf8')).toContain(`appid="${id}"`);
  });

  it('a fresh profile gets Baton from the policy alone, already pointed at the team server', async () => {
    const deal = listFixtures().find((f) => f.crm === 'hubspot')!;
    const page = await context!.newPage();
    // The install happens in the background after start: reload until the content script mounts the sidebar.
    const deadline = Date.now() + 120_000;
    for (;;) {
      await page.goto(deal.url);
      if (await page.waitForSelector('iframe[data-baton="sidebar"]', { timeout: 5_000, state: 'attached' }).then(() => true, () => false)) break;
      if (Date.now() > deadline) throw new Error('Baton was not installed by policy within 2 minutes');
    }
    const frame = await sidebarFrame(page);
    expect(new URL(frame.url()).host).toBe(id);
    const pointer = frame.locator('[data-field="managed-server"]');
    await pointer.waitFor({ timeout: 20_000 });
    expect(await pointer.getAttribute('data-value')).toBe(SERVER_URL);
  });
});
