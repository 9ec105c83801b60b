import { describe, expect, it } from 'vitest';
import { currentVersion, upgrade, type StoredMigration } from '@/lib/stored/migrations';

const rename: StoredMigration = { to: 2, name: 'title → name', up: ({ title, ...rest }) => ({ ...rest, name: title }) };
const count: StoredMigration = { to: 3, name: 'count from 1', up: (d) => ({ ...d, count: Number(d.count) + 1 }) };

describe('stored migrations', () => {
  it('applies, in order, only the steps above the stored version', () => {
    expect(upgrade([rename, count], 1, { title: 'a', count: 0 })).toEqual({ name: 'a', count: 1 });
    expect(upgrade([rename, count], 2, { name: 'a', count: 0 })).toEqual({ name: 'a', count: 1 });
    expect(upgrade([rename, count], 3, { name: 'a', count: 0 })).toEqual({ name: 'a', count: 0 });
  });

  it('leaves a newer version, a bad version or a non-object as it is (the schema then refuses it)', () => {
    const doc = { name: 'a' };
    expect(upgrade([rename], 3, doc)).toBe(doc);
    expect(upgrade([rename], 0, doc)).toBe(doc);
    expect(upgrade([rename], Number.NaN, doc)).toBe(doc);
    expect(upgrade([rename], 1, 'text')).toBe('text');
    expect(upgrade([rename], 1, null)).toBe(null);
  });

  it('a registry must be numbered 2, 3, … in order', () => {
    expect(currentVersion([])).toBe(1);
    expect(currentVersion([rename, count])).toBe(3);
    expect(() => currentVersion([count, rename])).toThrow(/numbered 3, expected 2/);
  });
});
