// Typed extension storage: every read parses the value with its key's schema
// (storage-keys.ts), and a value that is absent or does not fit reads as the
// key's fallback. A setting (storage.local) is stored with the version of its
// shape; one stored by an older build is migrated when read and written back,
// one from a newer build reads as the fallback and is left as it is
// (lib/stored/browser-setting.ts). Writes take the key's type.
import { browser } from 'wxt/browser';
import { safeParse } from 'zod/mini';
import { readSetting, storedSetting, type SettingRead } from '@/lib/stored/browser-setting';
import type { StoredItem } from './storage-keys';

const areaOf = (item: StoredItem<unknown>) => (item.area === 'local' ? browser.storage.local : browser.storage.session);

/** What storage holds under the key (undefined: nothing), read: a setting through its version, session state by its schema. */
export function readItem<T>(item: StoredItem<T>, raw: unknown): SettingRead<T> {
  if (item.migrations) return readSetting({ migrations: item.migrations, schema: item.schema, fallback: item.fallback }, raw);
  if (raw === undefined) return { state: 'absent', value: item.fallback };
  const parsed = safeParse(item.schema, raw);
  return parsed.success ? { state: 'current', value: parsed.data } : { state: 'unreadable', value: item.fallback, why: 'unfit', version: 1 };
}

/** The parsed value, or the fallback. */
export function parseStored<T>(item: StoredItem<T>, raw: unknown): T {
  return readItem(item, raw).value;
}

/** The key's value and how it was read; a setting stored by an older build is written back in the current shape. */
export async function readStoredSetting<T>(item: StoredItem<T>): Promise<SettingRead<T>> {
  const got = await areaOf(item).get(item.key);
  const read = readItem(item, got[item.key]);
  // Written back at most once per older value; a failed write is tried again at the next read.
  if (read.state === 'migrated') await writeStored(item, read.value).catch(() => undefined);
  return read;
}

export async function readStored<T>(item: StoredItem<T>): Promise<T> {
  return (await readStoredSetting(item)).value;
}

export async function writeStored<T>(item: StoredItem<T>, value: T): Promise<void> {
  await areaOf(item).set({ [item.key]: item.migrations ? storedSetting({ migrations: item.migrations }, value) : value });
}

export async function removeStored(...items: StoredItem<unknown>[]): Promise<void> {
  for (const area of ['local', 'session'] as const) {
    const keys = items.filter((i) => i.area === area).map((i) => i.key);
    if (keys.length) await removeKeys(area, keys);
  }
}

/** Removes keys by name (a family's unfit or stale entries). */
export async function removeKeys(area: StoredItem<unknown>['area'], keys: string[]): Promise<void> {
  if (keys.length) await (area === 'local' ? browser.storage.local : browser.storage.session).remove(keys);
}

/** Calls back with the new value (parsed, or the fallback when removed or unfit) whenever the key changes; returns the unsubscribe. */
export function watchStored<T>(item: StoredItem<T>, cb: (value: T) => void): () => void {
  const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === item.area && item.key in changes) cb(parseStored(item, changes[item.key]?.newValue));
  };
  browser.storage.onChanged.addListener(onChange);
  return () => browser.storage.onChanged.removeListener(onChange);
}

/** Every stored key of a family (`prefix` + id) whose value fits `item(id)`'s schema, as [id, value]; unfit ones are listed in `unfit` to be removed. */
export async function readFamily<T>(area: StoredItem<T>['area'], prefix: string, item: (id: string) => StoredItem<T>): Promise<{ entries: [string, NonNullable<T>][]; unfit: string[] }> {
  const all = await (area === 'local' ? browser.storage.local : browser.storage.session).get(null);
  const entries: [string, NonNullable<T>][] = [];
  const unfit: string[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(prefix)) continue;
    const parsed = safeParse(item(key.slice(prefix.length)).schema, raw);
    if (parsed.success && parsed.data !== null && parsed.data !== undefined) entries.push([key.slice(prefix.length), parsed.data]);
    else unfit.push(key);
  }
  return { entries, unfit };
}
