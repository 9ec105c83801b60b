// The database port's half of the message map (see messages.ts): each request
// the sidebar frame sends the background, with the schemas of the request and
// of its answer. Kept apart from messages.ts so the content script does not
// bundle the packet and claim schemas.
import { z } from 'zod';
import { keyRulesSchema } from '@/lib/claims/policy';
import { claimInputKindSchema } from '@/lib/claims/key-kinds';
import { DEAL_FIELDS, dealIdentitySchema, dealSnapshotSchema } from '@/lib/crm/types';
import { DRAFT_KINDS } from '@/lib/drafting/draft-request';
import { engagementPolicySchema } from '@/lib/engagement/policy';
import { LOCALES } from '@/lib/i18n/locale';
import { checklistTemplateSchema } from '@/lib/packet/checklist-template';
import { packetCommandSchema } from '@/lib/packet/commands';
import { REFUSAL_CODES } from '@/lib/packet/edit-rights';
import { packetSchema } from '@/lib/packet/schema';
import { packetOpSchema } from '@/lib/sync/packet-ops';
import { message } from './message-map';
import { apiAnswerSchema } from './messages';

export const DB_PORT = 'baton-db';

/**
 * When the background read a packet: later reads carry a larger `n`. The
 * sidebar keeps the freshest read, not the one with the newest updatedAt,
 * which is another device's wall clock and may be hours off.
 */
export const readStampSchema = z.object({
  /** this run of the background (its counter restarts with it) */
  epoch: z.string(),
  n: z.number(),
});
export type ReadStamp = z.infer<typeof readStampSchema>;

/** An edit the server refused, as the sidebar shows it at its field (extension/db/refusals.ts keeps them). */
export const refusedEditViewSchema = z.object({
  id: z.string(),
  packetKey: z.string(),
  op: packetOpSchema,
  at: z.string(),
  code: z.enum(REFUSAL_CODES),
  reason: z.string(),
});
export type RefusedEditView = z.infer<typeof refusedEditViewSchema>;

const claimKeyInput = z.object({ kind: claimInputKindSchema, value: z.string() });
const packetRead = z.object({ packet: packetSchema.nullable(), stamp: readStampSchema });

/** Database port requests (sidebar → background), by type: the request and the answer. */
export const DB_MESSAGES = {
  'packet:open': message(
    'packet:open',
    'sidebar',
    { identity: dealIdentitySchema, snapshot: dealSnapshotSchema, href: z.string(), ready: z.boolean() },
    z.object({ packet: packetSchema, unreadable: z.array(z.enum(DEAL_FIELDS)) }),
  ),
  'packet:apply': message('packet:apply', 'sidebar', { key: z.string(), ops: z.array(packetOpSchema) }, packetRead),
  'packet:watch': message('packet:watch', 'sidebar', { key: z.string() }, packetRead.extend({ refusals: z.array(refusedEditViewSchema) })),
  'packet:unwatch': message('packet:unwatch', 'sidebar', { key: z.string() }, z.null()),
  /** a refused edit: let go of it (after the person confirmed) or send it again (e.g. as an amendment) */
  'refusal:discard': message('refusal:discard', 'sidebar', { id: z.string() }, z.null()),
  'refusal:resend': message('refusal:resend', 'sidebar', { id: z.string() }, z.null()),
  'packet:command': message(
    'packet:command',
    'sidebar',
    { key: z.string(), command: packetCommandSchema, body: z.unknown().optional() },
    z.object({ ok: z.boolean(), status: z.number(), error: z.object({ code: z.string(), message: z.string(), missing: z.array(z.string()).optional() }).optional() }),
  ),
  'claim:lookup': message('claim:lookup', 'sidebar', { kind: claimInputKindSchema, value: z.string() }, apiAnswerSchema),
  /** 202 {pending: true} when the server was unreachable: sent with the next sync */
  'claim:create': message('claim:create', 'sidebar', { customer: z.string(), keys: z.array(claimKeyInput), dealUrl: z.string().optional(), line: z.string().optional() }, apiAnswerSchema),
  'template:get': message('template:get', 'sidebar', {}, checklistTemplateSchema),
  'engagement:get': message('engagement:get', 'sidebar', {}, engagementPolicySchema),
  'keyRules:get': message('keyRules:get', 'sidebar', {}, keyRulesSchema),
  /** other claim commands of the panel (stages, extension, conflicts, pool): /v1/claims… only */
  'claim:call': message('claim:call', 'sidebar', { method: z.enum(['GET', 'POST']), path: z.string(), body: z.unknown().optional() }, apiAnswerSchema),
  /** the team's drafting model: on or off, its name (GET /v1/team/drafting) */
  'drafting:get': message('drafting:get', 'sidebar', {}, apiAnswerSchema),
  /** a draft of a section by the team's model (POST /v1/drafts), after this browser's edits are pushed */
  'draft:request': message('draft:request', 'sidebar', { key: z.string(), kind: z.enum(DRAFT_KINDS), locale: z.enum(LOCALES) }, apiAnswerSchema),
};
export type DbType = keyof typeof DB_MESSAGES;
export type DbRequest<T extends DbType = DbType> = z.infer<(typeof DB_MESSAGES)[T]['request']>;
export type DbAnswer<T extends DbType> = z.infer<(typeof DB_MESSAGES)[T]['answer']>;

const dbRequestSchema = z.discriminatedUnion('type', [
  DB_MESSAGES['packet:open'].request,
  DB_MESSAGES['packet:apply'].request,
  DB_MESSAGES['packet:watch'].request,
  DB_MESSAGES['packet:unwatch'].request,
  DB_MESSAGES['refusal:discard'].request,
  DB_MESSAGES['refusal:resend'].request,
  DB_MESSAGES['packet:command'].request,
  DB_MESSAGES['claim:lookup'].request,
  DB_MESSAGES['claim:create'].request,
  DB_MESSAGES['template:get'].request,
  DB_MESSAGES['engagement:get'].request,
  DB_MESSAGES['keyRules:get'].request,
  DB_MESSAGES['claim:call'].request,
  DB_MESSAGES['drafting:get'].request,
  DB_MESSAGES['draft:request'].request,
]);
/** A request on the database port, numbered so its answer finds it. */
export const dbClientMessageSchema = z.object({ id: z.number().int(), req: dbRequestSchema });

/** The database port, background → sidebar: an answer (its result is parsed with DB_MESSAGES[type].answer), or a watched packet's change. */
export const dbServerMessageSchema = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: z.string() }),
  packetRead.extend({ type: z.literal('packet:changed'), key: z.string(), refusals: z.array(refusedEditViewSchema) }),
]);
export type DbServerMessage = z.infer<typeof dbServerMessageSchema>;

