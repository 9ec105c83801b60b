// The packet as the rep has confirmed it (issue 19): values the CRM page filled
// in and the rep has not confirmed yet are left out. Completeness scores this
// view (score.ts), and the popup scores every packet it lists, so this file
// imports no schema (the packet schema costs the popup's start ~13 ms to
// build); the marks themselves are in prefill-marks.ts.
import type { Packet } from './schema';

/** Single fields the page can fill, by their mark's key under `prefill.fields`. */
export const PREFILL_FIELDS = {
  industry: 'profile.industry',
  size: 'profile.size',
  amount: 'contract.amount',
  currency: 'contract.currency',
} as const;
export type PrefillField = keyof typeof PREFILL_FIELDS;
export const FIELD_KEYS = Object.keys(PREFILL_FIELDS) as PrefillField[];

export const pending = (r: { crm?: string | undefined }) => r.crm === 'pending';

export type Row = { id: string; crm?: string | undefined };

/** Fields still pending; a packet that never had a prefill has none (no parse on the hot path). */
export function pendingFieldsOf(p: Packet): PrefillField[] {
  const fields = p.prefill?.fields;
  return fields ? FIELD_KEYS.filter((k) => fields[k]?.crm === 'pending') : [];
}

/** The packet as the rep has confirmed it: pending rows left out, pending fields blank. Same object when nothing is pending. */
export function confirmedView(p: Packet): Packet {
  const pendingFields = pendingFieldsOf(p);
  const anyRow = p.stakeholders.some(pending) || p.followUps.some(pending) || p.contract.purchases.some(pending);
  if (!pendingFields.length && !anyRow) return p;
  const keep = <T extends Row>(rows: T[]) => rows.filter((r) => !pending(r));
  const profile = { ...p.profile };
  const contract = { ...p.contract, purchases: keep(p.contract.purchases) };
  for (const k of pendingFields) {
    if (k === 'industry' || k === 'size') profile[k] = '';
    else if (k === 'amount') contract.amount = null;
    else contract.currency = '';
  }
  return { ...p, profile, contract, stakeholders: keep(p.stakeholders), followUps: keep(p.followUps) };
}
