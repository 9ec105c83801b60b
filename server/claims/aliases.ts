// Aliases: two names (keys) of one customer — 华为技术有限公司 ↔ Huawei
// Technologies Co., Ltd., or a brand and its legal name. Look-ups and claims
// of either find the other (claims.ts withLinked). A manager may link any two;
// the rep holding a live claim on one may link another name that nobody else
// holds. Every change is in the audit log, and a dispute shows the claim's
// alias history (who linked what, when, and any removal).
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { aliasBodySchema, aliasListQuerySchema } from '@/lib/claims/api-schemas';
import { audit, type Tx } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { claimAliases, claimKeys, claims, users } from '../db/schema';
import { isUniqueViolation } from '../db/unique-violation';
import { ApiError } from '../http/errors';
import { normaliseKeys } from './normalise-keys';
import { policyAt } from './policy-store';
import { person } from './privacy';

const manages = (c: Caller) => c.role === 'manager' || c.role === 'admin';

/** The other names linked to any of these keys (live aliases, one hop). */
export async function aliasesOf(db: Db | Tx, teamId: number, keys: string[]): Promise<string[]> {
  if (!keys.length) return [];
  const rows = await db
    .select({ a: claimAliases.keyA, b: claimAliases.keyB })
    .from(claimAliases)
    .where(and(eq(claimAliases.teamId, teamId), isNull(claimAliases.removedAt), or(inArray(claimAliases.keyA, keys), inArray(claimAliases.keyB, keys))));
  return rows.flatMap((r) => [r.a, r.b]).filter((k) => !keys.includes(k));
}

/** Who holds a live claim on a key now (user ids). */
async function liveHolders(tx: Tx, teamId: number, key: string): Promise<number[]> {
  const rows = await tx
    .selectDistinct({ userId: claims.userId })
    .from(claimKeys)
    .innerJoin(claims, eq(claims.id, claimKeys.claimId))
    .where(and(eq(claimKeys.teamId, teamId), eq(claimKeys.key, key), eq(claimKeys.ended, false), sql`${claimKeys.expiresAt} > now()`));
  return rows.map((r) => r.userId);
}

export async function addAlias(db: Db, caller: Caller, body: z.infer<typeof aliasBodySchema>) {
  const rules = (await policyAt(db, caller.teamId, new Date())).keys;
  const [k1] = normaliseKeys([body.key], rules);
  const alias = normaliseKeys([body.alias], rules)[0]!;
  if (k1!.key === alias.key) throw new ApiError(400, 'invalid', 'alias.value: this is the same name once normalised', 'alias.value', { reason: 'same_key' });
  const [a, b] = k1!.key < alias.key ? [k1!, alias] : [alias, k1!];
  try {
    return await writeTransaction(db, async (tx) => {
      const held = { a: await liveHolders(tx, caller.teamId, a.key), b: await liveHolders(tx, caller.teamId, b.key) };
      const mine = held.a.includes(caller.userId) || held.b.includes(caller.userId);
      if (!manages(caller) && !mine) throw new ApiError(403, 'forbidden', 'Only a manager, or the rep holding a claim on one of the names, may link them.');
      const others = [...held.a, ...held.b].filter((u) => u !== caller.userId);
      if (!manages(caller) && others.length)
        throw new ApiError(409, 'alias_taken', 'The other name is claimed by someone else: ask a manager to link them (and to rule who owns the customer).');
      const [row] = await tx
        .insert(claimAliases)
        .values({ teamId: caller.teamId, keyA: a.key, keyB: b.key, nameA: a.display, nameB: b.display, createdBy: caller.userId })
        .returning();
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'claim.alias_add', after: { aliasId: row!.id, keys: [a.key, b.key], names: [a.display, b.display] } });
      return { alias: { id: row!.id, keys: [a.key, b.key], names: [a.display, b.display], createdAt: row!.createdAt.toISOString() } };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ApiError(409, 'alias_exists', 'These two names are already linked.');
    throw e;
  }
}

export async function removeAlias(db: Db, caller: Caller, id: number) {
  return writeTransaction(db, async (tx) => {
    const [row] = await tx.select().from(claimAliases).where(and(eq(claimAliases.id, id), eq(claimAliases.teamId, caller.teamId))).for('update');
    if (!row || row.removedAt) throw new ApiError(404, 'not_found', 'No such alias.');
    if (!manages(caller) && row.createdBy !== caller.userId) throw new ApiError(403, 'forbidden', 'Only a manager or whoever linked the names may unlink them.');
    const now = new Date();
    await tx.update(claimAliases).set({ removedAt: now, removedBy: caller.userId }).where(eq(claimAliases.id, id));
    await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'claim.alias_remove', before: { aliasId: id, keys: [row.keyA, row.keyB], names: [row.nameA, row.nameB] }, after: { removedAt: now.toISOString() } });
    return { alias: { id, removedAt: now.toISOString() } };
  });
}

/**
 * Every alias ever made on these keys, removed ones too, oldest first: what a
 * dispute shows. Partners see who linked only when it was themselves.
 */
export async function aliasHistory(db: Db | Tx, caller: Caller, keys: string[]) {
  if (!keys.length) return [];
  const rows = await db
    .select({ alias: claimAliases, by: { id: users.id, name: users.name, channel: users.channel } })
    .from(claimAliases)
    .innerJoin(users, eq(users.id, claimAliases.createdBy))
    .where(and(eq(claimAliases.teamId, caller.teamId), or(inArray(claimAliases.keyA, keys), inArray(claimAliases.keyB, keys))))
    .orderBy(claimAliases.id);
  return rows.map(({ alias: r, by }) => ({
    id: r.id,
    keys: [r.keyA, r.keyB],
    names: [r.nameA, r.nameB],
    createdAt: r.createdAt.toISOString(),
    createdBy: person(caller, by),
    removedAt: r.removedAt?.toISOString() ?? null,
  }));
}

export async function listAliases(db: Db, caller: Caller, q: z.infer<typeof aliasListQuerySchema>) {
  const [k] = normaliseKeys([q], (await policyAt(db, caller.teamId, new Date())).keys);
  return { key: k!.key, aliases: await aliasHistory(db, caller, [k!.key]) };
}
