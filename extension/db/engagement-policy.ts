// The engagement policy this browser applies: the team's, as the last sync
// brought it (the server enforces the same), else the default.
import { DEFAULT_ENGAGEMENT_POLICY, type EngagementPolicy } from '@/lib/engagement/policy';
import type { BatonDB } from './database';
import { getMeta } from './meta';

export async function cachedEngagementPolicy(db: BatonDB): Promise<EngagementPolicy> {
  return (await getMeta(db, 'engagementPolicy')) ?? DEFAULT_ENGAGEMENT_POLICY;
}
