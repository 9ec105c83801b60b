// Kinds of claim key, exported once for the server, the extension and the API schemas.
import { z } from 'zod';

/** What a stored key is (ClaimKey.kind): an email is kept as its company domain. */
export const CLAIM_KEY_KINDS = ['company', 'phone', 'domain', 'opportunity'] as const;
export type ClaimKeyKind = (typeof CLAIM_KEY_KINDS)[number];

/** What a person may give as a key: the stored kinds plus an email (folded to its domain). Order as the API's errors list them. */
export const CLAIM_INPUT_KINDS = ['company', 'phone', 'email', 'domain', 'opportunity'] as const;
export const claimInputKindSchema = z.enum(CLAIM_INPUT_KINDS);
export type ClaimInputKind = z.infer<typeof claimInputKindSchema>;
