// `npm start`: build the extension, serve the demo CRM (the fixture deal pages
// at their real addresses, over HTTPS, from this machine) and say what to open.
// `npm start -- --open` also starts Chromium with the extension loaded.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from '../server/app';
import { createDemoTeam } from '../server/demo-team';
import { openDatabase } from '../server/db/connect';
import { migrate } from '../server/db/migrate';
import { startJobs } from '../server/jobs';
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

// The sync server on the embedded database (PGlite in .baton-data/db), with a
// demo team whose tokens are kept in .baton-data/demo.json so a restart shows
// the same ones.
const serverPort = Number(process.env.BATON_SERVER_PORT ?? 8787);
mkdirSync('.baton-data', { recursive: true });
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.BATON_DATA_DIR ?? '.baton-data/db' });
await migrate(database);
const demoFile = '.baton-data/demo.json';
const demoTeam = existsSync(demoFile)
  ? (JSON.parse(readFileSync(demoFile, 'utf8')) as Awaited<ReturnType<typeof createDemoTeam>>)
  : await createDemoTeam(database);
writeFileSync(demoFile, JSON.stringify(demoTeam, null, 2));
const api = serve({ fetch: createApp(database.db).fetch, port: serverPort, hostname: '127.0.0.1' });
const stopJobs = startJobs(database.db);

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

Sync server: http://127.0.0.1:${serverPort} (${database.kind}). Sign in on the extension's options page
with this address and one of the demo tokens (one user of each role):
${demoTeam.users.map((u) => `  ${u.role.padEnd(8)} ${u.name.padEnd(22)} ${u.token}`).join('\n')}

${open ? '' : 'Run `npm start -- --open` to have this script start Chromium for you.\n'}Ctrl-C stops the demo server and the sync server.`);

if (open) {
  if (!browsers[0]) console.error('No Chromium found (set CHROMIUM_PATH).');
  else spawn(browsers[0], [...args, ...urls], { stdio: 'ignore', detached: true }).unref();
}

const stop = async () => {
  stopJobs();
  api.close();
  await database.close();
  await demo.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
