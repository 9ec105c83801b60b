// A team's stored setting (checklist template, engagement and sign-in policy): read
// brought to today's shape (lib/stored/setting-versions.ts), checked with its
// schema, and the default when the team has none or the stored one does not
// read; saved by the roles it names, with an audit entry.
import { eq } from 'drizzle-orm';
import { migrateSetting, settingVersion, type StoredSetting } from '@/lib/stored/setting-versions';
import { audit, type Tx } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import type { TeamSettingTable } from '../db/schema';
import { writeTransaction } from '../db/write-transaction';
import { requireRole } from '../http/auth';

type Schema<T> = { safeParse: (v: unknown) => { success: true; data: T } | { success: false } };

/**
 * One of the team's settings: `kind` names its stored shape (read through its
 * migrations, checked with `schema`, `fallback` when the team has none or the
 * stored one does not read), kept in `table`; `change.roles` may change it,
 * `change.what` names the change in the 403 message ("change the …"),
 * `change.action` in the audit log, which holds `change.audited(setting)`
 * when given (a setting holding a secret keeps it out of the log).
 */
export function teamSetting<T>(kind: StoredSetting, table: TeamSettingTable, schema: Schema<T>, fallback: T, change: { roles: Caller['role'][]; what: string; action: string; audited?: (setting: T) => unknown }) {
  const v = settingVersion(kind);
  /** The team's setting in force (the default when it has none or the stored one does not read). */
  const read = async (db: Db | Tx, teamId: number): Promise<T> => {
    const [row] = await db.select({ doc: table.doc, v: table.schemaVersion }).from(table).where(eq(table.teamId, teamId));
    const parsed = row ? schema.safeParse(migrateSetting(kind, row.v, row.doc)) : null;
    return parsed?.success ? parsed.data : fallback;
  };
  /**
   * For `change.roles` (403 for others): in one write transaction, makes
   * the new setting from the one in force (`next` may refuse with an
   * ApiError), stores it and writes the audit entry with both. Returns it.
   */
  const save = (db: Db, caller: Caller, next: (before: T) => T): Promise<T> => {
    requireRole(caller, change.roles, change.what);
    return writeTransaction(db, async (tx) => {
      const before = await read(tx, caller.teamId);
      const after = next(before);
      await tx
        .insert(table)
        .values({ teamId: caller.teamId, doc: after, schemaVersion: v })
        .onConflictDoUpdate({ target: table.teamId, set: { doc: after, schemaVersion: v, updatedAt: new Date() } });
      const shown = change.audited ?? ((x: T) => x);
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: change.action, before: shown(before), after: shown(after) });
      return after;
    });
  };
  return { read, save };
}
