// Gathers a period's data for the sales–CS sync meeting (lib/engagement/
// sync-agenda.ts builds the agenda): returns from the audit log, the period's
// retrospectives, the conflicts open now, and the CSMs' expansion
// opportunities on accepted packets. For managers and admins, their team only.
import { and, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { syncAgenda, type AgendaInput, type SyncAgenda } from '@/lib/engagement/sync-agenda';
import { storedPacketSchema } from '@/lib/packet/schema';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { auditLog, claimConflicts, claims, packets, users } from '../db/schema';
import { requireRole } from '../http/auth';
import { reviewsIn } from './reviews';

const name = (p: { deal: { dealName: string | null; accountName: string | null }; dealOverrides: { dealName?: string; accountName?: string } }) => ({
  deal: p.dealOverrides.dealName || p.deal.dealName || '',
  account: p.dealOverrides.accountName || p.deal.accountName || '',
});

async function returnsIn(db: Db, teamId: number, period: { from: Date; to: Date }): Promise<AgendaInput['returns']> {
  const rows = await db
    .select({ key: auditLog.packetKey, at: auditLog.at, after: auditLog.after, data: packets.data, rep: users.name })
    .from(auditLog)
    .innerJoin(packets, and(eq(packets.teamId, auditLog.teamId), eq(packets.key, auditLog.packetKey)))
    .innerJoin(users, eq(users.id, packets.ownerUserId))
    // Returns to sales only: on a relay, CS sending a packet back to implementation (after.stage) is not the rep's handoff returned.
    .where(and(eq(auditLog.teamId, teamId), eq(auditLog.action, 'packet.return'), sql`COALESCE(${auditLog.after}->>'stage', 'sales') = 'sales'`, gte(auditLog.at, period.from), lt(auditLog.at, period.to)));
  return rows.flatMap((r) => {
    const p = storedPacketSchema.safeParse(r.data);
    const reasons = (r.after as { reasons?: { item: string; reason: string }[] } | null)?.reasons ?? [];
    return p.success ? [{ key: r.key ?? '', ...name(p.data), rep: r.rep, at: r.at.toISOString(), reasons }] : [];
  });
}

async function openConflicts(db: Db, teamId: number): Promise<AgendaInput['conflicts']> {
  const holder = alias(users, 'holder');
  const opener = alias(users, 'opener');
  const rows = await db
    .select({ id: claimConflicts.id, customer: claims.customer, holder: holder.name, opener: opener.name, openedAt: claimConflicts.openedAt, evidence: claimConflicts.evidence })
    .from(claimConflicts)
    .innerJoin(claims, eq(claims.id, claimConflicts.claimId))
    .innerJoin(holder, eq(holder.id, claims.userId))
    .innerJoin(opener, eq(opener.id, claimConflicts.openedBy))
    .where(and(eq(claimConflicts.teamId, teamId), isNull(claimConflicts.ruledAt)))
    .limit(500);
  return rows.map((r) => ({ ...r, openedAt: r.openedAt.toISOString() }));
}

async function opportunities(db: Db, teamId: number): Promise<AgendaInput['opportunities']> {
  const rows = await db
    .select({ data: packets.data })
    .from(packets)
    .where(and(eq(packets.teamId, teamId), inArray(packets.status, ['accepted']), sql`jsonb_array_length(COALESCE(${packets.data}->'expansion'->'opportunities', '[]'::jsonb)) > 0`));
  return rows.flatMap((r) => {
    const p = storedPacketSchema.safeParse(r.data);
    if (!p.success) return [];
    const currency = p.data.contract.currency || p.data.deal.currency || '';
    return p.data.expansion.opportunities.map((o) => ({ key: p.data.key, ...name(p.data), summary: o.summary, value: o.value, currency, date: o.date }));
  });
}

/** 403 for reps and CSMs; the agenda of [from, to). */
export async function readSyncAgenda(db: Db, caller: Caller, period: { from: Date; to: Date }): Promise<SyncAgenda> {
  requireRole(caller, ['manager', 'admin'], 'build the sync meeting agenda');
  const reviews = await reviewsIn(db, caller.teamId, period);
  return syncAgenda({
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    returns: await returnsIn(db, caller.teamId, period),
    reviews: reviews.map((r) => ({ ...r, sections: r.sections as AgendaInput['reviews'][number]['sections'] })),
    conflicts: await openConflicts(db, caller.teamId),
    opportunities: await opportunities(db, caller.teamId),
  });
}
