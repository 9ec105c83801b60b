// The checklist template this browser scores with and the engagement policy it
// applies: the team's, as the last sync brought them (the server enforces the
// same), else the defaults.
import { checklistTemplateSchema, DEFAULT_TEMPLATE, type ChecklistTemplate } from '@/lib/packet/checklist-template';
import { DEFAULT_ENGAGEMENT_POLICY, engagementPolicySchema, type EngagementPolicy } from '@/lib/engagement/policy';
import type { BatonDB } from './database';

export async function cachedTemplate(db: BatonDB): Promise<ChecklistTemplate> {
  const parsed = checklistTemplateSchema.safeParse((await db.meta.get('checklistTemplate'))?.value);
  return parsed.success ? parsed.data : DEFAULT_TEMPLATE;
}

export async function cachedEngagementPolicy(db: BatonDB): Promise<EngagementPolicy> {
  const parsed = engagementPolicySchema.safeParse((await db.meta.get('engagementPolicy'))?.value);
  return parsed.success ? parsed.data : DEFAULT_ENGAGEMENT_POLICY;
}
