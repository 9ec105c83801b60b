// The team's checklist template: read for every submit (the server re-scores
// with it), changed by managers and admins, and previewed before saving —
// how many open packets would fall below the threshold.
import { and, eq, inArray } from 'drizzle-orm';
import { checklistTemplateSchema, DEFAULT_TEMPLATE, type ChecklistTemplate } from '@/lib/packet/checklist-template';
import { storedPacketSchema } from '@/lib/packet/schema';
import { scorePacket } from '@/lib/packet/score';
import { settingVersion } from '@/lib/stored/setting-versions';
import { audit, type Tx } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { packets, teamSettings } from '../db/schema';
import { requireRole } from '../http/auth';
import { storedSettingOr } from './team-setting';

const schemaVersion = settingVersion('checklistTemplate');

export async function teamTemplate(db: Db | Tx, teamId: number): Promise<ChecklistTemplate> {
  const [row] = await db.select({ doc: teamSettings.checklistTemplate, v: teamSettings.schemaVersion }).from(teamSettings).where(eq(teamSettings.teamId, teamId));
  return storedSettingOr('checklistTemplate', row, checklistTemplateSchema, DEFAULT_TEMPLATE);
}

export async function saveTemplate(db: Db, caller: Caller, input: ChecklistTemplate): Promise<ChecklistTemplate> {
  requireRole(caller, ['manager', 'admin'], 'change the checklist template');
  return writeTransaction(db, async (tx) => {
    const before = await teamTemplate(tx, caller.teamId);
    const next = { ...input, version: before.version + 1 };
    await tx
      .insert(teamSettings)
      .values({ teamId: caller.teamId, checklistTemplate: next, schemaVersion })
      .onConflictDoUpdate({ target: teamSettings.teamId, set: { checklistTemplate: next, schemaVersion, updatedAt: new Date() } });
    await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'team.template', before, after: next });
    return next;
  });
}

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
