// The team's checklist template: read for every submit (the server re-scores
// with it), changed by managers and admins, and previewed before saving —
// how many open packets would fall below the threshold.
import { and, eq, inArray } from 'drizzle-orm';
import { checklistTemplateSchema, DEFAULT_TEMPLATE, type ChecklistTemplate } from '@/lib/packet/checklist-template';
import { storedPacketSchema } from '@/lib/packet/schema';
import { scorePacket } from '@/lib/packet/score';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { packets, teamSettings } from '../db/schema';
import { requireRole } from '../http/auth';
import { teamSetting } from './team-setting';

const template = teamSetting<ChecklistTemplate>('checklistTemplate', teamSettings, checklistTemplateSchema, DEFAULT_TEMPLATE, { roles: ['manager', 'admin'], what: 'change the checklist template', action: 'team.template' });

export const teamTemplate = template.read;

/** Saves `input` as the team's template, one version past the one in force. */
export const saveTemplate = (db: Db, caller: Caller, input: ChecklistTemplate) => template.save(db, caller, (before) => ({ ...input, version: before.version + 1 }));

/** Open packets (not yet accepted) scored with the current and with a proposed template. */
export async function previewTemplate(db: Db, caller: Caller, proposed: ChecklistTemplate) {
  requireRole(caller, ['manager', 'admin'], 'preview the checklist template');
  const current = await teamTemplate(db, caller.teamId);
  const rows = await db
    .select({ data: packets.data })
    .from(packets)
    .where(and(eq(packets.teamId, caller.teamId), inArray(packets.status, ['draft', 'returned', 'submitted'])))
    .limit(10_000);
  let belowNow = 0;
  let belowAfter = 0;
  let blockedAfter = 0;
  for (const r of rows) {
    const p = storedPacketSchema.safeParse(r.data);
    if (!p.success) continue;
    const a = scorePacket(p.data, current);
    const b = scorePacket(p.data, proposed);
    if (a.completeness < current.threshold) belowNow++;
    if (b.completeness < proposed.threshold) belowAfter++;
    if (!b.canSubmit) blockedAfter++;
  }
  return { openPackets: rows.length, belowThresholdNow: belowNow, belowThresholdAfter: belowAfter, cannotSubmitAfter: blockedAfter };
}
