// The team's engagement policy (lib/engagement/policy.ts): read wherever the
// server needs it (won-stage detection, team health), changed by managers.
import { DEFAULT_ENGAGEMENT_POLICY, engagementPolicySchema, type EngagementPolicy } from '@/lib/engagement/policy';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { teamEngagement } from '../db/schema';
import { zodInvalid } from '../http/validate';
import { teamSetting } from './team-setting';

const policy = teamSetting<EngagementPolicy>('engagementPolicy', teamEngagement, engagementPolicySchema, DEFAULT_ENGAGEMENT_POLICY, { roles: ['manager', 'admin'], what: 'change the engagement policy', action: 'team.engagement' });

export const engagementPolicyFor = policy.read;

/** Saves `input` (checked: 400 with the field's path) as the team's engagement policy. */
export const saveEngagementPolicy = (db: Db, caller: Caller, input: unknown) =>
  policy.save(db, caller, () => {
    const parsed = engagementPolicySchema.safeParse(input);
    if (!parsed.success) throw zodInvalid(parsed.error, { form: 'engagement', input });
    return parsed.data;
  });
