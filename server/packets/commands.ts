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
import { scorePacket, scoreWith } from '@/lib/packet/score';
import { IMPLEMENTATION_RULES } from '@/lib/relay/implementation-rules';
import { stageOf } from '@/lib/relay/packet-stage';
import { accept, handOn, handOnRefusal, reviewRefusal, sendBack, type RelayRefusal } from '@/lib/relay/relay-lifecycle';
import { stageRules, type RelayPolicy } from '@/lib/relay/relay-policy';
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
import { relayPolicyFor } from './team-relay';
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
  /** the CSM who holds the packet from now on (accept by a CSM; a reassignment moves it) */
  csmUserId?: number;
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
/** Who may accept or return at some stage of some relay; which stage is decided on the packet (lib/relay/relay-lifecycle.ts). */
const RECEIVERS: Caller['role'][] = [...REVIEWERS, 'implementation'];

/** A relay refusal as the answer: 409 wrong_status as the status table words it, or 403 naming who may. */
function relayError(r: RelayRefusal, before: Packet, refusedAs: string, what: string): ApiError {
  if (r.code === 'wrong_status') return new ApiError(409, 'wrong_status', `A ${before.status} packet cannot be ${refusedAs}.`, null, { status: before.status });
  return new ApiError(403, 'forbidden', `At the ${stageOf(before)} stage only ${r.allowed.join(', ')} may ${what}.`, null, { allowed: r.allowed });
}

/**
 * The checklist that gates handing on from the packet's stage: sales uses the
 * team's template (today's rule), implementation its stage template. 422
 * incomplete with the missing items; returns the completeness for the audit log.
 */
async function handOnGate(s: Step<unknown>, policy: RelayPolicy): Promise<number> {
  const stage = stageRules(policy, 'implementation');
  const score =
    stageOf(s.before) === 'implementation' && 'template' in stage
      ? { ...scoreWith(IMPLEMENTATION_RULES, s.before, stage.template), threshold: stage.template.threshold }
      : await teamTemplate(s.tx, s.caller.teamId).then((t) => ({ ...scorePacket(s.before, t), threshold: t.threshold }));
  if (!score.canSubmit) {
    throw new ApiError(422, 'incomplete', `The packet is not complete (${score.completeness}% of ${score.threshold}%).`, null, {
      missing: score.missingRequired.map((i) => i.id),
      completeness: score.completeness,
      threshold: score.threshold,
    });
  }
  return score.completeness;
}

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
    // accepted: a later stage of the relay hands on what it accepted (lib/relay)
    from: ['draft', 'returned', 'accepted'],
    refusedAs: 'submitted',
    run: async (s) => {
      const policy = await relayPolicyFor(s.tx, s.caller.teamId);
      const refusal = handOnRefusal(s.before, policy, s.caller.role);
      if (refusal) throw relayError(refusal, s.before, 'submitted', 'hand it on');
      const completeness = await handOnGate(s, policy);
      const after = handOn(s.before, policy, s.now);
      // completeness is kept for team health
      return { after, audit: { status: after.status, completeness, ...(after.relay ? { stage: after.relay.stage } : {}) }, notice: lifecycleNotice(s, after, 'submitted') };
    },
    summary: 'Submit: hand on to the next stage of the relay (re-checked against the stage’s checklist)',
    roles: 'owner rep, manager, admin; at the implementation stage its receiving role',
  }),
  accept: def({
    body: emptyBodySchema,
    allow: { roles: RECEIVERS, what: 'accept a packet' },
    from: ['submitted'],
    refusedAs: 'accepted',
    run: async (s) => {
      const refusal = reviewRefusal(s.before, await relayPolicyFor(s.tx, s.caller.teamId), s.caller.role);
      if (refusal) throw relayError(refusal, s.before, 'accepted', 'accept it');
      const after = accept(s.before, s.caller.name, s.now);
      return { after, ...(after.relay ? { audit: { status: after.status, stage: after.relay.stage } } : {}), notice: lifecycleNotice(s, after, 'accepted'), ...(s.caller.role === 'csm' ? { csmUserId: s.caller.userId } : {}) };
    },
    summary: 'Accept a submitted packet into the stage it was handed to',
    roles: 'the stage’s receiving role (csm by default), manager, admin',
  }),
  return: def({
    body: returnBodySchema,
    form: 'return',
    allow: { roles: RECEIVERS, what: 'return a packet' },
    from: ['submitted'],
    refusedAs: 'returned',
    run: async (s) => {
      const refusal = reviewRefusal(s.before, await relayPolicyFor(s.tx, s.caller.teamId), s.caller.role);
      if (refusal) throw relayError(refusal, s.before, 'returned', 'return it');
      const reasons = s.body.reasons;
      const after = sendBack(s.before, reasons, s.now);
      return { after, audit: { status: after.status, reasons, ...(after.relay ? { stage: after.relay.stage } : {}) }, notice: lifecycleNotice(s, after, 'returned', reasons.map((r) => `${r.item}: ${r.reason}`)) };
    },
    summary: 'Return with reasons per item, to the stage before',
    roles: 'the stage’s receiving role (csm by default), manager, admin',
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
      caller.role === 'csm' || caller.role === 'implementation' || (caller.role === 'rep' && row.ownerUserId !== caller.userId) ? new ApiError(403, 'forbidden', 'The deal’s rep (or a manager) asks for a CSM.') : null,
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
      if (stageOf(before) !== 'cs') throw new ApiError(409, 'wrong_status', 'The intro follows customer success’s acceptance.', null, { status: before.status });
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
      .set({ data: after, status: after.status, seq: changePosition as unknown as number, updatedAt: new Date(), ...(outcome.csmUserId ? { csmUserId: outcome.csmUserId } : {}) })
      .where(eq(packets.id, row.id));
    await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: `packet.${name}`, packetKey: key, before: { status: before.status }, after: outcome.audit ?? { status: after.status } });
    if (outcome.notice) {
      const { eventId, notice } = outcome.notice;
      await enqueueNotice(tx, caller.teamId, eventId, { ...notice, for: await packetAudience(tx, caller.teamId, notice.event, row.ownerUserId) });
    }
    return after;
  });
}
