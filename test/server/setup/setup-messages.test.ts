// Setup problems said as what to do: each errno of a data directory, a port in
// use, --open without a display or as root, an old Node, and terminal progress
// turned into plain lines for a log.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainOutput } from '../../../scripts/plain-output';
import { dataDirMessage } from '@/server/setup/data-dir';
import { openProblem } from '@/server/setup/open-browser';
import { portMessage } from '@/server/setup/port';

const { nodeVersionProblem } = createRequire(import.meta.url)('../../../scripts/check-node.cjs') as { nodeVersionProblem: (v: string, want: string) => string | null };
const HOW = '--data DIR or BATON_DATA_DIR=DIR';

describe('a data directory that cannot be written', () => {
  it.each([
    ['EACCES', 'permission denied: this user may not write there. Give this user write access to it (chown or chmod), or choose another directory with --data DIR or BATON_DATA_DIR=DIR.'],
    ['EROFS', 'it is on a read-only file system. Use a directory on a writable disk: choose another directory with --data DIR or BATON_DATA_DIR=DIR.'],
    ['ENOTDIR', 'it is not a directory (a file is in the way). Remove or rename the file, or choose another directory with --data DIR or BATON_DATA_DIR=DIR.'],
    ['ENOSPC', 'the disk is full. Free some space, or choose another directory with --data DIR or BATON_DATA_DIR=DIR.'],
  ])('%s: names the directory, says why and what to do', (code, tail) => {
    expect(dataDirMessage('data/db', code, HOW)).toBe(`the data directory ${resolve('data/db')} cannot be used: ${tail}`);
  });
});

describe('other setup problems', () => {
  it('a port in use says another Baton may be running and how to choose a port', () => {
    expect(portMessage(8787, 'EADDRINUSE', 'the sync server', '--port N or PORT=N')).toBe(
      'port 8787 (the sync server) is already in use: another Baton may be running (a second `npm start`?), or another program has it. Stop that one, or choose another port with --port N or PORT=N.',
    );
  });

  it('--open: no browser, no display, root — each with what to do instead', () => {
    const base = { platform: 'linux' as const, env: { DISPLAY: ':0' }, uid: 1000, browser: '/usr/bin/chromium' };
    expect(openProblem(base)).toBeNull();
    expect(openProblem({ ...base, browser: null })).toMatch(/found no Chromium.*CHROMIUM_PATH/);
    expect(openProblem({ ...base, env: {} })).toMatch(/needs a display.*xvfb-run npm start -- --open/);
    expect(openProblem({ ...base, env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBeNull();
    expect(openProblem({ ...base, uid: 0 })).toMatch(/as root.*Run npm start as a normal user/);
    expect(openProblem({ ...base, platform: 'darwin', env: {}, uid: 0 })).toBeNull();
  });

  it('an unsupported Node version, against package.json engines', () => {
    expect(nodeVersionProblem('v18.17.1', '>=20.6.0')).toBe(
      'Baton needs Node.js >=20.6.0 (package.json "engines"); this is Node.js v18.17.1. Install a current Node.js LTS (https://nodejs.org, or nvm install --lts) and run the command again.',
    );
    expect(nodeVersionProblem('v20.5.9', '>=20.6.0')).toMatch(/needs Node.js >=20.6.0/);
    expect(nodeVersionProblem('v20.6.0', '>=20.6.0')).toBeNull();
    expect(nodeVersionProblem('v22.1.0', '>=20.6.0')).toBeNull();
  });

  it('engines as alternatives: the maintained LTS lines, and Node 20.6+ that still runs it', () => {
    const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;
    for (const v of ['v20.6.0', 'v20.20.2', 'v22.0.0', 'v22.23.3', 'v24.21.0']) expect(nodeVersionProblem(v, engines), v).toBeNull();
    for (const v of ['v18.20.0', 'v20.5.1', 'v21.7.0', 'v23.1.0', 'v25.0.0']) expect(nodeVersionProblem(v, engines), v).toMatch(/^Baton needs Node.js \^20.6.0 \|\| \^22.0.0 \|\| \^24.0.0/);
  });
});

describe('progress without a terminal', () => {
  it('spinner frames and colours become the lines a terminal would have kept', () => {
    const plain = plainOutput();
    const wxt = '\x1B[1mWXT\x1B[22m 0.21.4\n\x1B[?25l\r⠋ Preparing...\x1B[K\r⠙ [1/4] background\x1B[K\r\x1B[36m⠹\x1B[39m [2/4] con';
    const rest = 'tent\x1B[K\r\x1B[K\x1B[?25h\r\x1B[K\x1B[?25h✔ Built extension in 3.994 s\n  └─ manifest.json 2.51 kB\n\n';
    const out = plain(wxt) + plain(rest) + plain(null);
    expect(out).toBe('WXT 0.21.4\n✔ Built extension in 3.994 s\n  └─ manifest.json 2.51 kB\n\n');
    for (const c of ['\x1B', '\r']) expect(out).not.toContain(c);
  });
});
