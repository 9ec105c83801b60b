// The managers' daily digest (claim policy reminders.managerDigest): once per
// team and UTC day, the team's chat gets the live claims that end within the
// policy's warning window, soonest first, with their holders (partners
// unnamed). claim_digests records each day sent, so several servers sweeping
// at once still send it once.
import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { claimDigests, claimPolicies, claims, users } from '../db/schema';
import { enqueueNotice } from '../webhooks/outbox';
import { policyAt } from './policy-store';

const DAY = 86_400_000;

/** Returns how many digests were queued. */
export async function sweepDigest(db: Db, now = new Date()): Promise<number> {
  const teams = await db.selectDistinct({ teamId: claimPolicies.teamId }).from(claimPolicies);
  const day = now.toISOString().slice(0, 10);
  let queued = 0;
  for (const { teamId } of teams) {
    const policy = await policyAt(db, teamId, now);
    if (!policy.reminders.managerDigest) continue;
    const soon = await db
      .select({ customer: claims.customer, expiresAt: claims.expiresAt, name: users.name, channel: users.channel })
      .from(claims)
      .innerJoin(users, eq(users.id, claims.userId))
      .where(and(eq(claims.teamId, teamId), isNull(claims.releasedAt), isNull(claims.wonAt), gt(claims.expiresAt, now), lte(claims.expiresAt, new Date(now.getTime() + Math.max(1, policy.warnDays) * DAY))))
      .orderBy(asc(claims.expiresAt))
      .limit(50);
    await writeTransaction(db, async (tx) => {
      const fresh = await tx.insert(claimDigests).values({ teamId, day }).onConflictDoNothing().returning();
      if (!fresh.length) return;
      await enqueueNotice(tx, teamId, `claims.digest:${teamId}:${day}`, {
        event: 'claims.digest',
        title: `Claims ending within ${policy.warnDays} days: ${soon.length}`,
        lines: soon.length
          ? soon.map((c) => `${c.customer} — ${c.channel?.startsWith('partner:') ? 'a partner' : c.name} — ends ${c.expiresAt.toISOString()}`)
          : ['None.'],
      });
      queued++;
    });
  }
  return queued;
}
