// Where a team's claim policy versions are read: the one in force at a moment
// (for new claims) or a given version (to judge an existing claim by its own).
import { and, desc, eq, lte } from 'drizzle-orm';
import { claimPolicySchema, DEFAULT_POLICY, type ClaimPolicy } from '@/lib/claims/policy';
import { migrateSetting } from '@/lib/stored/setting-versions';
import type { Tx } from '../audit';
import type { Db } from '../db/connect';
import { claimPolicies } from '../db/schema';

/** A stored policy row's JSON, in today's shape. */
export const storedPolicy = (row: { policy: unknown; v: number }) => claimPolicySchema.parse(migrateSetting('claimPolicy', row.v, row.policy));

export async function policyAt(db: Db | Tx, teamId: number, at: Date): Promise<ClaimPolicy> {
  const [row] = await db
    .select({ policy: claimPolicies.policy, v: claimPolicies.schemaVersion })
    .from(claimPolicies)
    .where(and(eq(claimPolicies.teamId, teamId), lte(claimPolicies.effectiveAt, at)))
    .orderBy(desc(claimPolicies.version))
    .limit(1);
  return row ? storedPolicy(row) : DEFAULT_POLICY;
}

export async function policyVersion(db: Db | Tx, teamId: number, version: number): Promise<ClaimPolicy> {
  const [row] = await db
    .select({ policy: claimPolicies.policy, v: claimPolicies.schemaVersion })
    .from(claimPolicies)
    .where(and(eq(claimPolicies.teamId, teamId), eq(claimPolicies.version, version)));
  return row ? storedPolicy(row) : DEFAULT_POLICY;
}
