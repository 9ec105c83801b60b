// The checklist template this browser scores with and the engagement policy it
// applies: the team's, as the last sync brought them (the server enforces the
// same), else the defaults.
import { DEFAULT_TEMPLATE, type ChecklistTemplate } from '@/lib/packet/checklist-template';
import { DEFAULT_ENGAGEMENT_POLICY, type EngagementPolicy } from '@/lib/engagement/policy';
import type { BatonDB } from './database';
import { getMeta } from './meta';

export async function cachedTemplate(db: BatonDB): Promise<ChecklistTemplate> {
  return (await getMeta(db, 'checklistTemplate')) ?? DEFAULT_TEMPLATE;
}

export async function cachedEngagementPolicy(db: BatonDB): Promise<EngagementPolicy> {
  return (await getMeta(db, 'engagementPolicy')) ?? DEFAULT_ENGAGEMENT_POLICY;
}
