// The README's "Layout" section matches the tree: every folder it lists
// exists, every top-level source folder is listed, and so is every folder of
// lib/ and extension/ (where a newcomer looks for a rule or a runtime part).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

/** Top-level folder → the sub-folders its lines in the layout block name (`name/` tokens). */
export function layoutEntries(readme: string): Map<string, string[]> {
  const section = readme.split(/^## Layout\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  const block = section.match(/```\n([\s\S]*?)```/)?.[1] ?? '';
  const entries = new Map<string, string[]>();
  let current: string | null = null;
  for (const line of block.split('\n')) {
    const top = line.match(/^([\w.-]+)\/\s/);
    if (top) entries.set((current = top[1]!), []);
    const rest = top ? line.slice(top[0].length) : line;
    // `db/` but not `bench/results.json`: a folder token ends at its slash.
    if (current) for (const m of rest.matchAll(/(?<![\w./-])([\w.-]+)\/(?![\w.])/g)) entries.get(current)!.push(m[1]!);
  }
  return entries;
}

/** Whether a folder holds a file somewhere (git keeps no empty folder; a move can leave one behind locally). */
function holdsFiles(dir: string): boolean {
  return readdirSync(dir, { withFileTypes: true }).some((e) => e.isFile() || (e.isDirectory() && holdsFiles(join(dir, e.name))));
}

/** Folders at `dir` that git would track: no dot folders, nothing .gitignore names, not empty. */
function sourceFolders(dir: string): string[] {
  const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim().replace(/\/$/, ''))
    .filter(Boolean);
  return readdirSync(dir).filter((n) => !n.startsWith('.') && !ignored.includes(n) && n !== 'node_modules' && statSync(join(dir, n)).isDirectory() && holdsFiles(join(dir, n)));
}

const layout = layoutEntries(readFileSync(join(ROOT, 'README.md'), 'utf8'));

describe("README's layout section", () => {
  it('is there', () => {
    expect(layout.size).toBeGreaterThan(5);
  });

  it('lists only folders that exist', () => {
    const missing = [...layout].flatMap(([top, subs]) => [top, ...subs.map((s) => `${top}/${s}`)]).filter((p) => !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it('lists every top-level source folder', () => {
    expect(sourceFolders(ROOT).filter((f) => !layout.has(f))).toEqual([]);
  });

  it.each(['lib', 'extension'])('lists every folder of %s/', (top) => {
    expect(sourceFolders(join(ROOT, top)).filter((f) => !layout.get(top)?.includes(f))).toEqual([]);
  });

  it('says in one line what runs where', () => {
    const section = (readFileSync(join(ROOT, 'README.md'), 'utf8').split(/^## Layout\s*$/m)[1] ?? '').trim();
    const line = section.split('\n\n').find((p) => p.startsWith('Runs where:')) ?? '';
    for (const part of ['entrypoints/content/', 'extension/', 'components/', 'lib/', 'server/']) expect(line).toContain(part);
  });
});

describe('the layout parser', () => {
  const readme = '# X\n## Layout\n\n```\nlib/   pure: crm/ (adapters) sync/\n       i18n/\nbench/   → bench/results.json\n```\n## Next\n```\nnope/  x/\n```\n';
  it('reads top-level folders and their sub-folders, across continuation lines', () => {
    expect([...layoutEntries(readme)]).toEqual([
      ['lib', ['crm', 'sync', 'i18n']],
      ['bench', []],
    ]);
  });
});
