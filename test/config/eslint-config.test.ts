// The lint rules that keep lib/ pure (issue 13) fail on a deliberate
// violation, and pass the same import from the extension's runtime code.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lib/ stays pure (eslint.config.js)', () => {
  const violations: [string, string][] = [
    ['the browser API', "import { browser } from 'wxt/browser';\nexport const x = browser;\n"],
    ['WXT auto-imports', "import { defineBackground } from '#imports';\nexport const x = defineBackground;\n"],
    ['Dexie', "import Dexie from 'dexie';\nexport const x = Dexie;\n"],
    ['a component', "import { SidebarApp } from '@/components/sidebar/SidebarApp';\nexport const x = SidebarApp;\n"],
    ['extension runtime code', "import { db } from '@/extension/db/database';\nexport const x = db;\n"],
    ['extension runtime code by a relative path', "import { db } from '../../extension/db/database';\nexport const x = db;\n"],
    ['the global chrome object', 'export const x = chrome.runtime.id;\n'],
    ['the global browser object', 'export const x = browser.runtime.id;\n'],
  ];
  it.each(violations)('refuses %s in lib/', async (_what, code) => {
    const ids = await ruleIds('lib/claims/deliberate-violation.ts', code);
    expect(ids.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-globals')).toBe(true);
  });
  it('refuses the same in server/', async () => {
    expect(await ruleIds('server/deliberate-violation.ts', violations[4]![1])).toContain('no-restricted-imports');
  });
  it('allows it in the extension’s runtime code', async () => {
    const ids = await ruleIds('extension/sync/deliberate-ok.ts', "import { db } from '@/extension/db/database';\nexport const x = db;\n");
    expect(ids).not.toContain('no-restricted-imports');
  });
  it('allows pure imports in lib/', async () => {
    expect(await ruleIds('lib/claims/deliberate-ok.ts', "import { z } from 'zod';\nexport const x = z.string();\n")).toEqual([]);
  });
});

describe('the content script never opens IndexedDB', () => {
  it('refuses Dexie and the extension database in entrypoints/content', async () => {
    expect(await ruleIds('entrypoints/content/deliberate-violation.ts', "import { db } from '@/extension/db/database';\nexport const x = db;\n")).toContain('no-restricted-imports');
  });
});
