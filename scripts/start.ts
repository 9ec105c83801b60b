// `npm start`: build the extension, serve the demo CRM (the fixture deal pages
// at their real addresses, over HTTPS, from this machine) and say what to open.
// `npm start -- --open` also starts Chromium with the extension loaded.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hostMappingArgs } from '../test/e2e/harness/browser';
import { listFixtures, listNonDealPages, startFixtureServer } from '../test/e2e/harness/fixture-server';

const port = Number(process.env.PORT ?? 8443);
const open = process.argv.includes('--open') || process.env.BATON_OPEN === '1';

console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
const ext = resolve('.output/chrome-mv3');

const demo = await startFixtureServer({ port });

// The sync server joins here when it exists (issue: sync server).

const browsers = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(
  (p): p is string => !!p && existsSync(p),
);
const profile = mkdtempSync(join(tmpdir(), 'baton-demo-'));
const args = [
  `--user-data-dir=${profile}`,
  `--load-extension=${ext}`,
  ...hostMappingArgs(demo.port),
  '--no-first-run',
];
const urls = listFixtures().map((f) => f.url);

console.log(`
Baton is built: ${ext}
Demo CRM (six CRMs' deal pages at their real addresses) is served on https://127.0.0.1:${demo.port}

Load the extension yourself: chrome://extensions → Developer mode → Load unpacked → ${ext}
The demo pages only resolve in a browser started with the host mapping below, e.g.:

  ${browsers[0] ?? 'chromium'} ${args.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')} \\
    "${urls[0]}"

Deal pages (the sidebar appears on each):
${urls.map((u) => `  ${u}`).join('\n')}

Not deal pages (no sidebar):
${listNonDealPages().map((p) => `  ${p.url}`).join('\n')}

${open ? '' : 'Run `npm start -- --open` to have this script start Chromium for you.\n'}Ctrl-C stops the demo server.`);

if (open) {
  if (!browsers[0]) console.error('No Chromium found (set CHROMIUM_PATH).');
  else spawn(browsers[0], [...args, ...urls], { stdio: 'ignore', detached: true }).unref();
}

const stop = async () => {
  await demo.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
