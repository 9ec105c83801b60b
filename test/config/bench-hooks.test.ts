// Benchmark hooks leave the production bundle (issue 13, item 8): `wxt build`
// ships no bench page, probe or branch; `wxt build --mode bench` has them all,
// so `npm run bench` still finds what it reads. Both are built here, into a
// temporary folder, by WXT as `wxt build` runs it (wxt.config.ts included).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const out = mkdtempSync(join(tmpdir(), 'baton-bench-hooks-'));

/** Builds the Chrome extension in `mode` into `dir`, in a clean child process (not under vitest's NODE_ENV). */
async function build(mode: 'production' | 'bench', dir: string): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  const script = 'const { build } = await import("wxt"); await build({ mode: process.argv[1], outDir: process.argv[2] });';
  await run(process.execPath, ['--input-type=module', '-e', script, mode, dir], { cwd: process.cwd(), env, maxBuffer: 64 * 2 ** 20 });
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Files of a build whose text contains `marker`, relative to the build. */
function holding(dir: string, marker: string): string[] {
  return files(dir)
    .filter((f) => /\.(js|html|json)$/.test(f) && readFileSync(f, 'utf8').includes(marker))
    .map((f) => relative(dir, f));
}

type Manifest = { web_accessible_resources?: { resources: string[] }[] };
const accessible = (dir: string) => (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest).web_accessible_resources?.flatMap((w) => w.resources) ?? [];

const prod = join(out, 'chrome-mv3');
const bench = join(out, 'chrome-mv3-bench');

beforeAll(async () => {
  await build('production', out);
  await build('bench', out);
}, 600_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('wxt build (production)', () => {
  it('built the extension', () => {
    expect(existsSync(join(prod, 'background.js'))).toBe(true);
    expect(existsSync(join(prod, 'sidebar.html'))).toBe(true);
  });
  it('has no bench reference page, in the files or the manifest', () => {
    expect(existsSync(join(prod, 'bench-frame.html'))).toBe(false);
    expect(accessible(prod)).not.toContain('bench-frame.html');
  });
  it('has no bench probe or branch in any script', () => {
    // the sync probe's global, the sidebar probe's field, the reference frame's hash and page
    for (const marker of ['__batonSync', 'interactiveAt', 'baton-bench', 'bench-frame']) expect(holding(prod, marker), marker).toEqual([]);
  });
});

describe('wxt build --mode bench', () => {
  it('has the reference page, web-accessible on the CRM pages', () => {
    expect(existsSync(join(bench, 'bench-frame.html'))).toBe(true);
    expect(accessible(bench)).toContain('bench-frame.html');
  });
  it('has the probes the benchmarks read', () => {
    expect(holding(bench, '__batonSync')).toContain('background.js');
    expect(holding(bench, 'interactiveAt').length).toBeGreaterThan(0);
    expect(holding(bench, 'baton-bench=empty-frame')).toContain(join('content-scripts', 'content.js'));
  });
});
