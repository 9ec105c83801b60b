// Reads the events of a period for the team-health figures (lib/engagement/
// team-health.ts): lifecycle commands from the audit log, the packets' close
// dates and intro times, claims about to expire, open conflicts.
import { and, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { teamHealth, type HealthInput } from '@/lib/engagement/team-health';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { auditLog, claimConflicts, claims, packets } from '../db/schema';
import { requireRole } from '../http/auth';
import { engagementPolicyFor } from '../packets/team-engagement';

export async function readTeamHealth(db: Db, caller: Caller, period: { from: Date; to: Date }) {
  requireRole(caller, ['manager', 'admin'], 'see team health');
  const now = new Date();
  const events = await db
    .select({ action: auditLog.action, key: auditLog.packetKey, after: auditLog.after, at: auditLog.at })
    .from(auditLog)
    .where(
      and(eq(auditLog.teamId, caller.teamId), inArray(auditLog.action, ['packet.submit', 'packet.return', 'packet.accept']), gte(auditLog.at, period.from), lt(auditLog.at, period.to)),
    );
  const acceptedKeys = [...new Set(events.filter((e) => e.action === 'packet.accept' && e.key).map((e) => e.key!))];
  const facts = acceptedKeys.length
    ? await db
        .select({
          key: packets.key,
          closeDate: sql<string | null>`${packets.data}->'deal'->>'closeDate'`,
          introSentAt: sql<string | null>`${packets.data}->'review'->>'introSentAt'`,
          wonAt: sql<string | null>`${packets.data}->'review'->>'wonAt'`,
        })
        .from(packets)
        .where(and(eq(packets.teamId, caller.teamId), inArray(packets.key, acceptedKeys)))
    : [];
  const soon = await db
    .select({ expiresAt: claims.expiresAt })
    .from(claims)
    .where(and(eq(claims.teamId, caller.teamId), isNull(claims.releasedAt), isNull(claims.wonAt), gte(claims.expiresAt, now), lt(claims.expiresAt, new Date(now.getTime() + 7 * 86_400_000))));
  const [open] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(claimConflicts)
    .where(and(eq(claimConflicts.teamId, caller.teamId), isNull(claimConflicts.ruledAt)));
  const iso = (d: Date) => d.toISOString();
  const policy = await engagementPolicyFor(db, caller.teamId);
  const input: HealthInput = {
    from: iso(period.from),
    to: iso(period.to),
    now: iso(now),
    introMinutes: policy.introMinutes,
    introClockStart: policy.introClockStart,
    submissions: events
      .filter((e) => e.action === 'packet.submit' && typeof (e.after as { completeness?: unknown })?.completeness === 'number')
      .map((e) => ({ key: e.key ?? '', at: iso(e.at), completeness: (e.after as { completeness: number }).completeness })),
    returns: events
      .filter((e) => e.action === 'packet.return')
      .map((e) => ({ key: e.key ?? '', at: iso(e.at), items: ((e.after as { reasons?: { item: string }[] })?.reasons ?? []).map((r) => r.item) })),
    acceptances: events
      .filter((e) => e.action === 'packet.accept')
      .map((e) => {
        const f = facts.find((x) => x.key === e.key);
        return { key: e.key ?? '', at: iso(e.at), closeDate: f?.closeDate ?? null, introSentAt: f?.introSentAt ?? null, wonAt: f?.wonAt ?? null };
      }),
    claims: soon.map((c) => ({ expiresAt: iso(c.expiresAt), releasedAt: null, wonAt: null })),
    openConflicts: open?.n ?? 0,
  };
  return { period: { from: input.from, to: input.to }, health: teamHealth(input) };
}
