// Claim answers of the sync server as the extension reads them (parsed, never
// cast; see lib/sync/api-responses.ts).
import { z } from 'zod';
import { claimPolicySchema, LADDER_STAGES } from './policy';

/** One claim as GET /v1/claims lists it, reduced to what the popup's cache keeps. */
export const claimSummarySchema = z.object({
  id: z.number().int(),
  customer: z.string(),
  claimedAt: z.string(),
  /** an ISO instant; normalised to toISOString() so string order is time order */
  expiresAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()),
  releasedAt: z.string().nullable(),
  wonAt: z.string().nullable(),
  /** the CRM deal page it was claimed from (older claims: none) */
  dealUrl: z.string().nullable().optional(),
});

/** GET /v1/claims: a page of claims and the server's clock when it answered. */
export const claimsPageSchema = z.object({
  claims: z.array(claimSummarySchema),
  next: z.number().int().nullable(),
  serverTime: z.iso.datetime({ offset: true }),
});

/** GET /v1/claims?scope=team…, /v1/claims/conflicts: only how many there are is read. */
export const claimCountSchema = z.object({ claims: z.array(z.unknown()) });
export const conflictCountSchema = z.object({ conflicts: z.array(z.unknown()) });

/** GET /v1/claims/policy: the version in force. */
export const policyAnswerSchema = z.object({ policy: claimPolicySchema });

export type ClaimSummary = z.infer<typeof claimSummarySchema>;

/** GET /v1/claims/lookup (and the sidebar's offline "pending"): who holds a customer, as the claim panel shows it. Instants are ISO 8601. */
export const lookupAnswerSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('free') }),
  /** a claim made here while offline, not yet sent */
  z.object({ status: z.literal('pending') }),
  z.object({ status: z.literal('pool'), since: z.string(), mayClaim: z.boolean(), refusal: z.looseObject({ code: z.string(), until: z.string().optional(), department: z.string().nullable().optional() }).optional() }),
  /** `holder` is absent when a partner asks about another's claim */
  z.object({ status: z.literal('taken'), until: z.string(), claimId: z.number().int().optional(), holder: z.object({ name: z.string() }).optional() }),
  z.object({
    status: z.literal('mine'),
    until: z.string(),
    claimId: z.number().int(),
    nextStage: z.object({ stage: z.enum(LADDER_STAGES), days: z.number() }).nullable(),
    extension: z.enum(['available', 'requested', 'approved', 'denied']),
    policy: z.object({ version: z.number().int(), mode: z.enum(['flat', 'ladder']), flatDays: z.number(), extensionDays: z.number(), ladder: z.object({ initialDays: z.number() }) }).optional(),
  }),
]);
export type LookupAnswer = z.infer<typeof lookupAnswerSchema>;

/** GET /v1/claims/:id/history: the customer's earlier claims (a partner sees only their own holders' names). */
export const claimHistorySchema = z.object({
  earlier: z.array(
    z.object({
      claimId: z.number().int(),
      holder: z.object({ name: z.string() }).nullable(),
      claimedAt: z.string(),
      ended: z.object({ how: z.enum(['expired', 'released', 'won', 'live']), at: z.string().nullable() }),
      stages: z.array(z.object({ stage: z.enum(LADDER_STAGES), at: z.string(), evidence: z.string() })),
      conflicts: z.array(z.object({ evidence: z.string() })),
    }),
  ),
});

/** GET /v1/claims/aliases: the customer's key and the groups of names linked to it. */
export const aliasesAnswerSchema = z.object({
  key: z.string(),
  aliases: z.array(z.object({ keys: z.array(z.string()), names: z.array(z.string()), removedAt: z.string().nullable() })),
});

/** GET /v1/claims?scope=team&extension=requested: the claims whose holders asked for the extension (managers). */
export const extensionRequestsAnswerSchema = z.object({
  claims: z.array(z.object({ id: z.number().int(), userId: z.number().int(), customer: z.string(), expiresAt: z.string(), extensionRequestedAt: z.string() })),
});

const personRefSchema = z.object({ userId: z.number().int(), name: z.string() }).nullable();

/** GET /v1/claims/conflicts?state=open: disputes waiting for a manager's ruling. */
export const openConflictsAnswerSchema = z.object({
  conflicts: z.array(
    z.object({
      id: z.number().int(),
      claimId: z.number().int(),
      customer: z.string(),
      until: z.string(),
      holder: personRefSchema,
      openedBy: personRefSchema,
      evidence: z.string(),
      openedAt: z.string(),
    }),
  ),
});

export type ExtensionRequest = z.infer<typeof extensionRequestsAnswerSchema>['claims'][number];
export type OpenConflict = z.infer<typeof openConflictsAnswerSchema>['conflicts'][number];
