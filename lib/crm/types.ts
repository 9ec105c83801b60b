// Shared shapes of CRM detection: the deal's identity and what the page shows
// of it. The zod schemas are the single definition (types are inferred), used
// by the packet, the sync API, the messages between the extension's contexts
// and the server. Everything is plain data: it crosses messaging and is stored as JSON.
// Written with zod's tree-shakable "mini" API, like every schema the content
// script imports (its bundle is held to 30 KB gzip, issue 14); classic zod
// schemas elsewhere nest these as they are.
import * as z from 'zod/mini';

export const BUILTIN_CRMS = ['salesforce', 'hubspot', 'pipedrive', 'dynamics', 'zoho', 'fxiaoke'] as const;
export type BuiltinCrm = (typeof BUILTIN_CRMS)[number];

/**
 * A built-in CRM id, or `custom:<slug>` for an admin-defined adapter (slug: a-z, 0-9, "-", 1–40);
 * also an adapter definition's id (adapter-schema.ts), hence the admin-facing message.
 */
export const crmIdSchema = z.union([z.enum(BUILTIN_CRMS), z.string().check(z.regex(/^custom:[a-z0-9-]{1,40}$/, 'custom ids look like custom:my-crm'))]);
export type CrmId = z.infer<typeof crmIdSchema>;

/** A deal's identity: `crm : tenant : recordId` (docs: lib/crm/deal-key.ts). */
export const dealIdentitySchema = z.object({
  crm: crmIdSchema,
  /** org host (with its port), portal id or org id: whatever separates customers of the CRM */
  tenant: z.string().check(z.minLength(1), z.maxLength(200)),
  recordId: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type DealIdentity = z.infer<typeof dealIdentitySchema>;

export const DEAL_FIELDS = ['dealName', 'accountName', 'amount', 'currency', 'stage', 'closeDate', 'owner', 'probability'] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

const nullableText = z.nullable(z.string().check(z.maxLength(1000)));
/** What the page shows of the deal. `null` = the page does not show it; never a guess. */
export const dealSnapshotSchema = z.object({
  dealName: nullableText,
  accountName: nullableText,
  amount: z.nullable(z.number()), // finite: zod 4 numbers refuse Infinity
  /** ISO 4217 */
  currency: z.nullable(z.string().check(z.regex(/^[A-Z]{3}$/))),
  stage: nullableText,
  /** YYYY-MM-DD: a calendar day, not an instant */
  closeDate: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  owner: nullableText,
  /** the CRM's own win probability, 0–100 (%); packets stored before it was read have none */
  probability: z._default(z.nullable(z.number().check(z.gte(0), z.lte(100))), null),
});
export type DealSnapshot = z.infer<typeof dealSnapshotSchema>;

export const emptySnapshot = (): DealSnapshot => ({
  dealName: null,
  accountName: null,
  amount: null,
  currency: null,
  stage: null,
  closeDate: null,
  owner: null,
  probability: null,
});

/** `read`'s values over `base`'s: fields `read` did not find keep `base`'s value (same deal only). */
export function withoutBlanks(base: DealSnapshot, read: DealSnapshot): DealSnapshot {
  const out = { ...base };
  for (const f of DEAL_FIELDS) if (read[f] !== null) (out as Record<DealField, unknown>)[f] = read[f];
  return out;
}
