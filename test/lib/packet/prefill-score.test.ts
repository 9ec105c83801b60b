// Completeness counts confirmed values only (issue 19 item 3), and the marks
// travel like any other edit: the shared edit rule allows them for the rep,
// the server's op schema takes them, and the server's merge applies them.
import { describe, expect, it } from 'vitest';
import { emptyExtras, type DealExtras } from '@/lib/crm/deal-extras';
import { DEFAULT_TEMPLATE } from '@/lib/packet/checklist-template';
import { setField } from '@/lib/packet/edit';
import { editVerdict } from '@/lib/packet/edit-rights';
import { firstFillOps, newProposals, proposalsFrom } from '@/lib/packet/prefill';
import { fieldProposalId } from '@/lib/packet/prefill-ids';
import { confirmAllOps, confirmOp, confirmedView, pendingMarks, prefillOf, removeMarkedOps } from '@/lib/packet/prefill-marks';
import { packetSchema, type Packet } from '@/lib/packet/schema';
import { scorePacket } from '@/lib/packet/score';
import { mutationOpSchema } from '@/lib/sync/api-schemas';
import { mergeOp } from '@/lib/sync/merge-mutation';
import { applyOp, type PacketOp } from '@/lib/sync/packet-ops';
import { empty, snapshot } from './helpers';

const src = { crm: 'hubspot', readAt: '2026-11-30T20:00:00.000Z' };
const x: DealExtras = {
  ...emptyExtras(),
  contacts: [{ name: 'Hannah Okafor', title: null, role: 'Decision maker', phone: null, email: 'hannah@bluefin.com' }],
  activities: [{ type: 'call', date: '2026-10-02', who: 'Priya', subject: 'Discovery call' }],
  lineItems: [{ product: 'Fleet units', quantity: 3, amount: null, currency: null }],
  industry: 'Logistics',
  companySize: '200',
};
const fillOps = (p: Packet) => firstFillOps(p, newProposals(p, proposalsFrom(x, snapshot)), src);
const prefilled = () => fillOps(empty()).reduce(applyOp, setField(empty(), 'profile.tier', 'A'));
const byId = (p: Packet) => Object.fromEntries(scorePacket(p, DEFAULT_TEMPLATE).items.map((i) => [i.id, i]));

describe('completeness counts confirmed values only', () => {
  it('pending values show as "to confirm", not satisfied, and add nothing to completeness', () => {
    const p = prefilled();
    const s = scorePacket(p, DEFAULT_TEMPLATE);
    // only the deal snapshot (weight 2 of 100) is satisfied; the rest waits for the rep
    expect(s.completeness).toBe(2);
    const items = byId(p);
    for (const id of ['profile', 'stakeholderWithContact', 'followUps'] as const) expect(items[id]).toMatchObject({ satisfied: false, toConfirm: true });
    // the contract lacks a term and start date even with the pending purchase line: missing, not "to confirm"
    expect(items.contract).toMatchObject({ satisfied: false, toConfirm: false });
    expect(s.missingRequired.map((i) => i.id)).toContain('stakeholderWithContact');
    expect(s.canSubmit).toBe(false);
  });

  it('confirming raises completeness: 2 → 35 (profile 15 + stakeholder 15 + follow-ups 3)', () => {
    const p = confirmAllOps(prefilled()).reduce(applyOp, prefilled());
    expect(pendingMarks(p)).toEqual([]);
    expect(scorePacket(p, DEFAULT_TEMPLATE).completeness).toBe(35);
    expect(byId(p).stakeholderWithContact).toMatchObject({ satisfied: true, toConfirm: false });
  });

  it('one confirmation counts on its own; rows the rep typed always count', () => {
    const p = prefilled();
    const stakeholder = pendingMarks(p).find((m) => m.where === 'stakeholders')!;
    expect(scorePacket(applyOp(p, confirmOp(stakeholder)), DEFAULT_TEMPLATE).completeness).toBe(17);
    const typed = empty();
    expect(confirmedView(typed)).toBe(typed);
  });

  it('removing a prefilled value blanks or drops it and dismisses it for good', () => {
    const p = prefilled();
    const industry = pendingMarks(p).find((m) => m.where === 'industry')!;
    const q = removeMarkedOps(industry, fieldProposalId('industry', 'Logistics'), src.readAt).reduce(applyOp, p);
    expect(q.profile.industry).toBe('');
    expect(prefillOf(q).fields.industry.crm).toBe('');
    expect(newProposals(q, proposalsFrom(x, snapshot)).map((o) => o.id)).not.toContain(fieldProposalId('industry', 'Logistics'));
    const row = pendingMarks(q).find((m) => m.where === 'followUps')!;
    const r = removeMarkedOps(row, row.id, src.readAt).reduce(applyOp, q);
    expect(r.followUps).toEqual([]);
    expect(newProposals(r, proposalsFrom(x, snapshot))).toEqual([]);
  });
});

describe('the marks sync like other edits', () => {
  const p = prefilled();
  const ops: PacketOp[] = [
    ...fillOps(empty()),
    ...confirmAllOps(p),
    ...removeMarkedOps(pendingMarks(p).find((m) => m.where === 'size')!, 'crm-f-size-x', src.readAt),
    ...removeMarkedOps(pendingMarks(p).find((m) => m.where === 'stakeholders')!, 'crm-c-x', src.readAt),
  ];

  it('the rep may make every one of them in a draft (the sidebar and the server share this rule)', () => {
    for (const op of ops) expect(editVerdict({ role: 'rep', owner: true, status: 'draft' }, op), JSON.stringify(op)).toEqual({ ok: true, amendment: false });
  });

  it("the server's op schema takes them and its per-field merge applies them into a valid packet", () => {
    let merged = empty();
    let clocks = {};
    ops.forEach((op, i) => {
      expect(mutationOpSchema.safeParse(op).success, JSON.stringify(op)).toBe(true);
      const r = mergeOp(merged, clocks, op, `${String(1e12 + i).padStart(15, '0')}:00000:c1`);
      merged = r.packet;
      clocks = r.clocks;
    });
    expect(() => packetSchema.parse(merged)).not.toThrow();
    expect(prefillOf(merged).dismissed.map((d) => d.id)).toEqual(['crm-f-size-x', 'crm-c-x']);
    expect(merged.followUps[0]!.crm).toBe('confirmed');
  });
});
