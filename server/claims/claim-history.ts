// A customer arrives with its history: whoever takes it (from the pool or
// after a release) sees the earlier claims on its keys — when each ran and how
// it ended, the ladder stages logged with their evidence and dates, conflicts
// opened and ruled, the deal packet if one was kept, and the alias history —
// so the next rep does not start from zero. Partners see another holder's or
// opener's identity only when it is their own.
import { and, desc, eq, inArray, lt, ne } from 'drizzle-orm';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { claimConflicts, claimKeys, claims, packets } from '../db/schema';
import { ApiError } from '../http/errors';
import { aliasHistory } from './aliases';
import { isPartner, peopleOfTeam, person as who } from './privacy';


function ended(c: typeof claims.$inferSelect, now: Date) {
  if (c.wonAt) return { how: 'won' as const, at: c.wonAt.toISOString() };
  if (c.releasedAt) return { how: 'released' as const, at: c.releasedAt.toISOString() };
  if (c.expiresAt <= now) return { how: 'expired' as const, at: c.expiresAt.toISOString() };
  return { how: 'live' as const, at: null };
}

/** GET /v1/claims/:id/history — the holder of the claim, or a manager. */
export async function claimHistory(db: Db, caller: Caller, claimId: number) {
  const [c] = await db.select().from(claims).where(and(eq(claims.id, claimId), eq(claims.teamId, caller.teamId)));
  if (!c || (c.userId !== caller.userId && caller.role !== 'manager' && caller.role !== 'admin')) throw new ApiError(404, 'not_found', 'No such claim.');
  const keys = (await db.select({ key: claimKeys.key }).from(claimKeys).where(eq(claimKeys.claimId, claimId))).map((k) => k.key);
  const earlier = keys.length
    ? await db
        .selectDistinct({ claim: claims })
        .from(claimKeys)
        .innerJoin(claims, eq(claims.id, claimKeys.claimId))
        .where(and(eq(claimKeys.teamId, caller.teamId), inArray(claimKeys.key, keys), ne(claims.id, claimId), lt(claims.claimedAt, c.claimedAt)))
        .orderBy(desc(claims.claimedAt))
        .limit(20)
    : [];
  const ids = earlier.map((e) => e.claim.id);
  const conflicts = ids.length ? await db.select().from(claimConflicts).where(and(eq(claimConflicts.teamId, caller.teamId), inArray(claimConflicts.claimId, ids))) : [];
  // Holders and openers in one look-up, each shown as the caller may see them.
  const people = await peopleOfTeam(db, caller.teamId, [...earlier.map((e) => e.claim.userId), ...conflicts.map((x) => x.openedBy)]);
  const named = (id: number) => {
    const u = people.get(id);
    return u ? who(caller, u) : null;
  };
  const dealKeys = keys.filter((k) => k.startsWith('opportunity:')).map((k) => k.slice('opportunity:'.length));
  const kept = dealKeys.length
    ? await db.select({ key: packets.key, status: packets.status, updatedAt: packets.updatedAt }).from(packets).where(and(eq(packets.teamId, caller.teamId), inArray(packets.key, dealKeys)))
    : [];
  const now = new Date();
  return {
    claimId,
    earlier: earlier.map(({ claim: e }) => ({
      claimId: e.id,
      holder: named(e.userId),
      line: e.line,
      claimedAt: e.claimedAt.toISOString(),
      ended: ended(e, now),
      stages: e.stages as { stage: string; at: string; evidence: string }[],
      conflicts: conflicts
        .filter((x) => x.claimId === e.id)
        .map((x) => ({ openedAt: x.openedAt.toISOString(), openedBy: named(x.openedBy), evidence: x.evidence, ruledAt: x.ruledAt?.toISOString() ?? null, ruling: isPartner(caller.channel) ? null : x.ruling })),
      dealUrl: e.dealUrl,
    })),
    packets: kept.map((p) => ({ key: p.key, status: p.status, updatedAt: p.updatedAt.toISOString() })),
    aliases: await aliasHistory(db, caller, keys),
  };
}
