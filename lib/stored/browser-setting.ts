// A setting kept in extension storage (storage.local) carries the version of
// its value's shape: `{schemaVersion, value}` under the setting's key. A bare
// value is version 1 — everything stored before settings carried a version.
// Reading brings an older value to the current shape through the setting's
// numbered migrations (lib/stored/browser-settings/) and says so, for the
// reader to write it back; a value from a newer Baton, or one that does not
// fit, reads as the setting's default and says so, never as a guess.
// Pure (zod/mini: the content script reads settings through this).
import * as z from 'zod/mini';
import { wholeNumber } from '../schema/whole-number';
import { currentVersion, type StoredMigration } from './migrations';

/** What storage holds under a versioned setting's key (version ≥ 2). */
export const storedSettingRecordSchema = z.strictObject({
  schemaVersion: wholeNumber().check(z.gte(1)),
  value: z.unknown(),
});
export type StoredSettingRecord = z.infer<typeof storedSettingRecordSchema>;

/** One step of a setting's shape: the value at version `to - 1` in, at `to` out. */
export type SettingMigration = StoredMigration<unknown>;

/** What a reader needs of a setting: its migrations, the schema of the current shape and its default. */
export interface SettingShape<T> {
  migrations: readonly SettingMigration[];
  /** zod or zod/mini */
  schema: z.core.$ZodType<T>;
  fallback: T;
}

/**
 * A read setting. `current`: stored at the current version. `migrated`: stored
 * at an older version (`from`) and brought up to date — write `value` back.
 * `absent`: nothing stored, the default. `unreadable`: the default in place of
 * a value from a newer Baton (`newer`) or one that does not fit (`unfit`);
 * left in storage untouched.
 */
export type SettingRead<T> =
  | { state: 'current' | 'absent'; value: T }
  | { state: 'migrated'; value: T; from: number }
  | { state: 'unreadable'; value: T; why: 'newer' | 'unfit'; version: number };

/** The record to store for `value`: the current version of its setting and the value. */
export function storedSetting(shape: Pick<SettingShape<unknown>, 'migrations'>, value: unknown): StoredSettingRecord {
  return { schemaVersion: currentVersion(shape.migrations), value };
}

/** `raw` (what storage holds under the key; undefined: nothing) read as the setting's current shape. */
export function readSetting<T>(shape: SettingShape<T>, raw: unknown): SettingRead<T> {
  if (raw === undefined) return { state: 'absent', value: shape.fallback };
  const record = storedSettingRecordSchema.safeParse(raw);
  const version = record.success ? record.data.schemaVersion : 1;
  const unreadable = (why: 'newer' | 'unfit'): SettingRead<T> => ({ state: 'unreadable', value: shape.fallback, why, version });
  if (version > currentVersion(shape.migrations)) return unreadable('newer');
  let value = record.success ? record.data.value : raw;
  try {
    for (const m of shape.migrations) if (m.to > version) value = m.up(value);
  } catch {
    return unreadable('unfit');
  }
  const parsed = z.safeParse(shape.schema, value);
  if (!parsed.success) return unreadable('unfit');
  return version < currentVersion(shape.migrations) ? { state: 'migrated', value: parsed.data, from: version } : { state: 'current', value: parsed.data };
}
