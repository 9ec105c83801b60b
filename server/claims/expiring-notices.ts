// Webhook notices for claims about to expire, once per threshold of the
// claim's policy version (default 3 days and 1 day), naming the holder (never a
// partner). Escalating: at the last threshold the team's managers are named too
// (policy reminders.escalateToManager; the rep's own department's managers when
// it has any). claim_notices records what went out, so several servers
// sweeping at once still send each once. The managers' daily digest is in
// claim-digest.ts.
import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { ClaimPolicy } from '@/lib/claims/policy';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { claimNotices, claimPolicies, claims, users } from '../db/schema';
import { managersFor } from '../webhooks/audience';
import { enqueueNotice } from '../webhooks/outbox';
import { policyVersion } from './policy-store';

const DAY = 86_400_000;

/** Returns how many notices were queued. */
export async function sweepExpiring(db: Db, now = new Date()): Promise<number> {
  const [widest] = await db.select({ d: sql<number>`coalesce(max((SELECT max(v::int) FROM jsonb_array_elements_text(${claimPolicies.policy}->'notifyDays') v)), 0)` }).from(claimPolicies);
  const horizon = Math.max(3, Number(widest?.d ?? 0)); // the default policy notifies at 3 days
  const due = await db
    .select({ c: claims, holder: { name: users.name, channel: users.channel, department: users.department } })
    .from(claims)
    .innerJoin(users, eq(users.id, claims.userId))
    .where(and(isNull(claims.releasedAt), isNull(claims.wonAt), gt(claims.expiresAt, now), lte(claims.expiresAt, new Date(now.getTime() + horizon * DAY))));
  const policies = new Map<string, ClaimPolicy>();
  let queued = 0;
  for (const { c, holder } of due) {
    const id = `${c.teamId}:${c.policyVersion}`;
    if (!policies.has(id)) policies.set(id, await policyVersion(db, c.teamId, c.policyVersion));
    const policy = policies.get(id)!;
    const left = c.expiresAt.getTime() - now.getTime();
    const crossed = policy.notifyDays.filter((d) => left <= d * DAY).sort((a, b) => a - b);
    if (!crossed.length) continue;
    const last = crossed[0] === Math.min(...policy.notifyDays);
    // The managers to tell about a rep's claim: those of the rep's department, else all of the team's.
    const managers = last && policy.reminders.escalateToManager ? await managersFor(db, c.teamId, holder.department) : [];
    await writeTransaction(db, async (tx) => {
      const fresh = await tx
        .insert(claimNotices)
        .values(crossed.map((thresholdDays) => ({ claimId: c.id, thresholdDays })))
        .onConflictDoNothing()
        .returning();
      if (!fresh.length) return;
      // One message even if a late sweep crossed two thresholds at once.
      const hours = Math.max(1, Math.round(left / 3_600_000));
      await enqueueNotice(tx, c.teamId, `claim.expiring:${c.id}:${crossed[0]}`, {
        event: managers.length ? 'claim.expiring.escalated' : 'claim.expiring',
        title: `Claim expiring: ${c.customer}`,
        lines: [
          `Expires ${c.expiresAt.toISOString()} (in ${hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`})`,
          `Holder: ${holder.channel?.startsWith('partner:') ? 'a partner' : holder.name}`,
          ...(managers.length ? [`Last reminder, for the manager too: ${managers.map((m) => m.name).join(', ')}`] : []),
        ],
        for: [c.userId, ...managers.map((m) => m.id)],
      });
      queued++;
    });
  }
  return queued;
}
