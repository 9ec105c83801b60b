// Claims on the server: the database decides who owns a key (exclusion
// constraint claim_keys_one_live over key and line span), so of racing claims exactly one wins; the loser
// is told the claim is taken and until when. Partners never learn another
// partner's identity. A customer whose last claim ran out is in the public
// pool and may be claimed again under the team's territory rules. Every new
// claim passes the team's anti-hoarding rules (lib/claims/anti-hoarding.ts).
// Key accounts: a claim may cover one line of a customer (lib/claims/claim-line.ts).
import { and, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { describeHoarding, hoardingRefusal, liveCap } from '@/lib/claims/anti-hoarding';
import { lineSpan, linesOverlap, normalizeLine } from '@/lib/claims/claim-line';
import { describeRefusal, poolRefusal, type PoolEntry } from '@/lib/claims/pool';
import { claimStatus, expiresAt, nextStage } from '@/lib/claims/timing';
import type { z } from 'zod';
import type { createClaimBodySchema, lookupQuerySchema } from '@/lib/claims/api-schemas';
import type { ClaimPolicy } from '@/lib/claims/policy';
import { audit, type Tx } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { executeNamed } from '../db/named-statement';
import { writeStatement, writeTransaction } from '../db/write-transaction';
import { isKeyConflict } from '../db/unique-violation';
import { claimKeys, claims } from '../db/schema';
import { ApiError } from '../http/errors';
import { normaliseKeys } from './normalise-keys';
import { claimContext, type Holder, type PastClaim } from './claim-context';
import type { ClaimKey } from '@/lib/claims/claim-key';
import { policyVersion } from './policy-store';


/** The holder as the caller may see it: a partner never learns another partner's or rep's name. */
function holderView(caller: Caller, h: Holder) {
  const partnerAsking = caller.channel?.startsWith('partner:') ?? false;
  const mine = h.userId === caller.userId;
  return { until: h.until.toISOString(), mine, line: h.line, ...(partnerAsking && !mine ? {} : { holder: { name: h.name } }) };
}

function alreadyClaimed(caller: Caller, h: Holder | null): ApiError {
  const holder = h && holderView(caller, h);
  return new ApiError(409, 'already_claimed', holder ? `This customer is claimed until ${holder.until}.` : 'This customer is claimed.', null, holder ? { ...holder } : {});
}

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

const DAY = 86_400_000;

/** The team's anti-hoarding rules for this rep and customer; one advisory lock per rep makes two racing claims of theirs count each other. */
async function checkHoarding(tx: Tx, caller: Caller, policy: ClaimPolicy, now: Date, past: PastClaim[]) {
  const rules = policy.antiHoarding;
  if (rules.newClaimsPerDay === null && liveCap(policy) === null && rules.reclaimCooldownDays === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7304225, ${caller.userId}::int)`);
  const mine = await tx
    .select({ claimedAt: claims.claimedAt, expiresAt: claims.expiresAt, releasedAt: claims.releasedAt, wonAt: claims.wonAt })
    .from(claims)
    .where(and(eq(claims.teamId, caller.teamId), eq(claims.userId, caller.userId), or(gt(claims.claimedAt, new Date(now.getTime() - DAY)), and(isNull(claims.releasedAt), isNull(claims.wonAt), gt(claims.expiresAt, now)))));
  const own = past.find((c) => c.userId === caller.userId && !c.wonAt);
  const ownEnd = own && (own.releasedAt ?? (own.expiresAt <= now ? own.expiresAt : null));
  const refusal = hoardingRefusal(
    {
      claimedLastDay: mine.filter((c) => c.claimedAt.getTime() > now.getTime() - DAY).map((c) => c.claimedAt.toISOString()),
      liveUntil: mine.filter((c) => !c.releasedAt && !c.wonAt && c.expiresAt > now).map((c) => c.expiresAt.toISOString()),
      ownEndedAt: ownEnd ? ownEnd.toISOString() : null,
    },
    policy,
    now.toISOString(),
  );
  if (refusal) throw new ApiError(409, refusal.code, describeHoarding(refusal), null, { ...refusal });
}

/** Whether the team's anti-hoarding rules count this rep's claims at all. */
const hoardingRulesOn = (policy: ClaimPolicy) => policy.antiHoarding.newClaimsPerDay !== null || liveCap(policy) !== null || policy.antiHoarding.reclaimCooldownDays !== 0;

/**
 * Claim one customer (or one line of it) by one or several keys. `fromPool`: the caller means to take it from the pool.
 * Usually two round trips: what is known of the customer (./claim-context.ts), then the claim in one statement;
 * a transaction only when the rep's anti-hoarding count or expired holders' keys must be settled with it.
 */
export async function createClaim(db: Db, caller: Caller, body: z.infer<typeof createClaimBodySchema>, opts: { fromPool?: boolean } = {}) {
  const line = body.line ? normalizeLine(body.line) || null : null;
  const span = lineSpan(line);
  // Server time decides, never the client's clock; the keys are read with the policy in force then.
  const keysFor = (policy: ClaimPolicy) => normaliseKeys(body.keys, policy.keys);
  const { now: nowDate, policy, keys, all, past, holder } = await claimContext(db, caller.teamId, keysFor, span);
  if (holder) throw alreadyClaimed(caller, holder);
  // A live holder of an overlapping line: the insert below fails on the constraint and the caller hears "already claimed".
  const contested = past.some((c) => isLive(c, nowDate) && linesOverlap(c.line, line));
  if (!contested) {
    // Territory rules apply whenever the customer is in the pool, whichever route was used.
    const pooled = poolEntryFrom(past, nowDate);
    if (opts.fromPool && !pooled) throw new ApiError(409, 'not_in_pool', 'This customer is not in the pool.');
    const refusal = pooled && poolRefusal(caller, pooled, policy, nowDate.toISOString());
    if (refusal) throw new ApiError(403, refusal.code, describeRefusal(refusal), null, { ...refusal });
  }
  const times = { claimedAt: nowDate.toISOString(), stages: [], extensionApprovedAt: null, releasedAt: null, wonAt: null };
  const until = new Date(expiresAt(times, policy));
  const row = { teamId: caller.teamId, userId: caller.userId, customer: body.customer, policyVersion: policy.version, claimedAt: nowDate, expiresAt: until, stages: [], department: caller.department, dealUrl: body.dealUrl ?? null, line };
  const log = { action: opts.fromPool ? 'claim.from_pool' : 'claim.create', after: { keys: all, line, expiresAt: until.toISOString(), policyVersion: policy.version } };
  const hoarding = !contested && hoardingRulesOn(policy);
  // Expired holders free their keys now (status is from timestamps; this only unblocks the constraint).
  const expired = past.some((c) => !c.releasedAt && !c.wonAt && c.expiresAt <= nowDate);
  let id: number;
  try {
    id = await (hoarding || expired
      ? writeTransaction(db, async (tx) => {
          if (hoarding) await checkHoarding(tx, caller, policy, nowDate, past);
          if (expired) await tx.update(claimKeys).set({ ended: true }).where(and(eq(claimKeys.teamId, caller.teamId), inArray(claimKeys.key, all), eq(claimKeys.ended, false), lte(claimKeys.expiresAt, nowDate)));
          return insertClaim(tx, row, all, span, keys, log);
        })
      : writeStatement(() => insertClaim(db, row, all, span, keys, log)));
  } catch (e) {
    if (!isKeyConflict(e)) throw e;
    throw alreadyClaimed(caller, (await claimContext(db, caller.teamId, keysFor, span)).holder);
  }
  const claim: ClaimRow = { ...row, id, extensionRequestedAt: null, extensionApprovedAt: null, extensionDeniedAt: null, releasedAt: null, wonAt: null };
  return { claim: { ...claim, keys: all, status: claimStatus(times, policy, nowDate.toISOString()) } };
}

type ClaimRow = typeof claims.$inferSelect;

/**
 * The claim, its keys, the phone–company links and the audit entry in one
 * statement (one round trip). The exclusion constraint on claim_keys still
 * decides a race: the loser's statement fails whole.
 */
async function insertClaim(tx: Db | Tx, c: Omit<ClaimRow, 'id' | 'extensionRequestedAt' | 'extensionApprovedAt' | 'extensionDeniedAt' | 'releasedAt' | 'wonAt'>, all: string[], span: string, keys: ClaimKey[], log: { action: string; after: Record<string, unknown> }): Promise<number> {
  const phones = keys.filter((k) => k.kind === 'phone');
  const links = phones.flatMap((p) => keys.filter((k) => k.kind === 'company').map((co) => ({ p: p.key, c: co.key })));
  const res = await executeNamed<{ id: number | string }>(tx, 'claim_insert', sql`
    WITH c AS (
      INSERT INTO claims (team_id, user_id, customer, policy_version, claimed_at, expires_at, stages, department, deal_url, line)
      VALUES (${c.teamId}, ${c.userId}, ${c.customer}, ${c.policyVersion}, ${c.claimedAt.toISOString()}, ${c.expiresAt.toISOString()}, '[]'::jsonb, ${c.department}, ${c.dealUrl}, ${c.line})
      RETURNING id),
    k AS (
      INSERT INTO claim_keys (claim_id, team_id, key, expires_at, span)
      SELECT c.id, ${c.teamId}, j.k, ${c.expiresAt.toISOString()}, ${span}::int4range FROM c, json_array_elements_text(${JSON.stringify(all)}::json) AS j(k)),
    l AS (
      INSERT INTO key_links (team_id, phone_key, company_key)
      SELECT ${c.teamId}, j.p, j.c FROM json_to_recordset(${JSON.stringify(links)}::json) AS j(p text, c text)
      ON CONFLICT DO NOTHING),
    a AS (
      INSERT INTO audit_log (team_id, user_id, action, after)
      SELECT ${c.teamId}, ${c.userId}, ${log.action}, jsonb_build_object('claimId', c.id) || ${JSON.stringify(log.after)}::jsonb FROM c)
    SELECT id FROM c`);
  return Number(res.rows[0]!.id);
}

export async function lookupKey(db: Db, caller: Caller, input: z.infer<typeof lookupQuerySchema>) {
  const { now, policy, keys: [k], past, holder } = await claimContext(db, caller.teamId, (p) => normaliseKeys([input], p.keys), lineSpan(input.line));
  if (holder) {
    const shown = holderView(caller, holder);
    if (!shown.mine) return { key: k!.key, status: 'taken' as const, ...shown, claimId: holder.claimId };
    // Mine: what the claim panel needs to say what to log next and what it adds.
    const own = holder.policyVersion === policy.version ? policy : await policyVersion(db, caller.teamId, holder.policyVersion);
    return {
      key: k!.key,
      status: 'mine' as const,
      ...shown,
      claimId: holder.claimId,
      policyVersion: own.version,
      claimStatus: claimStatus(holder.times, own, now.toISOString()),
      policy: { version: own.version, mode: own.mode, flatDays: own.flatDays, ladder: { initialDays: own.ladder.initialDays }, extensionDays: own.extensionDays },
      nextStage: nextStage(holder.times, own),
      extension: holder.extension,
    };
  }
  const pooled = poolEntryFrom(past, now);
  if (!pooled) return { key: k!.key, status: 'free' as const };
  const refusal = poolRefusal(caller, pooled, policy, now.toISOString());
  return { key: k!.key, status: 'pool' as const, since: pooled.expiredAt, mayClaim: !refusal, ...(refusal ? { refusal } : {}) };
}

export async function releaseClaim(db: Db, caller: Caller, id: number, how: 'release' | 'won') {
  return writeTransaction(db, async (tx) => {
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
