// The checklist template this browser scores with: the team's, as the last
// sync brought it (the server enforces the same), else the default. (The
// engagement policy is in engagement-policy.ts, so the popup, which scores
// packets, does not build that policy's schema.)
import { DEFAULT_TEMPLATE, type ChecklistTemplate } from '@/lib/packet/checklist-template';
import type { BatonDB } from './database';
import { getMeta } from './meta';

export async function cachedTemplate(db: BatonDB): Promise<ChecklistTemplate> {
  return (await getMeta(db, 'checklistTemplate')) ?? DEFAULT_TEMPLATE;
}
