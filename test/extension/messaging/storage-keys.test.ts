// Every setting Baton keeps in storage.local carries its shape's version
// (issue 13, item 7), and an example of each version it can read is kept in
// test/fixtures/stored/browser-<setting>.v<N>.json: each reads, through the
// setting's numbered migrations and the key's own schema, as the current
// shape — the older examples as exactly what the newest example holds.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as keys from '@/extension/messaging/storage-keys';
import type { StoredItem } from '@/extension/messaging/storage-keys';
import { parseAdapterDefinition } from '@/lib/crm/adapter-schema';
import { readSetting } from '@/lib/stored/browser-setting';
import { BROWSER_SETTING_MIGRATIONS, type BrowserSetting } from '@/lib/stored/browser-settings';
import { currentVersion } from '@/lib/stored/migrations';

const isItem = (v: unknown): v is StoredItem<unknown> => typeof v === 'object' && v !== null && 'area' in v && 'key' in v && 'schema' in v;
const localItems: StoredItem<unknown>[] = Object.values(keys as Record<string, unknown>).filter(isItem).filter((i) => i.area === 'local');
const nameOf = (item: StoredItem<unknown>) => (Object.keys(BROWSER_SETTING_MIGRATIONS) as BrowserSetting[]).find((n) => BROWSER_SETTING_MIGRATIONS[n] === item.migrations);
const fixture = (name: string, v: number) => join(import.meta.dirname, '../../fixtures/stored', `browser-${name}.v${v}.json`);
const read = (name: string, v: number): unknown => JSON.parse(readFileSync(fixture(name, v), 'utf8'));
const shapeOf = <T>(item: StoredItem<T>) => ({ migrations: item.migrations ?? [], schema: item.schema, fallback: item.fallback });

describe('settings in storage.local', () => {
  it('every key is a versioned setting of the registry, each setting used once', () => {
    expect(localItems.length).toBeGreaterThanOrEqual(6);
    const names = localItems.map(nameOf);
    expect(names).not.toContain(undefined);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(Object.keys(BROWSER_SETTING_MIGRATIONS).sort());
  });

  describe.each(localItems.map((i) => [nameOf(i)!, i] as const))('%s', (name, item) => {
    const version = currentVersion(item.migrations ?? []);

    it('keeps an example of every version it can read; each reads as the newest example holds it', () => {
      for (let v = 1; v <= version; v++) expect(existsSync(fixture(name, v)), fixture(name, v)).toBe(true);
      const newest = readSetting(shapeOf(item), read(name, version));
      expect(newest.state).toBe('current');
      for (let v = 1; v < version; v++) expect(readSetting(shapeOf(item), read(name, v))).toEqual({ state: 'migrated', value: newest.value, from: v });
    });

    it('a value from a newer Baton reads as the default, and so does a damaged one', () => {
      const newest = read(name, version) as { value: unknown };
      expect(readSetting(shapeOf(item), { schemaVersion: version + 1, value: newest.value })).toEqual({ state: 'unreadable', value: item.fallback, why: 'newer', version: version + 1 });
      expect(readSetting(shapeOf(item), { schemaVersion: version, value: Symbol('not JSON') }).value).toEqual(item.fallback);
    });
  });

  it('sidebar layout, version 1 (before push/overlay per CRM): the same width and collapsed state, no CRM chosen', () => {
    expect(readSetting(shapeOf(keys.SIDEBAR_LAYOUT), read('sidebarLayout', 1)).value).toEqual({ collapsed: true, width: 460, modes: {} });
  });

  it('custom adapters, version 1 (one deal URL form in `url`): the same definition with `urls`, valid for the adapter schema', () => {
    const [def] = readSetting(shapeOf(keys.CUSTOM_ADAPTERS), read('customAdapters', 1)).value as unknown[];
    expect(def).not.toHaveProperty('url');
    expect(def).toMatchObject({ id: 'custom:suitecrm', urls: [{ recordIdParam: 'record', query: { module: 'Opportunities' } }] });
    const parsed = parseAdapterDefinition(def);
    expect(parsed.ok).toBe(true);
  });
});
