// The receivers' side of a reassignment: the claims and packets handed to me
// that I have not acknowledged yet (the popup shows them under "needs me"
// through the background's sync, GET /v1/me/handoffs), and acknowledging one.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { HandoffNotice } from '@/lib/reassign/handoff-notice';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { handoffNotes, reassignments, users } from '../db/schema';
import { writeStatement } from '../db/write-transaction';
import { notFound } from '../http/errors';

const MAX = 200;

/** My open handoffs, oldest first (at most 200). */
export async function myHandoffs(db: Db, caller: Caller): Promise<HandoffNotice[]> {
  const from = alias(users, 'from_user');
  const by = alias(users, 'by_user');
  const rows = await db
    .select({ n: handoffNotes, reason: reassignments.reason, at: reassignments.createdAt, from: from.name, by: by.name })
    .from(handoffNotes)
    .innerJoin(reassignments, eq(reassignments.id, handoffNotes.reassignmentId))
    .innerJoin(from, eq(from.id, reassignments.fromUserId))
    .innerJoin(by, eq(by.id, reassignments.byUserId))
    .where(and(eq(handoffNotes.teamId, caller.teamId), eq(handoffNotes.toUserId, caller.userId), isNull(handoffNotes.acknowledgedAt)))
    .orderBy(asc(handoffNotes.id))
    .limit(MAX);
  return rows.map(({ n, reason, at, from: f, by: b }) => ({
    id: n.id,
    kind: n.claimId !== null ? 'claim' : 'packet',
    claimId: n.claimId,
    packetKey: n.packetKey,
    label: n.label,
    dealUrl: n.dealUrl,
    from: f,
    by: b,
    reason,
    note: n.note,
    at: at.toISOString(),
  }));
}

/** I acknowledge a handoff of mine (again: no change). Errors: 404 for anyone else's or none. */
export async function acknowledgeHandoff(db: Db, caller: Caller, id: number): Promise<void> {
  const mine = and(eq(handoffNotes.id, id), eq(handoffNotes.teamId, caller.teamId), eq(handoffNotes.toUserId, caller.userId));
  const rows = await writeStatement(() => db.update(handoffNotes).set({ acknowledgedAt: new Date() }).where(and(mine, isNull(handoffNotes.acknowledgedAt))).returning({ id: handoffNotes.id }));
  if (rows.length) return;
  const [seen] = await db.select({ id: handoffNotes.id }).from(handoffNotes).where(mine);
  if (!seen) throw notFound('No such handoff.');
}
