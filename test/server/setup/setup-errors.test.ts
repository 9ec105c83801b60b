// Setup problems through the real commands: `npm run server` (server/cli.ts)
// and `npm start` (scripts/start.ts) are spawned with a data directory they
// cannot use, a port already taken, --open without a display or as root, and
// output to a pipe. Each says what to do — no stack trace, no ErrnoError, no
// spinner escape codes. (These messages are the terminal's; none reaches the
// extension's UI.)
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../free-port';

const tmp = mkdtempSync(join(tmpdir(), 'baton-setup-'));
const children: ChildProcess[] = [];
const servers: Server[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const s of servers) s.close();
  rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}
function run(script: string, args: string[], env: Record<string, string | undefined> = {}, as?: { uid: number; gid: number }): Run {
  const e: Record<string, string> = {};
  // as a person runs it: without the test runner's variables (wxt's logger is silent under VITEST)
  for (const [k, v] of Object.entries({ ...process.env, DATABASE_URL: undefined, ...env })) if (v !== undefined && !/^(VITEST|TEST$|NODE_ENV$)/.test(k)) e[k] = v;
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: e, stdio: ['ignore', 'pipe', 'pipe'], ...(as ?? {}) });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return { child, out: () => out, err: () => err, exited: new Promise((ok) => child.on('exit', ok)) };
}
const until = async (cond: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
};
/** No stack trace, no raw library error. */
const plain = (s: string) => expect(s).not.toMatch(/\n\s+at |ErrnoError|EADDRINUSE|node:internal/);
const taken = async () => {
  const port = await freePort();
  const s = createServer();
  await new Promise<void>((ok) => s.listen(port, '127.0.0.1', ok));
  servers.push(s);
  return port;
};

describe('npm run server: setup problems', () => {
  it('a data directory that is a file', async () => {
    const file = join(tmp, 'not-a-dir');
    writeFileSync(file, 'x');
    const r = run('server/cli.ts', ['serve', '--port', String(await freePort()), '--data', file]);
    expect(await r.exited).toBe(1);
    expect(r.err()).toContain(`Baton cannot start: the data directory ${file} cannot be used: it is not a directory (a file is in the way). Remove or rename the file, or choose another directory with \`npm run server -- <command> --data DIR\` (or BATON_DATA_DIR=DIR).`);
    plain(r.err());
  });

  it('a DATABASE_URL asking for a standby (the server writes)', async () => {
    const r = run('server/cli.ts', ['serve', '--port', String(await freePort())], { DATABASE_URL: 'postgres://baton@10.0.0.1:5432,10.0.0.2:5432/baton?target_session_attrs=prefer-standby' });
    expect(await r.exited).toBe(1);
    expect(r.err()).toContain('Baton cannot start: DATABASE_URL: target_session_attrs=prefer-standby is not supported; use one of any, read-write, primary (the server writes)');
    plain(r.err());
  });

  it('a data directory this user may not write', async () => {
    const dir = join(tmp, 'locked');
    mkdirSync(dir);
    // root may write anywhere: run as nobody then; otherwise take the write bit away
    const root = process.getuid?.() === 0;
    chmodSync(dir, root ? 0o755 : 0o555);
    const r = run('server/cli.ts', ['serve', '--port', String(await freePort()), '--data', join(dir, 'db')], { HOME: tmp }, root ? { uid: 65534, gid: 65534 } : undefined);
    expect(await r.exited).toBe(1);
    expect(r.err()).toContain(`the data directory ${join(dir, 'db')} cannot be used: permission denied: this user may not write there. Give this user write access to it (chown or chmod), or choose another directory with`);
    plain(r.err());
  });

  it('a port in use', async () => {
    const port = await taken();
    const r = run('server/cli.ts', ['serve', '--port', String(port), '--data', join(tmp, 'db-port')]);
    expect(await r.exited).toBe(1);
    expect(r.err()).toContain(`Baton cannot start: port ${port} (the sync server) is already in use: another Baton may be running (a second \`npm start\`?), or another program has it. Stop that one, or choose another port with \`npm run server -- serve --port N\` (or PORT=N).`);
    plain(r.err());
  });
});

describe('npm start: setup problems', () => {
  it('the demo CRM port or the sync server port taken: said at once, before the build', async () => {
    const crm = await taken();
    const a = run('scripts/start.ts', ['--port', String(crm), '--server-port', String(await freePort()), '--data', join(tmp, 'start-a/db')]);
    expect(await a.exited).toBe(1);
    expect(a.err()).toContain(`port ${crm} (the demo CRM) is already in use: another Baton may be running`);
    expect(a.err()).toContain('choose another port with `npm start -- --port N` (or PORT=N)');
    expect(a.out()).not.toContain('Building');
    const api = await taken();
    const b = run('scripts/start.ts', [], { PORT: String(await freePort()), BATON_SERVER_PORT: String(api), BATON_DATA_DIR: join(tmp, 'start-b/db') });
    expect(await b.exited).toBe(1);
    expect(b.err()).toContain(`port ${api} (the sync server) is already in use`);
    expect(b.err()).toContain('`npm start -- --server-port N` (or BATON_SERVER_PORT=N)');
    plain(a.err() + b.err());
  });

  it('--open as root: says why and what to do instead, and the demo goes on', async () => {
    if (process.getuid?.() !== 0 || !existsSync('/usr/bin/chromium')) return; // the check is about root with a browser present
    const r = run('scripts/start.ts', ['--open', '--port', String(await freePort()), '--server-port', String(await freePort()), '--data', join(tmp, 'start-root/db')], { DISPLAY: ':99', CHROMIUM_PATH: '/usr/bin/chromium' });
    await until(() => r.err().includes('Not opening Chromium'), 60_000);
    expect(r.err()).toContain('Not opening Chromium: --open does not start Chromium as root: Chromium refuses to run as root with its sandbox on. Run npm start as a normal user, or start the browser yourself with the command shown below');
    r.child.kill('SIGTERM');
  }, 90_000);

  it('--open without a display, output to a pipe: what to do instead, then the whole demo without escape codes', async () => {
    const dataDir = join(tmp, 'start-pipe/db');
    const r = run('scripts/start.ts', ['--open', '--port', String(await freePort()), '--server-port', String(await freePort()), '--data', dataDir], { DISPLAY: undefined, WAYLAND_DISPLAY: undefined, CHROMIUM_PATH: process.execPath });
    await until(() => r.err().includes('Not opening Chromium'), 60_000);
    expect(r.err()).toContain('--open needs a display and there is none (DISPLAY is not set: an SSH session or a server?). Open the pages listed below in a browser on your desktop');
    await until(() => r.out().includes('Ctrl-C stops'), 280_000);
    expect(r.out() + r.err()).toContain('Built extension in');
    expect(r.out() + r.err()).not.toContain('Preparing...'); // the spinner's frames are gone, not left as lines
    for (const c of ['\x1B', '\r']) expect(r.out() + r.err()).not.toContain(c); // no spinner frames, colours or cursor codes
    expect(r.out()).toContain(`Sync server: http://127.0.0.1:`);
    expect(existsSync(resolve(dataDir, '..', 'demo.json'))).toBe(true); // the demo tokens kept beside the data directory
    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
  }, 300_000);
});
