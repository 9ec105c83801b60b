// Stage evidence and the one manual extension. Each recomputes the expiry with
// the policy version the claim was made under, so a later policy change never
// rewrites an existing claim.
import { and, desc, eq, sql } from 'drizzle-orm';
import { claimPolicySchema, DEFAULT_POLICY, type ClaimPolicy, type LadderStage } from '@/lib/claims/policy';
import { claimStatus, expiresAt, type ClaimTimes } from '@/lib/claims/timing';
import { settingVersion } from '@/lib/stored/setting-versions';
import { audit, type Tx } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { claimKeys, claimPolicies, claims, users } from '../db/schema';
import { managersFor } from '../webhooks/audience';
import { enqueueNotice } from '../webhooks/outbox';
import { ApiError } from '../http/errors';
import { requireRole } from '../http/auth';
import { zodInvalid } from '../http/validate';
import { claimTimes } from './claim-times';
import { isPartner } from './privacy';
import { policyVersion } from './policy-store';

type ClaimRow = typeof claims.$inferSelect;
const times = claimTimes;

type Then = (tx: Tx, c: ClaimRow, until: Date) => Promise<void>;

async function change(db: Db, caller: Caller, id: number, who: 'owner' | 'manager', fn: (c: ClaimRow, policy: ClaimPolicy, now: Date) => Partial<ClaimRow>, action: string, then?: Then) {
  if (who === 'manager') requireRole(caller, ['manager', 'admin'], 'decide on extensions');
  return writeTransaction(db, async (tx) => {
    const [c] = await tx.select().from(claims).where(and(eq(claims.id, id), eq(claims.teamId, caller.teamId))).for('update');
    if (!c || (who === 'owner' && c.userId !== caller.userId && caller.role !== 'manager' && caller.role !== 'admin')) throw new ApiError(404, 'not_found', 'No such claim.');
    const policy = await policyVersion(tx, caller.teamId, c.policyVersion);
    const now = new Date();
    const status = claimStatus(times(c), policy, now.toISOString());
    if (status !== 'active' && status !== 'expiring') throw new ApiError(409, 'not_live', `This claim is ${status}.`, null, { status });
    const patch = fn(c, policy, now);
    const next = { ...c, ...patch };
    const until = new Date(expiresAt(times(next), policy));
    const [after] = await tx.update(claims).set({ ...patch, expiresAt: until }).where(eq(claims.id, id)).returning();
    await tx.update(claimKeys).set({ expiresAt: until }).where(and(eq(claimKeys.claimId, id), eq(claimKeys.ended, false)));
    await audit(tx, { teamId: caller.teamId, userId: caller.userId, action, before: { claimId: id, expiresAt: c.expiresAt.toISOString() }, after: { expiresAt: until.toISOString(), policyVersion: policy.version } });
    if (then) await then(tx, c, until);
    return { claim: after, policyVersion: policy.version };
  });
}

export const addStage = (db: Db, caller: Caller, id: number, stage: LadderStage, evidence: string) =>
  change(db, caller, id, 'owner', (c, policy, now) => {
    if (policy.mode !== 'ladder') throw new ApiError(409, 'flat_policy', `Policy version ${policy.version} gives a flat period; stages add nothing.`);
    const stages = c.stages as ClaimTimes['stages'];
    if (stages.some((s) => s.stage === stage)) throw new ApiError(409, 'stage_logged', `The ${stage} stage is already logged.`);
    return { stages: [...stages, { stage, at: now.toISOString(), evidence }] };
  }, 'claim.stage');

export const requestExtension = (db: Db, caller: Caller, id: number) =>
  change(db, caller, id, 'owner', (c) => {
    if (c.extensionRequestedAt) throw new ApiError(409, 'extension_used', 'A claim gets one extension, and it was already requested.');
    return { extensionRequestedAt: new Date() };
  }, 'claim.extension_request', (tx, c, until) => announceExtensionRequest(tx, caller, c, until));

/** The team chat hears of an extension request, @mentioning the holder's managers who decide it. */
async function announceExtensionRequest(tx: Tx, caller: Caller, c: ClaimRow, until: Date) {
  const [holder] = await tx.select({ name: users.name, channel: users.channel, department: users.department }).from(users).where(eq(users.id, c.userId));
  const managers = await managersFor(tx, c.teamId, holder?.department ?? null);
  await enqueueNotice(tx, c.teamId, `claim.extension.requested:${c.id}`, {
    event: 'claim.extension.requested',
    title: `Extension requested: ${c.customer}`,
    lines: [`By ${isPartner(holder?.channel ?? caller.channel) ? 'a partner' : (holder?.name ?? caller.name)}`, `Expires ${until.toISOString()}; a manager approves or denies it`],
    for: managers.map((m) => m.id),
  });
}

export const decideExtension = (db: Db, caller: Caller, id: number, approve: boolean) =>
  change(db, caller, id, 'manager', (c) => {
    if (!c.extensionRequestedAt) throw new ApiError(409, 'no_request', 'No extension was requested.');
    if (c.extensionApprovedAt || c.extensionDeniedAt) throw new ApiError(409, 'decided', 'The extension was already decided.');
    return approve ? { extensionApprovedAt: new Date() } : { extensionDeniedAt: new Date() };
  }, approve ? 'claim.extension_approve' : 'claim.extension_deny');

/** A new policy version, in force from now; earlier claims keep theirs. */
export async function setPolicy(db: Db, caller: Caller, input: Record<string, unknown>) {
  requireRole(caller, ['manager', 'admin'], 'change the claim policy');
  return writeTransaction(db, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7304223, ${caller.teamId}::int)`);
    const [last] = await tx.select({ v: claimPolicies.version }).from(claimPolicies).where(eq(claimPolicies.teamId, caller.teamId)).orderBy(desc(claimPolicies.version)).limit(1);
    const version = Math.max(last?.v ?? 0, DEFAULT_POLICY.version) + 1;
    const effectiveAt = new Date();
    const parsed = claimPolicySchema.safeParse({ ...input, version, effectiveAt: effectiveAt.toISOString() });
    if (!parsed.success) throw zodInvalid(parsed.error, { form: 'claimPolicy', input });
    await tx.insert(claimPolicies).values({ teamId: caller.teamId, version, effectiveAt, policy: parsed.data, schemaVersion: settingVersion('claimPolicy') });
    await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'claim.policy', after: parsed.data });
    return { policy: parsed.data };
  });
}
