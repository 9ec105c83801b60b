// The append-only audit log: every transition and every edit, who and when,
// before and after (and the value that lost a concurrent edit).
import type { Db } from './db/connect';
import { auditLog } from './db/schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export async function audit(
  tx: Tx | Db,
  e: { teamId: number; userId: number | null; action: string; packetKey?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.insert(auditLog).values({
    teamId: e.teamId,
    userId: e.userId,
    action: e.action,
    packetKey: e.packetKey ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
  });
}

export type { Tx };
