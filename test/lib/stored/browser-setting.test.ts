// A setting kept in the browser carries its shape's version (issue 13, item
// 7): a bare value is version 1 and is migrated when read; a value from a
// newer Baton or a damaged one reads as the default, and the reader is told
// which, so the UI can say so instead of crashing or guessing.
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { readSetting, storedSetting, type SettingShape } from '@/lib/stored/browser-setting';

// A setting of two steps: 2 renames `w` to `width`, 3 doubles it (px → half px, say).
const shape: SettingShape<{ width: number }> = {
  migrations: [
    { to: 2, name: 'w → width', up: (v) => ({ width: (v as { w: number }).w }) },
    { to: 3, name: 'width doubled', up: (v) => ({ width: (v as { width: number }).width * 2 }) },
  ],
  schema: z.strictObject({ width: z.number() }),
  fallback: { width: 380 },
};

describe('a setting read from extension storage', () => {
  it('nothing stored: the default', () => {
    expect(readSetting(shape, undefined)).toEqual({ state: 'absent', value: { width: 380 } });
  });

  it('a bare value is version 1 and goes through every migration; the reader is told to write it back', () => {
    expect(readSetting(shape, { w: 200 })).toEqual({ state: 'migrated', value: { width: 400 }, from: 1 });
  });

  it('a stored version runs only the migrations above it', () => {
    expect(readSetting(shape, { schemaVersion: 2, value: { width: 200 } })).toEqual({ state: 'migrated', value: { width: 400 }, from: 2 });
    expect(readSetting(shape, { schemaVersion: 3, value: { width: 200 } })).toEqual({ state: 'current', value: { width: 200 } });
  });

  it('what is written carries the current version, and reads back as it was written', () => {
    const record = storedSetting(shape, { width: 512 });
    expect(record).toEqual({ schemaVersion: 3, value: { width: 512 } });
    expect(readSetting(shape, JSON.parse(JSON.stringify(record)))).toEqual({ state: 'current', value: { width: 512 } });
  });

  it('a version from a newer Baton reads as the default and says so', () => {
    expect(readSetting(shape, { schemaVersion: 4, value: { width: 200, unit: 'em' } })).toEqual({ state: 'unreadable', value: { width: 380 }, why: 'newer', version: 4 });
  });

  it('a value that does not fit, or that a migration cannot read, reads as the default and says so', () => {
    expect(readSetting(shape, { schemaVersion: 3, value: { width: 'wide' } })).toMatchObject({ state: 'unreadable', value: { width: 380 }, why: 'unfit' });
    expect(readSetting(shape, 'wide')).toMatchObject({ state: 'unreadable', why: 'unfit', version: 1 });
    const throwing: SettingShape<{ width: number }> = { ...shape, migrations: [{ to: 2, name: 'reads w', up: (v) => ({ width: (v as { w: { px: number } }).w.px }) }] };
    expect(readSetting(throwing, { x: 1 })).toMatchObject({ state: 'unreadable', why: 'unfit', value: { width: 380 } });
  });
});
