// Claim answers of the sync server as the extension reads them (parsed, never
// cast; see lib/sync/api-responses.ts).
import { z } from 'zod';
import { claimPolicySchema } from './policy';

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
