// Shared shapes of CRM detection. Everything here is plain data so it can cross
// extension messaging and be stored as JSON.

export const BUILTIN_CRMS = ['salesforce', 'hubspot', 'pipedrive', 'dynamics', 'zoho', 'fxiaoke'] as const;
export type BuiltinCrm = (typeof BUILTIN_CRMS)[number];
/** A built-in CRM id, or `custom:<slug>` for an admin-defined adapter. */
export type CrmId = BuiltinCrm | `custom:${string}`;

/** A deal's identity: `crm : tenant : recordId` (lib/crm/README.md). */
export interface DealIdentity {
  crm: CrmId;
  /** org host, portal id or org id: whatever separates customers of the CRM */
  tenant: string;
  recordId: string;
}

export const DEAL_FIELDS = ['dealName', 'accountName', 'amount', 'currency', 'stage', 'closeDate', 'owner', 'probability'] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

/** What the page shows of the deal. `null` = the page does not show it; never a guess. */
export interface DealSnapshot {
  dealName: string | null;
  accountName: string | null;
  amount: number | null;
  /** ISO 4217 */
  currency: string | null;
  stage: string | null;
  /** YYYY-MM-DD */
  closeDate: string | null;
  owner: string | null;
  /** the CRM's own win probability, 0–100 (%) */
  probability: number | null;
}

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

export function dealKey(id: DealIdentity): string {
  return `${id.crm}:${id.tenant}:${id.recordId}`;
}

/** `read`'s values over `base`'s: fields `read` did not find keep `base`'s value (same deal only). */
export function withoutBlanks(base: DealSnapshot, read: DealSnapshot): DealSnapshot {
  const out = { ...base };
  for (const f of DEAL_FIELDS) if (read[f] !== null) (out as Record<DealField, unknown>)[f] = read[f];
  return out;
}
