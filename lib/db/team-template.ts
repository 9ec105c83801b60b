// The checklist template this browser scores with: the team's, as the last
// sync brought it (the server enforces the same on submit), else the default.
import { checklistTemplateSchema, DEFAULT_TEMPLATE, type ChecklistTemplate } from '@/lib/packet/checklist-template';
import type { BatonDB } from './database';

export async function cachedTemplate(db: BatonDB): Promise<ChecklistTemplate> {
  const parsed = checklistTemplateSchema.safeParse((await db.meta.get('checklistTemplate'))?.value);
  return parsed.success ? parsed.data : DEFAULT_TEMPLATE;
}
