// Lifecycle commands (lib/packet/README.md): submit → accepted, or → returned with
// reasons → draft again; amendments after acceptance. The server decides: it
// re-scores the packet with the shared checklist scorer and refuses an
// incomplete one with the missing items.
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { packetSchema, type Packet } from '@/lib/packet/schema';
import { scorePacket } from '@/lib/packet/score';
import { audit } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { packets } from '../db/schema';
import { ApiError, notFound } from '../http/errors';
import { requireRole } from '../http/auth';
import { enqueueNotice } from '../webhooks/outbox';
import { visibleTo } from './access';
import { changePosition } from './change-position';
import { teamTemplate } from './team-template';

type Command = { kind: 'submit' } | { kind: 'accept' } | { kind: 'return'; reasons: { item: string; reason: string }[] } | { kind: 'amend'; note: string } | { kind: 'intro-sent' } | { kind: 'request-csm' };

const FROM: Record<Command['kind'], Packet['status'][]> = {
  submit: ['draft', 'returned'],
  accept: ['submitted'],
  return: ['submitted'],
  amend: ['accepted'],
  'intro-sent': ['accepted'],
  'request-csm': ['draft', 'returned', 'submitted'],
};

export async function runCommand(db: Db, caller: Caller, key: string, cmd: Command): Promise<Packet> {
  if (cmd.kind === 'accept' || cmd.kind === 'return' || cmd.kind === 'intro-sent') requireRole(caller, ['csm', 'manager', 'admin'], cmd.kind === 'intro-sent' ? 'mark the intro sent' : `${cmd.kind} a packet`);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(packets).where(and(visibleTo(caller), eq(packets.key, key))).limit(1).for('update');
    if (!row) throw notFound('No such packet.');
    if (cmd.kind === 'submit' && caller.role === 'rep' && row.ownerUserId !== caller.userId) throw new ApiError(403, 'forbidden', 'Only the owner submits a packet.');
    if (cmd.kind === 'submit' && caller.role === 'csm') throw new ApiError(403, 'forbidden', 'CSMs do not submit packets.');
    if (cmd.kind === 'request-csm' && (caller.role === 'csm' || (caller.role === 'rep' && row.ownerUserId !== caller.userId)))
      throw new ApiError(403, 'forbidden', 'The deal’s rep (or a manager) asks for a CSM.');
    const before = packetSchema.parse(row.data);
    if (!FROM[cmd.kind].includes(before.status)) {
      const done = { submit: 'submitted', accept: 'accepted', return: 'returned', amend: 'amended', 'intro-sent': 'given an intro before it is accepted', 'request-csm': 'given a CSM request after acceptance' }[cmd.kind];
      throw new ApiError(409, 'wrong_status', `A ${before.status} packet cannot be ${done}.`, null, { status: before.status });
    }
    const now = new Date().toISOString();
    const template = cmd.kind === 'submit' ? await teamTemplate(tx, caller.teamId) : null;
    let after: Packet;
    if (cmd.kind === 'submit') {
      const score = scorePacket(before, template!);
      if (!score.canSubmit) {
        throw new ApiError(422, 'incomplete', `The packet is not complete (${score.completeness}% of ${template!.threshold}%).`, null, {
          missing: score.missingRequired.map((i) => i.id),
          completeness: score.completeness,
          threshold: template!.threshold,
        });
      }
      after = { ...before, status: 'submitted', review: { ...before.review, submittedAt: now, returnedReasons: [] } };
    } else if (cmd.kind === 'accept') {
      after = { ...before, status: 'accepted', review: { ...before.review, acceptedAt: now, acceptedBy: caller.name } };
    } else if (cmd.kind === 'return') {
      after = { ...before, status: 'returned', review: { ...before.review, returnedAt: now, returnedReasons: cmd.reasons } };
    } else if (cmd.kind === 'request-csm') {
      if (before.review.csmRequestedAt) throw new ApiError(409, 'csm_requested', `A CSM was already requested at ${before.review.csmRequestedAt}.`, null, { csmRequestedAt: before.review.csmRequestedAt });
      after = { ...before, review: { ...before.review, csmRequestedAt: now } };
      await enqueueNotice(tx, caller.teamId, `${key}:request-csm`, {
        event: 'csm.requested',
        title: `CSM requested: ${before.deal.dealName ?? key}`,
        lines: [`${caller.channel?.startsWith('partner:') ? 'A partner' : caller.name} asks customer success to join before close`, ...(before.deal.accountName ? [before.deal.accountName] : []), ...(before.deal.stage ? [`Stage: ${before.deal.stage}`] : [])],
        ...(before.dealUrl ? { url: before.dealUrl } : {}),
      });
    } else if (cmd.kind === 'intro-sent') {
      // Server time stops the intro clock; once.
      if (before.review.introSentAt) throw new ApiError(409, 'intro_sent', `The intro was already marked sent at ${before.review.introSentAt}.`, null, { introSentAt: before.review.introSentAt });
      after = { ...before, review: { ...before.review, introSentAt: now } };
    } else {
      after = before;
    }
    after = { ...after, updatedAt: now };
    await tx
      .update(packets)
      .set({ data: after, status: after.status, seq: changePosition as unknown as number, updatedAt: new Date() })
      .where(eq(packets.id, row.id));
    await audit(tx, {
      teamId: caller.teamId,
      userId: caller.userId,
      action: `packet.${cmd.kind}`,
      packetKey: key,
      before: { status: before.status },
      after:
        cmd.kind === 'return'
          ? { status: after.status, reasons: cmd.reasons }
          : cmd.kind === 'amend'
            ? { note: cmd.note }
            : cmd.kind === 'submit'
              ? { status: after.status, completeness: scorePacket(after, template!).completeness } // for team health
              : { status: after.status },
    });
    if (cmd.kind === 'submit' || cmd.kind === 'accept' || cmd.kind === 'return') {
      const name = after.deal.dealName ?? key;
      const verb = { submit: 'submitted', accept: 'accepted', return: 'returned' }[cmd.kind];
      await enqueueNotice(tx, caller.teamId, `${key}:${cmd.kind}:${randomUUID()}`, {
        event: `packet.${verb}` as 'packet.submitted',
        title: `Baton: ${name} — ${verb}`,
        lines: [
          `${caller.name} (${caller.role})`,
          ...(after.deal.accountName ? [after.deal.accountName] : []),
          ...(cmd.kind === 'return' ? cmd.reasons.map((r) => `${r.item}: ${r.reason}`) : []),
        ],
        ...(after.dealUrl ? { url: after.dealUrl } : {}),
      });
    }
    return after;
  });
}
