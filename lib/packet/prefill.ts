// What the CRM page shows → proposals for the packet (issue 19 "Prefill, never
// overwrite"): stakeholders from contacts and their roles, the follow-up log
// from activities, the purchase list from line items, the contract amount from
// the line items when the deal shows none (the deal's own amount is filled by
// contract-from-deal.ts), the profile's industry and size from the account.
// Each proposal has a stable id derived from the CRM item, so the same item is
// never proposed twice and a later page change yields only the new ones.
// Proposals only ever fill empty fields and add rows: nothing typed is replaced.
import type { CrmActivity, CrmContact, CrmLineItem, DealExtras } from '@/lib/crm/deal-extras';
import type { DealSnapshot } from '@/lib/crm/types';
import { normalizePhone } from '@/lib/claims/normalize-phone';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { getIn } from './edit';
import { markFieldOps, prefillOf, PREFILL_FIELDS, type PrefillField, type PrefillList, type PrefillOrigin } from './prefill-marks';
import { activityId, contactId, fieldProposalId, fold, lineItemId } from './prefill-ids';
import { stakeholderRole } from './prefill-roles';
import type { FOLLOW_UP_KINDS, Packet } from './schema';

export interface PrefillSource {
  /** the CRM's id (the deal identity's `crm`, e.g. "salesforce") */
  crm: string;
  /** ISO instant of the page read */
  readAt: string;
  /** the team's default phone region (ISO 3166-1 alpha-2); without one only "+…" numbers become E.164 */
  region?: string | undefined;
}


type Item = Record<string, string | number | null>;
/** A row for one of the lists. */
export type RowProposal = { id: string; list: PrefillList; origin: PrefillOrigin; item: Item };
/** A value for an empty single field. */
export type FieldProposal = { id: string; field: PrefillField; origin: PrefillOrigin; value: string | number };
export type Proposal = RowProposal | FieldProposal;

type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
/** A meeting is a demo or a visit only when its subject says so; emails, notes and tasks are 'other'. */
function followUpKind(a: CrmActivity): FollowUpKind {
  if (a.type === 'call') return 'call';
  if (a.type !== 'meeting') return 'other';
  const s = fold(a.subject);
  if (/\bdemo|デモ|vorführung|演示|示范|示範|产品展示|產品展示/.test(s)) return 'demo';
  if (/\bvisit|on-?site|besuch|vor ort|訪問|拜访|拜訪|上门|上門|现场|現場/.test(s)) return 'visit';
  return 'other';
}

function stakeholderOf(c: CrmContact, region: string | undefined): Item {
  // E.164 where the number is complete and valid; otherwise kept as shown (the rep sees what the CRM shows).
  const phone = c.phone ? (normalizePhone(c.phone, region) ?? c.phone.trim()) : '';
  return { name: c.name.trim(), title: c.title ?? '', phone, email: c.email?.trim() ?? '', role: stakeholderRole(c.role) };
}

/** The line items' total, when every line shows an amount in one currency; otherwise null (never a partial sum). */
function lineItemsTotal(lines: CrmLineItem[] | null): { amount: number; currency: string | null } | null {
  if (!lines?.length || lines.some((l) => l.amount === null)) return null;
  const currencies = new Set(lines.map((l) => l.currency));
  if (currencies.size > 1) return null;
  return { amount: lines.reduce((s, l) => s + l.amount!, 0), currency: lines[0]!.currency };
}

function fieldProposals(x: DealExtras, deal: DealSnapshot): Proposal[] {
  const out: Proposal[] = [];
  const add = (field: PrefillField, origin: PrefillOrigin, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') out.push({ id: fieldProposalId(field, value), field, origin, value });
  };
  add('industry', 'industry', x.industry?.trim());
  add('size', 'companySize', x.companySize?.trim());
  // The deal's own amount is contract-from-deal.ts's; line items fill in only when the deal shows none.
  const total = deal.amount === null ? lineItemsTotal(x.lineItems) : null;
  if (total) {
    add('amount', 'lineItems', total.amount);
    if (!deal.currency) add('currency', 'lineItems', total.currency);
  }
  return out;
}

/** Every proposal the page read yields, before looking at the packet. */
export function proposalsFrom(x: DealExtras, deal: DealSnapshot, region?: string): Proposal[] {
  const rows: Proposal[] = [
    ...(x.contacts ?? []).map((c): Proposal => ({ id: contactId(c), list: 'stakeholders', origin: 'contacts', item: stakeholderOf(c, region) })),
    ...(x.activities ?? []).map(
      (a): Proposal => ({ id: activityId(a), list: 'followUps', origin: 'activities', item: { date: a.date ?? '', who: a.who ?? '', kind: followUpKind(a), summary: a.subject ?? '' } }),
    ),
    ...(x.lineItems ?? []).map((l): Proposal => ({ id: lineItemId(l), list: 'contract.purchases', origin: 'lineItems', item: { product: l.product.trim(), quantity: l.quantity } })),
  ];
  return [...rows, ...fieldProposals(x, deal)];
}

type Row = Record<string, unknown> & { id: string };
/** Would this row repeat one already in the list (typed by the rep, or proposed under another id)? */
function repeats(p: RowProposal, rows: Row[]): boolean {
  const same = (k: string) => rows.some((r) => fold(String(r[k] ?? '')) !== '' && fold(String(r[k] ?? '')) === fold(String(p.item[k] ?? '')));
  if (p.list === 'stakeholders') return same('name');
  if (p.list === 'contract.purchases') return same('product');
  const summary = fold(String(p.item.summary ?? ''));
  return summary !== '' && rows.some((r) => r.date === p.item.date && fold(String(r.summary ?? '')) === summary);
}

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * The proposals not yet in the packet: not added before (same id), not
 * dismissed, not repeating a row already there, and for a field only while
 * the field is empty. In page order; a repeated id on the page counts once.
 */
export function newProposals(packet: Packet, all: Proposal[]): Proposal[] {
  const dismissed = new Set(prefillOf(packet).dismissed.map((d) => d.id));
  const seen = new Set<string>();
  return all.filter((p) => {
    if (dismissed.has(p.id) || seen.has(p.id)) return false;
    seen.add(p.id);
    if ('field' in p) return isEmpty(getIn(packet, PREFILL_FIELDS[p.field]));
    const rows = getIn(packet, p.list) as Row[];
    return !rows.some((r) => r.id === p.id) && !repeats(p, rows);
  });
}

/** The ops that add proposals to the packet, each marked pending (the rep confirms, edits or removes it). */
export function acceptOps(proposals: Proposal[], src: PrefillSource): PacketOp[] {
  return proposals.flatMap((p): PacketOp[] => {
    const crmSource = `${src.crm}:${p.origin}`;
    if ('field' in p) return [{ kind: 'set', path: PREFILL_FIELDS[p.field], value: p.value }, ...markFieldOps(p.field, crmSource, src.readAt)];
    return [{ kind: 'add', list: p.list, item: { id: p.id, ...p.item, crm: 'pending', crmSource, crmReadAt: src.readAt } }];
  });
}

/** Dismissing proposals: remembered by id, so they are not offered again. */
export function dismissOps(proposals: Proposal[], at: string): PacketOp[] {
  return proposals.map((p) => ({ kind: 'add', list: 'prefill.dismissed', item: { id: p.id, at } }));
}

/**
 * The first page read of a draft fills the packet at once (marked pending);
 * after that, new proposals are only offered. `continuing`: the sidebar that
 * ran the first fill is still within its first moments on the page, so rows
 * that render late (a timeline that loads after the record) join the first
 * fill instead of being offered. Returns the ops to apply now, or [] when the
 * fill already ran (and is not continuing), the packet is not a draft, or there is nothing to fill.
 */
export function firstFillOps(packet: Packet, fresh: Proposal[], src: PrefillSource, continuing = false): PacketOp[] {
  const started = prefillOf(packet).filledAt !== '';
  if ((started && !continuing) || packet.status !== 'draft' || !fresh.length) return [];
  return [...acceptOps(fresh, src), ...(started ? [] : [{ kind: 'set' as const, path: 'prefill.filledAt', value: src.readAt }])];
}
