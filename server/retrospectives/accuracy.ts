// The manager's handoff accuracy for a period (lib/engagement/retrospective.ts
// computes it from the period's reviews), for managers and admins of the team.
import { and, eq, gte, lt } from 'drizzle-orm';
import { handoffAccuracy, type HandoffAccuracy } from '@/lib/engagement/retrospective';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { retrospectives, users } from '../db/schema';
import { requireRole } from '../http/auth';

/** 403 for reps and CSMs; the figures over the reviews submitted in [from, to). */
export async function readAccuracy(db: Db, caller: Caller, period: { from: Date; to: Date }): Promise<{ period: { from: string; to: string }; accuracy: HandoffAccuracy }> {
  requireRole(caller, ['manager', 'admin'], 'see handoff accuracy');
  const rows = await db
    .select({ repUserId: retrospectives.repUserId, repName: users.name, submittedAt: retrospectives.submittedAt, sections: retrospectives.sections, profileFit: retrospectives.profileFit })
    .from(retrospectives)
    .innerJoin(users, eq(users.id, retrospectives.repUserId))
    .where(and(eq(retrospectives.teamId, caller.teamId), gte(retrospectives.submittedAt, period.from), lt(retrospectives.submittedAt, period.to)));
  const p = { from: period.from.toISOString(), to: period.to.toISOString() };
  return { period: p, accuracy: handoffAccuracy(rows.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })), p) };
}
