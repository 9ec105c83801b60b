// Claim request bodies, shared by the server and the extension.
import { z } from 'zod';
import { claimInputKindSchema } from './key-kinds';

export const claimKeyInputSchema = z.strictObject({
  kind: claimInputKindSchema,
  value: z.string().trim().min(1).max(300),
});

export const createClaimBodySchema = z.strictObject({
  customer: z.string().trim().min(1).max(300),
  keys: z.array(claimKeyInputSchema).min(1).max(10),
  /** the CRM deal page it was claimed from, so the popup can open it */
  dealUrl: z.url({ protocol: /^https?$/ }).max(4000).optional(),
  /** key accounts: the department or product line claimed; absent: the whole customer */
  line: z.string().trim().min(1).max(80).optional(),
});

export const lookupQuerySchema = z.strictObject({
  kind: claimInputKindSchema,
  value: z.string().trim().min(1).max(300),
  /** key accounts: is this line free? absent: the whole customer */
  line: z.string().trim().min(1).max(80).optional(),
});

/** Link two names (keys) of one customer: a manager, or the rep holding a live claim on one of them. */
export const aliasBodySchema = z.strictObject({
  key: claimKeyInputSchema,
  alias: claimKeyInputSchema,
});

export const aliasListQuerySchema = lookupQuerySchema.pick({ kind: true, value: true });

export const listClaimsQuerySchema = z.strictObject({
  scope: z.enum(['mine', 'team']).default('mine'),
  /** only claims whose extension request awaits a manager */
  extension: z.literal('requested').optional(),
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const stageBodySchema = z.strictObject({
  stage: z.enum(['callAndVisit', 'demoOrTender', 'signedUnpaid']),
  /** a note, a link or a file name: the evidence the stage needs */
  evidence: z.string().trim().min(1).max(2000),
});

/** A new policy version; version and effective time are set by the server. */
export const policyBodySchema = z
  .record(z.string(), z.unknown())
  .refine((o) => !('version' in o) && !('effectiveAt' in o), { message: 'version and effectiveAt are set by the server', params: { issue: 'serverSets' } });

const userId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const percent = z.number().min(0).max(100);

/** Someone else worked this customer too: the evidence is what a manager rules on. */
export const openConflictBodySchema = z.strictObject({
  evidence: z.string().trim().min(1).max(4000),
});

/** A manager's ruling: who owns the customer and who gets which part of the credit. */
export const ruleConflictBodySchema = z.strictObject({
  ownerUserId: userId,
  credit: z.strictObject({ firstTouch: userId, process: userId, signing: userId }),
  /** percentages; default: the split of the policy version the claim was made under */
  split: z
    .strictObject({ firstTouch: percent, process: percent, signing: percent })
    .refine((s) => s.firstTouch + s.process + s.signing === 100, { message: 'the split must add up to 100', params: { issue: 'splitSum' } })
    .optional(),
  note: z.string().trim().max(4000).default(''),
});

export const listConflictsQuerySchema = z.strictObject({
  state: z.enum(['open', 'ruled', 'all']).default('open'),
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const listPoolQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
