// Answers of the sync server's /v1 API as the extension reads them: every
// body received from fetch is parsed with one of these (never cast), so a
// server of another version, a proxy's error page or a truncated body is
// refused at the edge instead of flowing into IndexedDB. Objects are not
// strict: a newer server may add fields, which are dropped.
import { z } from 'zod';
import { checklistTemplateSchema } from '@/lib/packet/checklist-template';
import { engagementPolicySchema } from '@/lib/engagement/policy';
import { REFUSAL_CODES } from '@/lib/packet/edit-rights';
import { storedPacketSchema } from '@/lib/packet/schema';
import { ROLES } from '@/lib/packet/edit-rights';
import { HLC_PATTERN } from './hlc';

/** Every 4xx/5xx: {error: {code, message, path?, issues?, ...details}}, defined with the reader of its words (lib/i18n/api-errors.ts). */
export { errorAnswerSchema, type ErrorAnswer } from '@/lib/i18n/api-errors';

/** GET /v1/me: who the token belongs to. */
export const meAnswerSchema = z.object({
  user: z.object({ id: z.number().int(), name: z.string(), role: z.enum(ROLES), channel: z.string().nullable(), department: z.string().nullable().optional() }),
  team: z.object({ id: z.number().int(), name: z.string() }),
});

/** POST /v1/sync/push: one result per mutation; a refusal code this build does not know reads as "invalid". */
export const pushAnswerSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['applied', 'duplicate', 'rejected']),
      code: z.enum(REFUSAL_CODES).optional().catch('invalid'),
      reason: z.string().optional(),
    }),
  ),
});

/**
 * GET /v1/sync/pull: packets changed after `cursor` (each parsed on its own,
 * so one bad packet does not stop the page), the new cursor, and the newest
 * HLC among them (null when none, or not an HLC).
 */
export const pullAnswerSchema = z.object({
  packets: z.array(z.unknown()),
  cursor: z.number().int().min(0),
  more: z.boolean(),
  hlc: z.string().regex(HLC_PATTERN).nullable().optional().catch(null),
});

/** GET /v1/packets/:key and every packet command (submit, accept, …). */
export const packetAnswerSchema = z.object({ packet: storedPacketSchema });

/** GET /v1/team/template. */
export const templateAnswerSchema = z.object({ template: checklistTemplateSchema });

/** GET /v1/team/engagement. */
export const engagementAnswerSchema = z.object({ policy: engagementPolicySchema });

export type MeAnswer = z.infer<typeof meAnswerSchema>;

/** A person as GET /v1/users lists them (admins and managers). */
export const teamUserSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(ROLES),
  channel: z.string().nullable(),
  department: z.string().nullable(),
  /** when the person left the team (a reassignment deactivated them); absent from older servers */
  deactivatedAt: z.string().nullable().optional(),
});

/** GET /v1/users. */
export const usersAnswerSchema = z.object({ users: z.array(teamUserSchema) });

/** GET /v1/users/:id/tokens: labels and dates only; a token's secret is shown once, when made. */
export const tokensAnswerSchema = z.object({
  tokens: z.array(z.object({ id: z.number().int(), label: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })),
});

/** POST /v1/users/:id/tokens: the new token, shown this once. */
export const newTokenAnswerSchema = z.object({ token: z.string() });

/** POST /v1/team/template/preview: how many open packets a proposed template affects. */
export const templatePreviewAnswerSchema = z.object({
  openPackets: z.number().int(),
  belowThresholdNow: z.number().int(),
  belowThresholdAfter: z.number().int(),
  cannotSubmitAfter: z.number().int(),
});

export type TeamUser = z.infer<typeof teamUserSchema>;
export type TeamToken = z.infer<typeof tokensAnswerSchema>['tokens'][number];
export type TemplatePreviewAnswer = z.infer<typeof templatePreviewAnswerSchema>;
