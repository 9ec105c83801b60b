// Lifecycle commands (lib/packet/README.md): submit → accepted, or → returned with
// reasons → draft again; amendments after acceptance. The server decides: it
// re-scores the packet with the shared checklist scorer and refuses an
// incomplete one with the missing items. One table entry per command — its
// body schema, who may run it, the statuses it applies to and what it does —
// generates the routes (server/routes/packets.ts) and their OpenAPI entries.
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { FormId } from '@/lib/i18n/field-labels';
import { storedPacketSchema, type Packet } from '@/lib/packet/schema';
import type { PacketCommand } from '@/lib/packet/commands';
import { scorePacket } from '@/lib/packet/score';
import { amendBodySchema, emptyBodySchema, returnBodySchema } from '@/lib/sync/api-schemas';
import { audit, type Tx } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { packets } from '../db/schema';
import { ApiError, notFound } from '../http/errors';
import { requireRole } from '../http/auth';
import type { Notice } from '../webhooks/format';
import { packetAudience } from '../webhooks/audience';
import { enqueueNotice } from '../webhooks/outbox';
import { visibleTo } from './access';
import { changePosition } from './change-position';
import { teamTemplate } from './team-template';

/** What a command's handler sees: the packet as stored, the parsed body, the server's time (ISO 8601). */
interface Step<B> {
  tx: Tx;
  caller: Caller;
  key: string;
  before: Packet;
  body: B;
  now: string;
}

/** The packet after the command (updatedAt is set for it), what the audit log records, and a webhook notice. */
interface Outcome {
  after: Packet;
  /** the audit entry's `after`; default { status } */
  audit?: Record<string, unknown>;
  notice?: { eventId: string; notice: Notice };
}

export interface PacketCommandDef<B> {
  /** the request body, and the form that names its fields in English error messages */
  body: z.ZodType<B>;
  form?: FormId;
  /** roles allowed at all, refused with 403 before the packet is looked up; `what` completes "Only … may <what>." */
  allow?: { roles: Caller['role'][]; what: string };
  /** a refusal that depends on the packet (its owner), after it is found */
  refuse?(caller: Caller, row: { ownerUserId: number | null }): ApiError | null;
  /** the statuses it applies from; `refusedAs` completes "A <status> packet cannot be <refusedAs>." (409 wrong_status) */
  from: Packet['status'][];
  refusedAs: string;
  run(s: Step<B>): Promise<Outcome> | Outcome;
  /** OpenAPI: what it does, and who may run it */
  summary: string;
  roles?: string;
}

const REVIEWERS: Caller['role'][] = ['csm', 'manager', 'admin'];

/** The webhook notice of a lifecycle step (submitted / accepted / returned): who, the account, and any reasons. */
function lifecycleNotice(s: Step<unknown>, after: Packet, verb: 'submitted' | 'accepted' | 'returned', extra: string[] = []): Outcome['notice'] {
  const name = after.deal.dealName ?? s.key;
  return {
    eventId: `${s.key}:${{ submitted: 'submit', accepted: 'accept', returned: 'return' }[verb]}:${randomUUID()}`,
    notice: {
      event: `packet.${verb}`,
      title: `Baton: ${name} — ${verb}`,
      lines: [`${s.caller.name} (${s.caller.role})`, ...(after.deal.accountName ? [after.deal.accountName] : []), ...extra],
      ...(after.dealUrl ? { url: after.dealUrl } : {}),
    },
  };
}

// A command is defined through this so that its handler's body type follows from its schema.
const def = <S extends z.ZodType>(d: PacketCommandDef<z.infer<S>> & { body: S }): PacketCommandDef<unknown> => d;

/** Every lifecycle command by its name in the URL (/v1/packets/:key/<name>). */
export const PACKET_COMMAND_TABLE = {
  submit: def({
    body: emptyBodySchema,
    refuse: (caller, row) =>
      caller.role === 'rep' && row.ownerUserId !== caller.userId
        ? new ApiError(403, 'forbidden', 'Only the owner submits a packet.')
        : caller.role === 'csm'
          ? new ApiError(403, 'forbidden', 'CSMs do not submit packets.')
          : null,
    from: ['draft', 'returned'],
    refusedAs: 'submitted',
    run: async (s) => {
      const template = await teamTemplate(s.tx, s.caller.teamId);
      const score = scorePacket(s.before, template);
      if (!score.canSubmit) {
        throw new ApiError(422, 'incomplete', `The packet is not complete (${score.completeness}% of ${template.threshold}%).`, null, {
          missing: score.missingRequired.map((i) => i.id),
          completeness: score.completeness,
          threshold: template.threshold,
        });
      }
      const after: Packet = { ...s.before, status: 'submitted', review: { ...s.before.review, submittedAt: s.now, returnedReasons: [] } };
      // completeness is kept for team health
      return { after, audit: { status: after.status, completeness: scorePacket(after, template).completeness }, notice: lifecycleNotice(s, after, 'submitted') };
    },
    summary: 'Submit (re-checked against the checklist)',
    roles: 'owner rep, manager, admin',
  }),
  accept: def({
    body: emptyBodySchema,
    allow: { roles: REVIEWERS, what: 'accept a packet' },
    from: ['submitted'],
    refusedAs: 'accepted',
    run: (s) => {
      const after: Packet = { ...s.before, status: 'accepted', review: { ...s.before.review, acceptedAt: s.now, acceptedBy: s.caller.name } };
      return { after, notice: lifecycleNotice(s, after, 'accepted') };
    },
    summary: 'Accept a submitted packet',
    roles: 'csm, manager, admin',
  }),
  return: def({
    body: returnBodySchema,
    form: 'return',
    allow: { roles: REVIEWERS, what: 'return a packet' },
    from: ['submitted'],
    refusedAs: 'returned',
    run: (s) => {
      const reasons = s.body.reasons;
      const after: Packet = { ...s.before, status: 'returned', review: { ...s.before.review, returnedAt: s.now, returnedReasons: reasons } };
      return { after, audit: { status: after.status, reasons }, notice: lifecycleNotice(s, after, 'returned', reasons.map((r) => `${r.item}: ${r.reason}`)) };
    },
    summary: 'Return with reasons per item',
    roles: 'csm, manager, admin',
  }),
  amend: def({
    body: amendBodySchema,
    from: ['accepted'],
    refusedAs: 'amended',
    run: (s) => ({ after: s.before, audit: { note: s.body.note } }),
    summary: 'Record an amendment after acceptance',
  }),
  'request-csm': def({
    body: emptyBodySchema,
    refuse: (caller, row) =>
      caller.role === 'csm' || (caller.role === 'rep' && row.ownerUserId !== caller.userId) ? new ApiError(403, 'forbidden', 'The deal’s rep (or a manager) asks for a CSM.') : null,
    from: ['draft', 'returned', 'submitted'],
    refusedAs: 'given a CSM request after acceptance',
    run: ({ before, caller, key, now }) => {
      if (before.review.csmRequestedAt) throw new ApiError(409, 'csm_requested', `A CSM was already requested at ${before.review.csmRequestedAt}.`, null, { csmRequestedAt: before.review.csmRequestedAt });
      const lines = [
        `${caller.channel?.startsWith('partner:') ? 'A partner' : caller.name} asks customer success to join before close`,
        ...(before.deal.accountName ? [before.deal.accountName] : []),
        ...(before.deal.stage ? [`Stage: ${before.deal.stage}`] : []),
      ];
      return {
        after: { ...before, review: { ...before.review, csmRequestedAt: now } },
        notice: { eventId: `${key}:request-csm`, notice: { event: 'csm.requested', title: `CSM requested: ${before.deal.dealName ?? key}`, lines, ...(before.dealUrl ? { url: before.dealUrl } : {}) } },
      };
    },
    summary: 'Ask customer success to join before close (Rule 2 deals); once',
    roles: 'the deal’s rep, manager, admin',
  }),
  'intro-sent': def({
    body: emptyBodySchema,
    allow: { roles: REVIEWERS, what: 'mark the intro sent' },
    from: ['accepted'],
    refusedAs: 'given an intro before it is accepted',
    run: ({ before, now }) => {
      // Server time stops the intro clock; once.
      if (before.review.introSentAt) throw new ApiError(409, 'intro_sent', `The intro was already marked sent at ${before.review.introSentAt}.`, null, { introSentAt: before.review.introSentAt });
      return { after: { ...before, review: { ...before.review, introSentAt: now } } };
    },
    summary: 'Mark the CSM’s intro to the customer sent (stops the intro clock; once)',
    roles: 'csm, manager, admin',
  }),
} satisfies Record<PacketCommand, PacketCommandDef<unknown>>;

/**
 * Runs one command on a packet of the caller's team, in one transaction: the
 * role check (403), the packet (404), its owner (403), its status (409
 * wrong_status), the handler's own refusals (422 incomplete, 409), then the
 * update, the audit entry (action `packet.<name>`) and the webhook notice.
 * `cmd` is the table's entry for `name`; `body` is already parsed with its
 * schema. Returns the packet as stored.
 */
export async function runCommand(db: Db, caller: Caller, key: string, name: string, cmd: PacketCommandDef<unknown>, body: unknown): Promise<Packet> {
  if (cmd.allow) requireRole(caller, cmd.allow.roles, cmd.allow.what);
  return writeTransaction(db, async (tx) => {
    const [row] = await tx.select().from(packets).where(and(visibleTo(caller), eq(packets.key, key))).limit(1).for('update');
    if (!row) throw notFound('No such packet.');
    const refusal = cmd.refuse?.(caller, row);
    if (refusal) throw refusal;
    const before = storedPacketSchema.parse(row.data);
    if (!cmd.from.includes(before.status)) throw new ApiError(409, 'wrong_status', `A ${before.status} packet cannot be ${cmd.refusedAs}.`, null, { status: before.status });
    const now = new Date().toISOString();
    const outcome = await cmd.run({ tx, caller, key, before, body, now });
    const after: Packet = { ...outcome.after, updatedAt: now };
    await tx
      .update(packets)
      .set({ data: after, status: after.status, seq: changePosition as unknown as number, updatedAt: new Date() })
      .where(eq(packets.id, row.id));
    await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: `packet.${name}`, packetKey: key, before: { status: before.status }, after: outcome.audit ?? { status: after.status } });
    if (outcome.notice) {
      const { eventId, notice } = outcome.notice;
      await enqueueNotice(tx, caller.teamId, eventId, { ...notice, for: await packetAudience(tx, caller.teamId, notice.event, row.ownerUserId) });
    }
    return after;
  });
}
