// Request bodies of the sync server's /v1 API, shared by the server (which
// validates every input with them) and the extension (which sends them).
import { z } from 'zod';
import { RULE_IDS } from '@/lib/packet/checklist-rules';
import { dealSnapshotSchema } from '@/lib/crm/types';
import { ROLES } from '@/lib/packet/edit-rights';
import { PACKET_STATUSES } from '@/lib/packet/schema';
import { HLC_PATTERN } from './hlc';

const path = z.string().min(1).max(200).regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, 'a field path like profile.industry');
const listPath = z.enum(['stakeholders', 'contract.purchases', 'goals', 'openItems', 'milestones', 'risks.items', 'followUps', 'introductions', 'expansion.opportunities', 'prefill.dismissed']);
const itemId = z.string().min(1).max(64);
const value = z.union([z.string().max(10_000), z.number().finite(), z.boolean(), z.null()]);
const fields = z.record(z.string().min(1).max(64), value).refine((o) => Object.keys(o).length <= 30, { message: 'too many fields', params: { issue: 'tooManyFields' } });

/** A packet op as the server takes it: the local shape (lib/sync/packet-ops.ts) with limits, so hostile input fails with a path. */
export const mutationOpSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('set'), path, value }),
  z.strictObject({ kind: z.literal('add'), list: listPath, item: z.looseObject({ id: itemId }).and(fields) }),
  z.strictObject({ kind: z.literal('update'), list: listPath, id: itemId, patch: fields }),
  z.strictObject({ kind: z.literal('remove'), list: listPath, id: itemId }),
  z.strictObject({ kind: z.literal('deal'), snapshot: dealSnapshotSchema, dealUrl: z.string().max(4000) }),
  z.strictObject({ kind: z.literal('status'), status: z.enum(PACKET_STATUSES) }),
]);

export const packetKeySchema = z.string().min(3).max(500).regex(/^[a-z]+(?::[a-z0-9-]+)?:[^:\s][^\s]*:[^\s]+$/, 'a deal key crm:tenant:recordId');

export const mutationSchema = z.strictObject({
  id: z.string().min(1).max(64),
  packetKey: packetKeySchema,
  op: mutationOpSchema,
  hlc: z.string().regex(HLC_PATTERN, 'a hybrid logical clock timestamp'),
});

export const pushBodySchema = z.strictObject({
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8–64 letters, digits, - or _'),
  mutations: z.array(mutationSchema).min(1).max(500),
});

export const pullQuerySchema = z.strictObject({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const listQuerySchema = z.strictObject({
  status: z.enum(PACKET_STATUSES).optional(),
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const returnBodySchema = z.strictObject({
  reasons: z
    .array(z.strictObject({ item: z.string().min(1).max(100), reason: z.string().trim().min(1).max(2000) }))
    .min(1)
    .max(50),
});

export const amendBodySchema = z.strictObject({ note: z.string().trim().min(1).max(4000) });
export const emptyBodySchema = z.strictObject({}).optional();

export const channelSchema = z.string().regex(/^(direct|telesales|partner:[A-Za-z0-9 _.-]{1,60})$/, 'direct, telesales or partner:NAME');

export const departmentSchema = z.string().trim().min(1).max(60);

export const createUserBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  channel: channelSchema.optional(),
  /** the department whose pool the user's expired claims fall into */
  department: departmentSchema.optional(),
});
export const updateUserBodySchema = z.strictObject({
  role: z.enum(ROLES).optional(),
  channel: channelSchema.nullable().optional(),
  department: departmentSchema.nullable().optional(),
});
export const createTokenBodySchema = z.strictObject({ label: z.string().max(200).default('') }).optional();

// The team chat webhook's settings live with the rest of its rules.
export { webhookBodySchema } from '@/lib/webhooks/config-schema';

export type PushBody = z.infer<typeof pushBodySchema>;
export type Mutation = z.infer<typeof mutationSchema>;

/** GET /v1/team/health: the period (default: the last 30 days) and the format. */
export const healthQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

/** GET /v1/team/health/trends: the period (default the last 12 weeks, at most 366 days) and the filters (a person's id; a handoff stage). */
export const healthTrendsQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  rep: z.coerce.number().int().positive().optional(),
  csm: z.coerce.number().int().positive().optional(),
  stage: z.string().min(1).max(60).optional(),
});
export type HealthTrendsQuery = z.infer<typeof healthTrendsQuerySchema>;

/** PUT /v1/team/template and its preview: the version is the server's to set. */
export const templateBodySchema = z
  .strictObject({
    version: z.number().int().nonnegative().default(0),
    threshold: z.number().min(0).max(100),
    items: z.array(z.strictObject({ id: z.enum(RULE_IDS), required: z.boolean(), weight: z.number().positive().max(1000) })).min(1).max(50),
  })
  .refine((t) => new Set(t.items.map((i) => i.id)).size === t.items.length, { message: 'each rule may appear once', path: ['items'], params: { issue: 'ruleOnce' } });

/** PUT /v1/team/engagement: an object, checked in full against the policy schema by the server (paths in errors). */
export const engagementBodySchema = z.record(z.string(), z.unknown());
