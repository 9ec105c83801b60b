// The edit rule as a table: role × lifecycle state × where the edit lands.
// Each row is written out by hand from lib/packet/README.md (lifecycle, after
// acceptance) and issue 11, not computed from the rule under test.
import { describe, expect, it } from 'vitest';
import { editArea, editVerdict, mayEditSections, type EditContext } from '@/lib/packet/edit-rights';
import type { PacketOp } from '@/lib/sync/packet-ops';

const OPS: Record<string, PacketOp> = {
  notes: { kind: 'set', path: 'salesNotes', value: 'x' },
  risk: { kind: 'add', list: 'risks.items', item: { id: 'r1', text: 'late' } },
  riskEdit: { kind: 'update', list: 'risks.items', id: 'r1', patch: { mitigation: 'pilot' } },
  override: { kind: 'set', path: 'dealOverrides.amount', value: '1000' },
  engagement: { kind: 'set', path: 'engagement.salesCycleDays', value: 30 },
  expansion: { kind: 'set', path: 'expansion.relationship', value: 'high' },
  opportunity: { kind: 'add', list: 'expansion.opportunities', item: { id: 'o1', summary: 'more seats' } },
  page: { kind: 'deal', snapshot: { dealName: 'D', accountName: null, amount: null, currency: null, stage: null, closeDate: null, owner: null, probability: null }, dealUrl: '' },
  reviewField: { kind: 'set', path: 'review.acceptedBy', value: 'me' },
  statusField: { kind: 'set', path: 'status', value: 'accepted' },
  strayKey: { kind: 'update', list: 'risks.items', id: 'r1', patch: { owner: 'x' } },
};

type Who = 'rep' | 'otherRep' | 'csm' | 'manager' | 'admin';
const ctx = (who: Who, status: EditContext['status']): EditContext => ({
  role: who === 'otherRep' ? 'rep' : who,
  owner: who === 'rep',
  status,
});

// ok = applied as an edit, amend = applied as an amendment, otherwise the refusal code.
const TABLE: [Who, EditContext['status'], string, string][] = [
  // The rep edits their own packet until it is accepted, then amends it.
  ['rep', null, 'notes', 'ok'],
  ['rep', 'draft', 'notes', 'ok'],
  ['rep', 'returned', 'risk', 'ok'],
  ['rep', 'submitted', 'riskEdit', 'ok'],
  ['rep', 'accepted', 'notes', 'amend'],
  ['rep', 'accepted', 'override', 'amend'],
  ['rep', 'draft', 'engagement', 'ok'],
  ['rep', 'accepted', 'expansion', 'expansionReviewers'],
  ['rep', 'draft', 'opportunity', 'expansionReviewers'],
  ['rep', 'submitted', 'page', 'ok'],
  ['rep', 'draft', 'reviewField', 'notEditable'],
  ['rep', 'draft', 'statusField', 'notEditable'],
  ['rep', 'draft', 'strayKey', 'notEditable'],
  // A colleague's packet: never.
  ['otherRep', 'draft', 'notes', 'notOwner'],
  ['otherRep', 'accepted', 'notes', 'notOwner'],
  ['otherRep', 'draft', 'page', 'notOwner'],
  // The CSM reads, returns or accepts; edits only after acceptance, as amendments.
  ['csm', null, 'notes', 'noPacket'],
  ['csm', null, 'page', 'noPacket'],
  ['csm', 'draft', 'notes', 'csmBeforeAcceptance'],
  ['csm', 'submitted', 'notes', 'csmBeforeAcceptance'],
  ['csm', 'submitted', 'risk', 'csmBeforeAcceptance'],
  ['csm', 'submitted', 'override', 'csmBeforeAcceptance'],
  ['csm', 'returned', 'riskEdit', 'csmBeforeAcceptance'],
  ['csm', 'submitted', 'page', 'ok'],
  ['csm', 'submitted', 'expansion', 'expansionAfterAcceptance'],
  ['csm', 'accepted', 'notes', 'amend'],
  ['csm', 'accepted', 'risk', 'amend'],
  ['csm', 'accepted', 'opportunity', 'amend'],
  ['csm', 'accepted', 'expansion', 'amend'],
  ['csm', 'accepted', 'reviewField', 'notEditable'],
  // Managers and admins may change any state; after acceptance it is an amendment.
  ['manager', 'submitted', 'notes', 'ok'],
  ['manager', 'accepted', 'riskEdit', 'amend'],
  ['manager', 'draft', 'opportunity', 'expansionAfterAcceptance'],
  ['admin', null, 'notes', 'ok'],
  ['admin', 'returned', 'notes', 'ok'],
  ['admin', 'accepted', 'expansion', 'amend'],
  ['admin', 'submitted', 'statusField', 'notEditable'],
];

describe('edit rights: role × state × path', () => {
  for (const [who, status, op, expected] of TABLE) {
    it(`${who} · ${status ?? 'not on the server'} · ${op} → ${expected}`, () => {
      const v = editVerdict(ctx(who, status), OPS[op]!);
      const got = v.ok ? (v.amendment ? 'amend' : 'ok') : v.code;
      expect(got).toBe(expected);
    });
  }

  it('every field and list the editor shows is an edit of the packet, not of a server-set field', async () => {
    const { SECTIONS } = await import('@/lib/packet/sections');
    for (const s of SECTIONS)
      for (const b of s.blocks) {
        const op: PacketOp = b.type === 'field' ? { kind: 'set', path: b.path, value: null } : { kind: 'add', list: b.list, item: { id: 'i', ...Object.fromEntries(b.fields.map((f) => [f.key, null])) } };
        expect(editArea(op), JSON.stringify(op)).toBe('packet');
      }
  });

  it('the editor is read-only for a CSM until acceptance, and for a colleague', () => {
    expect(mayEditSections(ctx('csm', 'submitted'))).toBe(false);
    expect(mayEditSections(ctx('csm', 'accepted'))).toBe(true);
    expect(mayEditSections(ctx('otherRep', 'draft'))).toBe(false);
    expect(mayEditSections(ctx('rep', 'submitted'))).toBe(true);
  });
});
