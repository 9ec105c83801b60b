// The content script, which every CRM page loads, is held to 30 KB gzip
// (issue 14). Classic zod alone is ~17 KB gzip of it: every schema the content
// script imports is written with zod/mini, and one classic import anywhere in
// its module graph brings the whole classic API back (it did once, through the
// message map). This walks that graph from the entrypoint, following value
// imports (type-only imports are erased), and names any module that imports
// classic zod, or a message map the content script does not send on.
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graph, ROOT, valueImports } from './module-graph';

const ENTRY = join(ROOT, 'entrypoints/content/index.ts');

describe('the content script module graph', () => {
  const modules = graph(ENTRY);
  const rel = (f: string) => relative(ROOT, f);

  it('reaches the modules it reads the page with (the walk follows imports)', () => {
    const names = [...modules.keys()].map(rel);
    expect(names).toEqual(expect.arrayContaining(['entrypoints/content/deal-watcher.ts', 'lib/crm/adapter-schema.ts', 'lib/crm/types.ts', 'extension/messaging/storage-keys.ts']));
  });

  it('imports zod only as zod/mini', () => {
    const classic = [...modules].filter(([, pkgs]) => pkgs.some((p) => p === 'zod' || p.startsWith('zod/v4') || p === 'zod/v3')).map(([f]) => rel(f));
    expect(classic).toEqual([]);
  });

  it('bundles the content script’s own messages, not the whole runtime map', () => {
    const names = [...modules.keys()].map(rel);
    expect(names).toContain('extension/messaging/content-messages.ts');
    expect(names).not.toContain('extension/messaging/messages.ts');
    expect(names).not.toContain('extension/messaging/db-messages.ts');
  });

  it('sees value imports and skips type-only ones', () => {
    const src = ["import { z } from 'zod';", "import type { A } from './a';", "import * as m from 'zod/mini';", "export { b } from './b';", "export type { C } from './c';", "import './side-effect';"].join('\n');
    expect(valueImports(src)).toEqual(['zod', 'zod/mini', './b', './side-effect']);
  });
});
