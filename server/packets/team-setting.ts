// A team's stored setting as the server reads it: brought to today's shape
// (lib/stored/setting-versions.ts), checked with its schema, and the default
// when the team has none or the stored one does not read.
import { migrateSetting, type StoredSetting } from '@/lib/stored/setting-versions';

type Schema<T> = { safeParse: (v: unknown) => { success: true; data: T } | { success: false } };

/** row: the stored document and the shape version it was written in (undefined: the team has none). */
export function storedSettingOr<T>(kind: StoredSetting, row: { doc: unknown; v: number } | undefined, schema: Schema<T>, fallback: T): T {
  const parsed = row ? schema.safeParse(migrateSetting(kind, row.v, row.doc)) : null;
  return parsed?.success ? parsed.data : fallback;
}
