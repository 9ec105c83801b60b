// `npm start`: build the extension, serve the demo CRM (the fixture deal pages
// at their real addresses, over HTTPS, from this machine) and the sync server
// with a demo team, and say what to open. Options (README "Running it"):
//   --port N         demo CRM port (or PORT=N; default 8443)
//   --server-port N  sync server port (or BATON_SERVER_PORT=N; default 8787)
//   --data DIR       the embedded database's directory (or BATON_DATA_DIR; default .baton-data/db)
//   --open           also start Chromium with the extension (or BATON_OPEN=1)
// Setup problems (a port taken, a data directory that cannot be written, no
// display for --open) are said with what to do, before the long build.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../server/app';
import { openDatabase } from '../server/db/connect';
import { listenForBackups } from '../server/backup/backup-socket';
import { ensureDataDirFree } from '../server/setup/data-dir-free';
import { migrate } from '../server/db/migrate';
import { createDemoTeam } from '../server/demo-team';
import { startJobs } from '../server/jobs';
import { checkDataDir } from '../server/setup/data-dir';
import { openProblem } from '../server/setup/open-browser';
import { ensurePortFree, portMessage } from '../server/setup/port';
import { exitOnSetupError, SetupError } from '../server/setup/setup-error';
import { hostMappingArgs } from '../test/e2e/harness/browser';
import { listFixtures, listNonDealPages, startFixtureServer } from '../test/e2e/harness/fixture-server';
import { plainOutput } from './plain-output';
import { SERVE_OPTIONS } from '../server/http/serve-options';

const { values } = parseArgs({ options: { port: { type: 'string' }, 'server-port': { type: 'string' }, data: { type: 'string' }, open: { type: 'boolean' } } });
const portOf = (v: string | undefined, fallback: number, how: string) => {
  const n = Number(v ?? fallback);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) exitOnSetupError(new SetupError('port_invalid', `"${v}" is not a port number (1–65535); choose one with ${how}.`));
  return n;
};
const PORT_HOW = '`npm start -- --port N` (or PORT=N)';
const SERVER_PORT_HOW = '`npm start -- --server-port N` (or BATON_SERVER_PORT=N)';
const port = portOf(values.port ?? process.env.PORT, 8443, PORT_HOW);
const serverPort = portOf(values['server-port'] ?? process.env.BATON_SERVER_PORT, 8787, SERVER_PORT_HOW);
const dataDir = values.data ?? process.env.BATON_DATA_DIR ?? '.baton-data/db';
const open = values.open === true || process.env.BATON_OPEN === '1';
const browsers = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p && existsSync(p));
const cannotOpen = open ? openProblem({ platform: process.platform, env: process.env, uid: process.getuid?.() ?? null, browser: browsers[0] ?? null }) : null;

try {
  await ensurePortFree(port, '127.0.0.1', 'the demo CRM', PORT_HOW);
  await ensurePortFree(serverPort, '127.0.0.1', 'the sync server', SERVER_PORT_HOW);
  if (!process.env.DATABASE_URL) checkDataDir(dataDir, '`npm start -- --data DIR` (or BATON_DATA_DIR=DIR)');
} catch (e) {
  exitOnSetupError(e);
}
if (cannotOpen) console.error(`\nNot opening Chromium: ${cannotOpen}\n`);

console.log('Building the extension…');
await buildExtension();
const ext = resolve('.output/chrome-mv3');

const demo = await startFixtureServer({ port }).catch((e: NodeJS.ErrnoException) => exitOnSetupError(new SetupError('port', portMessage(port, e.code ?? 'UNKNOWN', 'the demo CRM', PORT_HOW))));

// The sync server on the embedded database (PGlite in the data directory),
// with a demo team whose tokens are kept beside it (demo.json) so a restart
// shows the same ones.
if (!process.env.DATABASE_URL) await ensureDataDirFree(dataDir).catch(exitOnSetupError);
const opening = openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
// Like `serve`: backups through the running server, and admin commands told to wait (server/backup/backup-socket.ts).
const backups = process.env.DATABASE_URL ? null : listenForBackups(opening, dataDir);
const database = await opening;
await migrate(database);
const demoFile = join(dirname(dataDir), 'demo.json');
const demoTeam = existsSync(demoFile) ? (JSON.parse(readFileSync(demoFile, 'utf8')) as Awaited<ReturnType<typeof createDemoTeam>>) : await createDemoTeam(database);
writeFileSync(demoFile, JSON.stringify(demoTeam, null, 2));
const api = serve({ fetch: createApp(database.db).fetch, port: serverPort, hostname: '127.0.0.1', ...SERVE_OPTIONS });
api.on('error', (e: NodeJS.ErrnoException) => exitOnSetupError(new SetupError('port', portMessage(serverPort, e.code ?? 'UNKNOWN', 'the sync server', SERVER_PORT_HOW))));
const stopJobs = startJobs(database.db);

const profile = mkdtempSync(join(tmpdir(), 'baton-demo-'));
const args = [`--user-data-dir=${profile}`, `--load-extension=${ext}`, ...hostMappingArgs(demo.port), '--no-first-run'];
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
${demoTeam.users.map((u) => `  ${u.role.padEnd(14)} ${u.name.padEnd(22)} ${u.token}`).join('\n')}

${open ? '' : 'Run `npm start -- --open` to have this script start Chromium for you.\n'}Ctrl-C stops the demo server and the sync server.`);

if (open && !cannotOpen) {
  const child = spawn(browsers[0]!, [...args, ...urls], { stdio: 'ignore', detached: true });
  child.on('error', (e) => console.error(`\nNot opening Chromium: ${browsers[0]} could not be started (${e.message}). Start it yourself with the command shown above.\n`));
  child.unref();
}

const stop = async () => {
  await stopJobs();
  api.close();
  backups?.close();
  await database.close();
  await demo.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

/** `wxt build`; its spinner and colours only on a terminal (in a log: plain lines). */
async function buildExtension(): Promise<void> {
  if (process.stdout.isTTY) {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
    return;
  }
  const child = spawn('npx', ['wxt', 'build'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
    const plain = plainOutput();
    from.setEncoding('utf8');
    from.on('data', (d: string) => to.write(plain(d)));
    from.on('end', () => to.write(plain(null)));
  }
  const code = await new Promise<number | null>((ok) => child.on('close', ok));
  if (code !== 0) {
    console.error(`The extension did not build (wxt build exited ${code}); its output is above.`);
    process.exit(1);
  }
}
