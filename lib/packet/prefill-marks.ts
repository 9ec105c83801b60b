// The "from the CRM" marks (issue 19): which values of a packet the CRM page
// filled in and whether the rep confirmed them. A pending value is shown,
// marked, and does not count toward completeness (score.ts scores
// `confirmedView`); confirming or editing it makes it the rep's. The marks are
// packet fields like any other, so they sync and merge per field.
import type { PacketOp } from '@/lib/sync/packet-ops';
import { confirmedView, FIELD_KEYS, pending, pendingFieldsOf, PREFILL_FIELDS, type PrefillField, type Row } from './confirmed-view';
import { getIn } from './edit';
import { prefillSchema, type Packet, type Prefill } from './schema';

export { confirmedView, PREFILL_FIELDS, type PrefillField };

/** Lists whose rows the page can propose. */
export const PREFILL_LISTS = ['stakeholders', 'followUps', 'contract.purchases'] as const;
export type PrefillList = (typeof PREFILL_LISTS)[number];

/** What on the page a value came from; with the CRM id it is the mark's `crmSource` ("salesforce:contacts"). */
export const PREFILL_ORIGINS = ['contacts', 'activities', 'lineItems', 'industry', 'companySize', 'deal'] as const;
export type PrefillOrigin = (typeof PREFILL_ORIGINS)[number];

/** A mark's source split: the CRM id (may itself hold a colon: "custom:acme") and what on the page. */
export function splitSource(source: string): { crm: string; origin: string } {
  const at = source.lastIndexOf(':');
  return at < 0 ? { crm: source, origin: '' } : { crm: source.slice(0, at), origin: source.slice(at + 1) };
}

/** Every path a mark edit sets (lib/packet/edit-rights.ts lets the rep set these with the sections). */
export const PREFILL_MARK_PATHS: readonly string[] = [
  'prefill.filledAt',
  ...FIELD_KEYS.flatMap((k) => ['crm', 'crmSource', 'crmReadAt'].map((f) => `prefill.fields.${k}.${f}`)),
];

/** The packet's prefill record with its defaults (absent on packets stored before issue 19, partial right after a local edit). */
export function prefillOf(p: Packet): Prefill {
  return prefillSchema.parse(p.prefill ?? {});
}

/** The mark key of a field path ("profile.industry" → "industry"), if the page can fill it. */
export function prefillFieldOf(path: string): PrefillField | undefined {
  return FIELD_KEYS.find((k) => PREFILL_FIELDS[k] === path);
}

const blankOf = (k: PrefillField) => (k === 'amount' ? null : '');

export interface PendingMark {
  /** 'field' marks a single value; otherwise the list the row is in */
  where: PrefillField | PrefillList;
  /** the row id (lists) or the field path */
  id: string;
}

/** Every value still waiting for the rep's confirmation, fields first, in list order. */
export function pendingMarks(p: Packet): PendingMark[] {
  const out: PendingMark[] = pendingFieldsOf(p).map((k) => ({ where: k, id: PREFILL_FIELDS[k] }));
  for (const list of PREFILL_LISTS) for (const r of getIn(p, list) as Row[]) if (pending(r)) out.push({ where: list, id: r.id });
  return out;
}

const isList = (w: PendingMark['where']): w is PrefillList => (PREFILL_LISTS as readonly string[]).includes(w);

/** The op that confirms one pending value (the value itself is untouched). */
export function confirmOp(m: PendingMark): PacketOp {
  return isList(m.where)
    ? { kind: 'update', list: m.where, id: m.id, patch: { crm: 'confirmed' } }
    : { kind: 'set', path: `prefill.fields.${m.where}.crm`, value: 'confirmed' };
}

/** "Confirm all": one op per pending value. */
export function confirmAllOps(p: Packet): PacketOp[] {
  return pendingMarks(p).map(confirmOp);
}

/** The ops that mark a field as filled from the CRM, pending the rep's confirmation. */
export function markFieldOps(k: PrefillField, source: string, readAt: string): PacketOp[] {
  return [
    { kind: 'set', path: `prefill.fields.${k}.crm`, value: 'pending' },
    { kind: 'set', path: `prefill.fields.${k}.crmSource`, value: source },
    { kind: 'set', path: `prefill.fields.${k}.crmReadAt`, value: readAt },
  ];
}

/**
 * Removing a value the CRM filled: the row goes (or the field is blanked and
 * unmarked) and its proposal id is remembered as dismissed, so the same CRM
 * item is not offered again. `proposalId`: for a row, its id; for a field,
 * the id the proposal had (lib/packet/prefill.ts fieldProposalId).
 */
export function removeMarkedOps(m: PendingMark, proposalId: string, at: string): PacketOp[] {
  const dismiss: PacketOp = { kind: 'add', list: 'prefill.dismissed', item: { id: proposalId, at } };
  if (isList(m.where)) return [{ kind: 'remove', list: m.where, id: m.id }, dismiss];
  return [
    { kind: 'set', path: PREFILL_FIELDS[m.where], value: blankOf(m.where) },
    { kind: 'set', path: `prefill.fields.${m.where}.crm`, value: '' },
    dismiss,
  ];
}
