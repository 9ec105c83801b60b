// The team's engagement policy (lib/engagement/policy.ts): read wherever the
// server needs it (won-stage detection, team health), changed by managers.
import { eq } from 'drizzle-orm';
import { DEFAULT_ENGAGEMENT_POLICY, engagementPolicySchema, type EngagementPolicy } from '@/lib/engagement/policy';
import { settingVersion } from '@/lib/stored/setting-versions';
import { audit, type Tx } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { teamEngagement } from '../db/schema';
import { requireRole } from '../http/auth';
import { zodInvalid } from '../http/validate';
import { storedSettingOr } from './team-setting';

const schemaVersion = settingVersion('engagementPolicy');

export async function engagementPolicyFor(db: Db | Tx, teamId: number): Promise<EngagementPolicy> {
  const [row] = await db.select({ doc: teamEngagement.policy, v: teamEngagement.schemaVersion }).from(teamEngagement).where(eq(teamEngagement.teamId, teamId));
  return storedSettingOr('engagementPolicy', row, engagementPolicySchema, DEFAULT_ENGAGEMENT_POLICY);
}

export async function saveEngagementPolicy(db: Db, caller: Caller, input: unknown): Promise<EngagementPolicy> {
  requireRole(caller, ['manager', 'admin'], 'change the engagement policy');
  const parsed = engagementPolicySchema.safeParse(input);
  if (!parsed.success) throw zodInvalid(parsed.error, { form: 'engagement', input });
  return writeTransaction(db, async (tx) => {
    const before = await engagementPolicyFor(tx, caller.teamId);
    await tx
      .insert(teamEngagement)
      .values({ teamId: caller.teamId, policy: parsed.data, schemaVersion })
      .onConflictDoUpdate({ target: teamEngagement.teamId, set: { policy: parsed.data, schemaVersion, updatedAt: new Date() } });
    await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'team.engagement', before, after: parsed.data });
    return parsed.data;
  });
}
