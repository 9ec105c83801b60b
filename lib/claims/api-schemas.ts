// Claim request bodies, shared by the server and the extension.
import { z } from 'zod';

export const claimKeyInputSchema = z.strictObject({
  kind: z.enum(['company', 'phone', 'email', 'domain', 'opportunity']),
  value: z.string().trim().min(1).max(300),
});

export const createClaimBodySchema = z.strictObject({
  customer: z.string().trim().min(1).max(300),
  keys: z.array(claimKeyInputSchema).min(1).max(10),
});

export const lookupQuerySchema = z.strictObject({
  kind: z.enum(['company', 'phone', 'email', 'domain', 'opportunity']),
  value: z.string().trim().min(1).max(300),
});

export const listClaimsQuerySchema = z.strictObject({
  scope: z.enum(['mine', 'team']).default('mine'),
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
