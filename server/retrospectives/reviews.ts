// The retrospective of a handoff (lib/engagement/retrospective.ts): which
// reviews are due for the caller, submitting one, and the reviews of the
// caller's own handoffs. Due-ness comes from timestamps alone (no job): the
// packet's latest acceptance in the audit log (who accepted it, and when)
// plus the team's `retrospectiveDays`. On a relay with an implementation
// stage, only the last stage's acceptance (CS's) starts the clock. Every query is scoped to the caller's team.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DueReview, Review } from '@/lib/engagement/retrospective-answers';
import { isReviewDue, reviewDueAt, type RetrospectiveBody } from '@/lib/engagement/retrospective';
import { audit, type Tx } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { packets, retrospectives, users } from '../db/schema';
import { isUniqueViolation } from '../db/unique-violation';
import { writeTransaction } from '../db/write-transaction';
import { requireRole } from '../http/auth';
import { ApiError, notFound } from '../http/errors';
import { engagementPolicyFor } from '../packets/team-engagement';

/** Who may review a handoff at all: those who may accept a packet. */
export const REVIEWER_ROLES: Caller['role'][] = ['csm', 'manager', 'admin'];

/** Each packet's latest acceptance in the team: the packet key, who accepted it, when. */
const latestAcceptances = (teamId: number) => sql`
  SELECT DISTINCT ON (a.packet_key) a.packet_key AS key, a.user_id, a.at
  FROM audit_log a
  WHERE a.team_id = ${teamId} AND a.action = 'packet.accept' AND a.packet_key IS NOT NULL
  ORDER BY a.packet_key, a.id DESC`;

/** The packet is at the last stage of its relay (no relay record: sales → CS, so yes): its acceptance is the CSM's, not an earlier stage's. */
const atLastStage = (data: SQL) => sql`(${data}->'relay' IS NULL OR ${data}->'relay'->>'stage' = ${data}->'relay'->'route'->>(-1))`;

type Rows<T> = { rows: T[] };
const iso = (v: Date | string) => new Date(v).toISOString();

/** The deal's name and account as the packet shows them (the rep's override first). */
const dealName = sql<string>`COALESCE(NULLIF(${packets.data}->'dealOverrides'->>'dealName', ''), ${packets.data}->'deal'->>'dealName', '')`;
const accountName = sql<string>`COALESCE(NULLIF(${packets.data}->'dealOverrides'->>'accountName', ''), ${packets.data}->'deal'->>'accountName', '')`;

/** The caller's reviews due now: accepted packets whose latest acceptance is theirs (or whose customer a reassignment handed them: packets.csm_user_id), `retrospectiveDays` old or more, not yet reviewed; oldest first, at most 200. */
export async function dueReviews(db: Db, caller: Caller, now = new Date()): Promise<DueReview[]> {
  if (!REVIEWER_ROLES.includes(caller.role)) return [];
  const { retrospectiveDays: days } = await engagementPolicyFor(db, caller.teamId);
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const res = (await db.execute(sql`
    WITH acc AS (${latestAcceptances(caller.teamId)})
    SELECT acc.key, acc.at,
      COALESCE(NULLIF(p.data->'dealOverrides'->>'dealName', ''), p.data->'deal'->>'dealName', '') AS deal,
      COALESCE(NULLIF(p.data->'dealOverrides'->>'accountName', ''), p.data->'deal'->>'accountName', '') AS account,
      COALESCE(p.data->>'dealUrl', '') AS deal_url, u.name AS rep
    FROM acc
    JOIN packets p ON p.team_id = ${caller.teamId} AND p.key = acc.key AND p.status = 'accepted' AND ${atLastStage(sql`p.data`)}
    JOIN users u ON u.id = p.owner_user_id
    WHERE COALESCE(p.csm_user_id, acc.user_id) = ${caller.userId} AND acc.at <= ${cutoff.toISOString()}
      AND NOT EXISTS (SELECT 1 FROM retrospectives r WHERE r.team_id = ${caller.teamId} AND r.packet_key = acc.key)
    ORDER BY acc.at, acc.key
    LIMIT 200`)) as unknown as Rows<{ key: string; at: Date | string; deal: string; account: string; deal_url: string; rep: string }>;
  return res.rows.map((r) => ({ key: r.key, deal: r.deal, account: r.account, dealUrl: r.deal_url, rep: r.rep, acceptedAt: iso(r.at), dueAt: reviewDueAt(iso(r.at), days) }));
}

const rep = alias(users, 'rep');
const csm = alias(users, 'csm');

/** Reviews with their packet's deal and the two people's names, newest first. */
async function reviewsWhere(db: Db | Tx, where: SQL | undefined, limit: number): Promise<Review[]> {
  const rows = await db
    .select({
      key: retrospectives.packetKey,
      deal: sql<string>`COALESCE(${dealName}, '')`,
      account: sql<string>`COALESCE(${accountName}, '')`,
      dealUrl: sql<string>`COALESCE(${packets.data}->>'dealUrl', '')`,
      rep: rep.name,
      csm: csm.name,
      submittedAt: retrospectives.submittedAt,
      sections: retrospectives.sections,
      profileFit: retrospectives.profileFit,
      profileNote: retrospectives.profileNote,
    })
    .from(retrospectives)
    .innerJoin(rep, eq(rep.id, retrospectives.repUserId))
    .innerJoin(csm, eq(csm.id, retrospectives.csmUserId))
    .leftJoin(packets, and(eq(packets.teamId, retrospectives.teamId), eq(packets.key, retrospectives.packetKey)))
    .where(where)
    .orderBy(desc(retrospectives.submittedAt), desc(retrospectives.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, submittedAt: iso(r.submittedAt) }));
}

/** Reviews of the handoffs the caller made (they owned the packet when it was reviewed), newest first, at most 100. */
export const receivedReviews = (db: Db, caller: Caller): Promise<Review[]> =>
  reviewsWhere(db, and(eq(retrospectives.teamId, caller.teamId), eq(retrospectives.repUserId, caller.userId)), 100);

/** The reviews of a period [from, to), every rep's, for the accuracy figures and the sync agenda (managers' reads). */
export const reviewsIn = (db: Db, teamId: number, period: { from: Date; to: Date }, limit = 5000): Promise<Review[]> =>
  reviewsWhere(
    db,
    and(eq(retrospectives.teamId, teamId), sql`${retrospectives.submittedAt} >= ${period.from.toISOString()}`, sql`${retrospectives.submittedAt} < ${period.to.toISOString()}`),
    limit,
  );

/** Checks that the caller may review packet `key` now; returns when and by whom it was accepted, and its owner. */
async function reviewable(tx: Tx, caller: Caller, key: string, now: Date): Promise<{ acceptedAt: string; ownerUserId: number }> {
  const [row] = await tx.select({ status: packets.status, ownerUserId: packets.ownerUserId, csmUserId: packets.csmUserId, last: sql<boolean>`${atLastStage(sql`${packets.data}`)}` }).from(packets).where(and(eq(packets.teamId, caller.teamId), eq(packets.key, key))).limit(1);
  if (!row) throw notFound('No such packet.');
  const acc = ((await tx.execute(sql`SELECT * FROM (${latestAcceptances(caller.teamId)}) acc WHERE acc.key = ${key}`)) as unknown as Rows<{ user_id: number | string | null; at: Date | string }>).rows[0];
  if (row.status !== 'accepted' || !row.last || !acc) throw new ApiError(409, 'wrong_status', `A ${row.status} packet has no retrospective; it comes after acceptance.`, null, { status: row.status });
  // the CSM who holds the customer now (a reassignment moved it from the one who accepted), else who accepted
  if ((row.csmUserId ?? Number(acc.user_id)) !== caller.userId) throw new ApiError(403, 'not_reviewer', 'Only the person who accepted this packet (or the CSM it was handed to) reviews its handoff.');
  const [done] = await tx.select({ at: retrospectives.submittedAt }).from(retrospectives).where(and(eq(retrospectives.teamId, caller.teamId), eq(retrospectives.packetKey, key)));
  if (done) throw alreadyReviewed(done.at);
  const { retrospectiveDays } = await engagementPolicyFor(tx, caller.teamId);
  const acceptedAt = iso(acc.at);
  if (!isReviewDue(acceptedAt, retrospectiveDays, now.getTime())) {
    const dueAt = reviewDueAt(acceptedAt, retrospectiveDays);
    throw new ApiError(409, 'not_due', `The retrospective is due from ${dueAt}.`, null, { dueAt });
  }
  return { acceptedAt, ownerUserId: row.ownerUserId };
}

const alreadyReviewed = (at: Date | null) =>
  new ApiError(409, 'already_reviewed', 'This handoff was already reviewed; a packet has one retrospective.', null, at ? { submittedAt: at.toISOString() } : {});

/**
 * Records the caller's review of packet `body.key` (body already checked): 403 for
 * a role that may not review or for anyone but the person who accepted it,
 * 404 for a packet not in the team, 409 wrong_status before acceptance, 409
 * not_due before the team's days have passed, 409 already_reviewed for a
 * second review (also when two race). Audited as `packet.retrospective`.
 */
export async function submitReview(db: Db, caller: Caller, body: RetrospectiveBody, now = new Date()): Promise<Review> {
  requireRole(caller, REVIEWER_ROLES, 'review a handoff');
  const key = body.key;
  try {
    return await writeTransaction(db, async (tx) => {
      const { acceptedAt, ownerUserId } = await reviewable(tx, caller, key, now);
      const [row] = await tx
        .insert(retrospectives)
        .values({ teamId: caller.teamId, packetKey: key, repUserId: ownerUserId, csmUserId: caller.userId, acceptedAt: new Date(acceptedAt), sections: body.sections, profileFit: body.profileFit, profileNote: body.profileNote })
        .returning({ id: retrospectives.id });
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'packet.retrospective', packetKey: key, after: { sections: body.sections, profileFit: body.profileFit, profileNote: body.profileNote } });
      const [review] = await reviewsWhere(tx, eq(retrospectives.id, row!.id), 1);
      return review!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      const [done] = await db.select({ at: retrospectives.submittedAt }).from(retrospectives).where(and(eq(retrospectives.teamId, caller.teamId), eq(retrospectives.packetKey, key)));
      throw alreadyReviewed(done?.at ?? null);
    }
    throw e;
  }
}
