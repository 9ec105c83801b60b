// Claims on the server: the database decides who owns a key (partial unique
// index claim_keys_one_live), so of racing claims exactly one wins; the loser
// is told the claim is taken and until when. Partners never learn another
// partner's identity. A customer whose last claim ran out is in the public
// pool and may be claimed again under the team's territory rules.
import { and, count, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { claimKey, type ClaimKey, type KeyRules } from '@/lib/claims/claim-key';
import { describeRefusal, poolRefusal, type PoolEntry } from '@/lib/claims/pool';
import { claimStatus, expiresAt, nextStage } from '@/lib/claims/timing';
import type { z } from 'zod';
import type { createClaimBodySchema } from '@/lib/claims/api-schemas';
import { audit, type Tx } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { isUniqueViolation } from '../db/unique-violation';
import { claimKeys, claims, keyLinks, users } from '../db/schema';
import { ApiError } from '../http/errors';
import { claimTimes } from './claim-times';
import { policyAt, policyVersion } from './policy-store';


/** Keys read with the team's rules (phone region, own free-mail domains); a key that is not usable is a 400 naming it and why. */
export function normaliseKeys(inputs: z.infer<typeof createClaimBodySchema>['keys'], rules: KeyRules): ClaimKey[] {
  const out: ClaimKey[] = [];
  inputs.forEach((k, i) => {
    const r = claimKey(k, rules);
    if ('error' in r) throw new ApiError(400, 'invalid', `keys[${i}].value: ${r.error}`, `keys[${i}].value`, { reason: r.code });
    if (!out.some((o) => o.key === r.key)) out.push(r);
  });
  return out;
}

/** A phone claimed together with a company counts for that company, and back. */
async function withLinked(tx: Tx | Db, teamId: number, keys: string[]): Promise<string[]> {
  const phones = keys.filter((k) => k.startsWith('phone:'));
  const companies = keys.filter((k) => k.startsWith('company:'));
  const links = phones.length || companies.length
    ? await tx
        .select()
        .from(keyLinks)
        .where(and(eq(keyLinks.teamId, teamId), or(phones.length ? inArray(keyLinks.phoneKey, phones) : sql`false`, companies.length ? inArray(keyLinks.companyKey, companies) : sql`false`)))
    : [];
  return [...new Set([...keys, ...links.map((l) => l.phoneKey), ...links.map((l) => l.companyKey)])];
}

async function holderOf(db: Db | Tx, caller: Caller, keys: string[]) {
  const [h] = await db
    .select({ claimId: claims.id, until: claimKeys.expiresAt, userId: claims.userId, name: users.name, channel: users.channel, claim: claims })
    .from(claimKeys)
    .innerJoin(claims, eq(claims.id, claimKeys.claimId))
    .innerJoin(users, eq(users.id, claims.userId))
    .where(and(eq(claimKeys.teamId, caller.teamId), inArray(claimKeys.key, keys), eq(claimKeys.ended, false), sql`${claimKeys.expiresAt} > now()`))
    .limit(1);
  if (!h) return null;
  const partnerAsking = caller.channel?.startsWith('partner:') ?? false;
  const mine = h.userId === caller.userId;
  return { until: h.until.toISOString(), mine, claimId: h.claimId, claim: mine ? h.claim : null, ...(partnerAsking && !mine ? {} : { holder: { name: h.name } }) };
}

/** The claims that ever held any of these keys, newest first (one round trip for the checks below). */
async function claimsOn(db: Db | Tx, teamId: number, keys: string[]) {
  return db
    .selectDistinct({ id: claims.id, userId: claims.userId, department: claims.department, expiresAt: claims.expiresAt, releasedAt: claims.releasedAt, wonAt: claims.wonAt })
    .from(claimKeys)
    .innerJoin(claims, eq(claims.id, claimKeys.claimId))
    .where(and(eq(claimKeys.teamId, teamId), inArray(claimKeys.key, keys)))
    .orderBy(desc(claims.id))
    .limit(50);
}
type PastClaim = Awaited<ReturnType<typeof claimsOn>>[number];

const isLive = (c: PastClaim, now: Date) => !c.releasedAt && !c.wonAt && c.expiresAt > now;

/**
 * The customer is in the pool when the latest claim on any of its keys ran out
 * without being released or won (and nobody holds another of its keys).
 * Released customers are simply free again.
 */
function poolEntryFrom(past: PastClaim[], now: Date): (PoolEntry & { claimId: number }) | null {
  const latest = past[0];
  if (!latest || past.some((c) => isLive(c, now)) || latest.releasedAt || latest.wonAt) return null;
  return { claimId: latest.id, expiredAt: latest.expiresAt.toISOString(), department: latest.department, lastHolderId: latest.userId };
}

async function serverNow(tx: Tx): Promise<Date> {
  const res = (await tx.execute(sql`SELECT now() AS now`)) as unknown as { rows: { now: Date | string }[] };
  return new Date(res.rows[0]!.now);
}

/** Claim one customer by one or several keys. `fromPool`: the caller means to take it from the pool. */
export async function createClaim(db: Db, caller: Caller, body: z.infer<typeof createClaimBodySchema>, opts: { fromPool?: boolean } = {}) {
  const keys = normaliseKeys(body.keys, (await policyAt(db, caller.teamId, new Date())).keys);
  try {
    return await db.transaction(async (tx) => {
      // Server time decides, never the client's clock.
      const nowDate = await serverNow(tx);
      const policy = await policyAt(tx, caller.teamId, nowDate);
      const all = await withLinked(tx, caller.teamId, keys.map((k) => k.key));
      if (policy.pool.maxLiveClaims !== null) {
        const [live] = await tx
          .select({ n: count() })
          .from(claims)
          .where(and(eq(claims.teamId, caller.teamId), eq(claims.userId, caller.userId), isNull(claims.releasedAt), isNull(claims.wonAt), gt(claims.expiresAt, nowDate)));
        if ((live?.n ?? 0) >= policy.pool.maxLiveClaims)
          throw new ApiError(409, 'claim_limit', `You hold ${live?.n} live claims; the team's limit is ${policy.pool.maxLiveClaims}.`, null, { limit: policy.pool.maxLiveClaims });
      }
      const past = await claimsOn(tx, caller.teamId, all);
      // A live holder: the insert below fails on the unique index and the caller hears "already claimed".
      if (!past.some((c) => isLive(c, nowDate))) {
        // Territory rules apply whenever the customer is in the pool, whichever route was used.
        const pooled = poolEntryFrom(past, nowDate);
        if (opts.fromPool && !pooled) throw new ApiError(409, 'not_in_pool', 'This customer is not in the pool.');
        const refusal = pooled && poolRefusal(caller, pooled, policy, nowDate.toISOString());
        if (refusal) throw new ApiError(403, refusal.code, describeRefusal(refusal), null, { ...refusal });
      }
      const times = { claimedAt: nowDate.toISOString(), stages: [], extensionApprovedAt: null, releasedAt: null, wonAt: null };
      const until = new Date(expiresAt(times, policy));
      // Expired holders free their keys now (status is from timestamps; this only unblocks the index).
      if (past.length)
        await tx.update(claimKeys).set({ ended: true }).where(and(eq(claimKeys.teamId, caller.teamId), inArray(claimKeys.key, all), eq(claimKeys.ended, false), lte(claimKeys.expiresAt, nowDate)));
      const [c] = await tx
        .insert(claims)
        .values({ teamId: caller.teamId, userId: caller.userId, customer: body.customer, policyVersion: policy.version, claimedAt: nowDate, expiresAt: until, stages: [], department: caller.department, dealUrl: body.dealUrl ?? null })
        .returning();
      await tx.insert(claimKeys).values(all.map((key) => ({ claimId: c!.id, teamId: caller.teamId, key, expiresAt: until })));
      const phones = keys.filter((k) => k.kind === 'phone');
      const companies = keys.filter((k) => k.kind === 'company');
      const links = phones.flatMap((p) => companies.map((co) => ({ teamId: caller.teamId, phoneKey: p.key, companyKey: co.key })));
      if (links.length) await tx.insert(keyLinks).values(links).onConflictDoNothing();
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: opts.fromPool ? 'claim.from_pool' : 'claim.create', after: { claimId: c!.id, keys: all, expiresAt: until.toISOString(), policyVersion: policy.version } });
      return { claim: { ...c!, keys: all, status: claimStatus(times, policy, nowDate.toISOString()) } };
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const found = await holderOf(db, caller, keys.map((k) => k.key));
    const holder = found && { until: found.until, mine: found.mine, ...(found.holder ? { holder: found.holder } : {}) };
    throw new ApiError(409, 'already_claimed', holder ? `This customer is claimed until ${holder.until}.` : 'This customer is claimed.', null, holder ? { ...holder } : {});
  }
}

export async function lookupKey(db: Db, caller: Caller, input: { kind: 'company' | 'phone' | 'email' | 'domain' | 'opportunity'; value: string }) {
  const [k] = normaliseKeys([input], (await policyAt(db, caller.teamId, new Date())).keys);
  const keys = await withLinked(db, caller.teamId, [k!.key]);
  const found = await holderOf(db, caller, keys);
  if (found) {
    const { claim, ...holder } = found;
    if (!claim) return { key: k!.key, status: 'taken' as const, ...holder };
    // Mine: what the claim panel needs to say what to log next and what it adds.
    const policy = await policyVersion(db, caller.teamId, claim.policyVersion);
    const times = claimTimes(claim);
    return {
      key: k!.key,
      status: 'mine' as const,
      ...holder,
      claimId: claim.id,
      policyVersion: policy.version,
      claimStatus: claimStatus(times, policy, new Date().toISOString()),
      policy: { version: policy.version, mode: policy.mode, flatDays: policy.flatDays, ladder: { initialDays: policy.ladder.initialDays }, extensionDays: policy.extensionDays },
      nextStage: nextStage(times, policy),
      extension: claim.extensionApprovedAt ? 'approved' : claim.extensionDeniedAt ? 'denied' : claim.extensionRequestedAt ? 'requested' : 'available',
    };
  }
  const now = new Date();
  const pooled = poolEntryFrom(await claimsOn(db, caller.teamId, keys), now);
  if (!pooled) return { key: k!.key, status: 'free' as const };
  const policy = await policyAt(db, caller.teamId, now);
  const refusal = poolRefusal(caller, pooled, policy, now.toISOString());
  return { key: k!.key, status: 'pool' as const, since: pooled.expiredAt, mayClaim: !refusal, ...(refusal ? { refusal } : {}) };
}

export async function releaseClaim(db: Db, caller: Caller, id: number, how: 'release' | 'won') {
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(claims).where(and(eq(claims.id, id), eq(claims.teamId, caller.teamId))).for('update');
    if (!c || (c.userId !== caller.userId && caller.role !== 'manager' && caller.role !== 'admin')) throw new ApiError(404, 'not_found', 'No such claim.');
    if (c.releasedAt || c.wonAt) throw new ApiError(409, 'ended', 'This claim has already ended.');
    const now = new Date();
    const [after] = await tx.update(claims).set(how === 'won' ? { wonAt: now } : { releasedAt: now }).where(eq(claims.id, id)).returning();
    await tx.update(claimKeys).set({ ended: true }).where(eq(claimKeys.claimId, id));
    await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: `claim.${how}`, before: { claimId: id }, after: { at: now.toISOString() } });
    return { claim: after };
  });
}
