// Who gets what when a person's customers are reassigned (issue 16 item 2).
// Pure: the server reads what the leaver holds and the team's people, and
// these rules decide. A customer is what moves as one: a claim and a packet
// of the same deal (same CRM link) or of the same company (the claim's
// customer and the packet's account, folded as claim keys fold company names,
// lib/claims/normalize-company.ts) go to the same receiver.
import { normalizeCompany } from '@/lib/claims/normalize-company';
import type { FieldIssue } from '@/lib/i18n/issues';
import type { Packet } from '@/lib/packet/schema';
import type { PlannedCustomer, ReassignBody } from './api-schemas';

/** A live claim of the leaver (not released, not won, not expired). */
export interface HeldClaim {
  id: number;
  customer: string;
  /** ISO instant */
  expiresAt: string;
  dealUrl: string | null;
}

/** A packet the leaver holds: as its sales owner (open: draft, submitted, returned) or as the CSM who accepted it. */
export interface HeldPacket {
  key: string;
  dealName: string;
  accountName: string;
  dealUrl: string;
  status: Packet['status'];
  as: 'owner' | 'csm';
}

/** The customers the leaver holds, claims and packets grouped, ordered by label (code-point order), then id. */
export function customersOf(claims: readonly HeldClaim[], packets: readonly HeldPacket[]): Omit<PlannedCustomer, 'receiverId'>[] {
  type Group = Omit<PlannedCustomer, 'receiverId'>;
  const groups: Group[] = [];
  const byLink = new Map<string, Group>();
  const join = (links: (string | null)[], make: () => Group): Group => {
    const keys = links.filter((l): l is string => !!l);
    const g = keys.map((k) => byLink.get(k)).find(Boolean) ?? make();
    for (const k of keys) if (!byLink.has(k)) byLink.set(k, g);
    return g;
  };
  const company = (name: string) => {
    const k = normalizeCompany(name);
    return k ? `company:${k}` : null;
  };
  for (const c of [...claims].sort((a, b) => a.id - b.id)) {
    const g = join([c.dealUrl ? `url:${c.dealUrl}` : null, company(c.customer)], () => {
      const made: Group = { id: `claim:${c.id}`, label: c.customer, claims: [], packets: [] };
      groups.push(made);
      return made;
    });
    g.claims.push({ id: c.id, customer: c.customer, expiresAt: c.expiresAt });
  }
  for (const p of [...packets].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const g = join([p.dealUrl ? `url:${p.dealUrl}` : null, company(p.accountName)], () => {
      const made: Group = { id: `packet:${p.key}`, label: p.accountName || p.dealName || p.key, claims: [], packets: [] };
      groups.push(made);
      return made;
    });
    g.packets.push({ key: p.key, dealName: p.dealName, status: p.status, as: p.as, note: '' });
  }
  const order = (a: Group, b: Group) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return groups.sort(order);
}

/**
 * The plan: every customer with its receiver, each packet with its note.
 * split "even": customers in `customersOf` order dealt to the receivers in
 * turn (counts differ by at most one); split "choice": each customer goes to
 * the receiver chosen for it. Issues (the plan is then not to be carried out):
 * a choice for a customer the leaver does not hold, or for someone not among
 * the receivers; a customer without a choice; a note for a packet that is not
 * moving. A packet's note is its own note, else the reason.
 */
export function planReassignment(
  customers: readonly Omit<PlannedCustomer, 'receiverId'>[],
  body: Pick<ReassignBody, 'receivers' | 'split' | 'choices' | 'notes' | 'reason'>,
): { customers: PlannedCustomer[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const ids = new Set(customers.map((c) => c.id));
  const chosen = new Map<string, number>();
  body.choices.forEach((ch, i) => {
    if (!ids.has(ch.customer)) issues.push({ path: `choices[${i}].customer`, code: 'notInPlan' });
    else if (!body.receivers.includes(ch.receiverId)) issues.push({ path: `choices[${i}].receiverId`, code: 'notReceiver' });
    else chosen.set(ch.customer, ch.receiverId);
  });
  const packetKeys = new Set(customers.flatMap((c) => c.packets.map((p) => p.key)));
  const notes = new Map<string, string>();
  body.notes.forEach((n, i) => {
    if (!packetKeys.has(n.packetKey)) issues.push({ path: `notes[${i}].packetKey`, code: 'notInPlan' });
    else notes.set(n.packetKey, n.note);
  });
  const planned = customers.map((c, i): PlannedCustomer => {
    const receiverId = body.split === 'choice' ? (chosen.get(c.id) ?? 0) : body.receivers[i % body.receivers.length]!;
    if (!receiverId) issues.push({ path: 'choices', code: 'customerUnassigned', params: { customer: c.label } });
    return { ...c, receiverId, packets: c.packets.map((p) => ({ ...p, note: notes.get(p.key) ?? body.reason })) };
  });
  return { customers: planned, issues };
}

/** Whether what the leaver holds now is exactly what the preview showed (`expected`). */
export function sameHoldings(customers: readonly Omit<PlannedCustomer, 'receiverId'>[], expected: { claimIds: readonly number[]; packetKeys: readonly string[] }): boolean {
  const claims = customers.flatMap((c) => c.claims.map((x) => x.id)).sort((a, b) => a - b);
  const packets = customers.flatMap((c) => c.packets.map((p) => p.key)).sort();
  const want = [...expected.claimIds].sort((a, b) => a - b);
  const wantPackets = [...expected.packetKeys].sort();
  return claims.length === want.length && claims.every((x, i) => x === want[i]) && packets.length === wantPackets.length && packets.every((x, i) => x === wantPackets[i]);
}
