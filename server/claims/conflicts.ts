// Conflicts: someone else worked a claimed customer too. Anyone in the team who
// sells (reps, managers, admins) but the holder may open one with evidence — a
// CSM has no claim to defend, and the sidebar offers them no dispute box; a manager rules who owns the customer
// and how credit is split, by the policy version the claim was made under (the
// ruling records which). Partners never see another partner's identity.
import { and, asc, eq, gt, inArray, isNull, isNotNull, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { creditShares } from '@/lib/claims/credit-split';
import type { listConflictsQuerySchema, ruleConflictBodySchema } from '@/lib/claims/api-schemas';
import { audit } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { isUniqueViolation } from '../db/unique-violation';
import { claimConflicts, claimKeys, claims, users } from '../db/schema';
import { ApiError } from '../http/errors';
import { requireRole } from '../http/auth';
import { invalidInput } from '../http/validate';
import { enqueueNotice } from '../webhooks/outbox';
import { aliasHistory } from './aliases';
import { policyVersion } from './policy-store';
import { isPartner, peopleOfTeam, person } from './privacy';


/** In chat notices partners are never named. */
const noticeName = (u: { name: string; channel: string | null }) => (isPartner(u.channel) ? 'a partner' : u.name);

export async function openConflict(db: Db, caller: Caller, claimId: number, evidence: string) {
  requireRole(caller, ['rep', 'manager', 'admin'], 'dispute a claim');
  try {
    return await writeTransaction(db, async (tx) => {
      const [c] = await tx.select().from(claims).where(and(eq(claims.id, claimId), eq(claims.teamId, caller.teamId)));
      if (!c) throw new ApiError(404, 'not_found', 'No such claim.');
      if (c.userId === caller.userId) throw new ApiError(409, 'own_claim', 'You hold this claim; there is nobody to dispute it with.');
      const [row] = await tx.insert(claimConflicts).values({ teamId: caller.teamId, claimId, openedBy: caller.userId, evidence }).returning();
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'claim.conflict_open', after: { conflictId: row!.id, claimId, evidence } });
      await enqueueNotice(tx, caller.teamId, `conflict.opened:${row!.id}`, {
        event: 'conflict.opened',
        title: `Claim conflict: ${c.customer}`,
        lines: [`Opened by ${noticeName(caller)}`, evidence.slice(0, 300)],
        for: [c.userId],
      });
      return { conflict: { id: row!.id, claimId, customer: c.customer, openedAt: row!.openedAt.toISOString(), evidence, ruling: null } };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ApiError(409, 'conflict_open', 'You already have an open conflict on this claim.');
    throw e;
  }
}

export async function listConflicts(db: Db, caller: Caller, q: z.infer<typeof listConflictsQuerySchema>) {
  const holder = alias(users, 'holder');
  const opener = alias(users, 'opener');
  const manages = caller.role === 'manager' || caller.role === 'admin';
  const filters: (SQL | undefined)[] = [
    eq(claimConflicts.teamId, caller.teamId),
    gt(claimConflicts.id, q.after),
    q.state === 'open' ? isNull(claimConflicts.ruledAt) : q.state === 'ruled' ? isNotNull(claimConflicts.ruledAt) : undefined,
    manages ? undefined : or(eq(claimConflicts.openedBy, caller.userId), eq(claims.userId, caller.userId)),
  ];
  const rows = await db
    .select({ conflict: claimConflicts, customer: claims.customer, until: claims.expiresAt, holder, opener })
    .from(claimConflicts)
    .innerJoin(claims, eq(claims.id, claimConflicts.claimId))
    .innerJoin(holder, eq(holder.id, claims.userId))
    .innerJoin(opener, eq(opener.id, claimConflicts.openedBy))
    .where(and(...filters))
    .orderBy(asc(claimConflicts.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit).map((r) => ({
    id: r.conflict.id,
    claimId: r.conflict.claimId,
    customer: r.customer,
    until: r.until.toISOString(),
    holder: person(caller, r.holder),
    openedBy: person(caller, r.opener),
    evidence: r.conflict.evidence,
    openedAt: r.conflict.openedAt.toISOString(),
    ruledAt: r.conflict.ruledAt?.toISOString() ?? null,
    ruling: r.conflict.ruling,
  }));
  // A dispute shows how the customer's names were linked, and by whom (audited alias changes).
  const keyRows = page.length ? await db.select({ claimId: claimKeys.claimId, key: claimKeys.key }).from(claimKeys).where(inArray(claimKeys.claimId, page.map((p) => p.claimId))) : [];
  const withAliases = [];
  for (const p of page) withAliases.push({ ...p, aliases: await aliasHistory(db, caller, keyRows.filter((k) => k.claimId === p.claimId).map((k) => k.key)) });
  return { conflicts: withAliases, next: rows.length > q.limit ? page[page.length - 1]!.id : null };
}

export async function ruleConflict(db: Db, caller: Caller, conflictId: number, body: z.infer<typeof ruleConflictBodySchema>) {
  requireRole(caller, ['manager', 'admin'], 'rule on conflicts');
  return writeTransaction(db, async (tx) => {
    const [row] = await tx.select().from(claimConflicts).where(and(eq(claimConflicts.id, conflictId), eq(claimConflicts.teamId, caller.teamId))).for('update');
    if (!row) throw new ApiError(404, 'not_found', 'No such conflict.');
    if (row.ruledAt) throw new ApiError(409, 'ruled', 'This conflict has already been ruled.');
    const named = [body.ownerUserId, body.credit.firstTouch, body.credit.process, body.credit.signing];
    const found = await peopleOfTeam(tx, caller.teamId, named);
    const paths = ['ownerUserId', 'credit.firstTouch', 'credit.process', 'credit.signing'];
    named.forEach((id, i) => {
      if (!found.has(id)) throw invalidInput([{ path: paths[i]!, code: 'unknownUser' }]);
    });
    const [claim] = await tx.select().from(claims).where(eq(claims.id, row.claimId)).for('update');
    const policy = await policyVersion(tx, caller.teamId, claim!.policyVersion);
    const split = body.split ?? policy.creditSplit;
    const ruling = { ownerUserId: body.ownerUserId, credit: body.credit, split, shares: creditShares(body.credit, split), policyVersion: policy.version, note: body.note };
    const now = new Date();
    const [after] = await tx.update(claimConflicts).set({ ruledAt: now, ruledBy: caller.userId, ruling }).where(eq(claimConflicts.id, conflictId)).returning();
    if (claim!.userId !== body.ownerUserId) {
      await tx.update(claims).set({ userId: body.ownerUserId }).where(eq(claims.id, claim!.id));
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'claim.transfer', before: { claimId: claim!.id, userId: claim!.userId }, after: { userId: body.ownerUserId, conflictId } });
    }
    await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'claim.conflict_rule', before: { conflictId }, after: ruling });
    const owner = found.get(body.ownerUserId)!;
    await enqueueNotice(tx, caller.teamId, `conflict.ruled:${conflictId}`, {
      event: 'conflict.ruled',
      title: `Claim conflict ruled: ${claim!.customer}`,
      lines: [
        `Owner: ${noticeName(owner)}`,
        `Credit: first touch ${split.firstTouch}%, process ${split.process}%, signing ${split.signing}% (policy version ${policy.version})`,
        ...(body.note ? [body.note.slice(0, 300)] : []),
      ],
      for: [body.ownerUserId],
    });
    return { conflict: { id: after!.id, claimId: after!.claimId, ruledAt: now.toISOString(), ruling } };
  });
}
