import { describe, expect, it } from 'vitest';
import { checklistTemplateSchema, DEFAULT_TEMPLATE, type ChecklistTemplate } from '@/lib/packet/checklist-template';
import { addItem, setField, updateItem } from '@/lib/packet/edit';
import { checkRisks } from '@/lib/packet/risk-rule';
import { scorePacket } from '@/lib/packet/score';
import { empty, fill } from './helpers';

const REQUIRED = ['profile', 'contract', 'whyWon', 'risks', 'stakeholderWithContact'];

describe('risk rule', () => {
  const risks = (p = empty()) => p.risks;
  it('no risks and no statement → none', () => expect(checkRisks(risks())).toEqual({ kind: 'none' }));
  it('a complete risk satisfies', () => expect(checkRisks(fill(empty(), 'risks').risks)).toBeNull());
  it('a risk without mitigation names what is missing', () => {
    const p = addItem(empty(), 'risks.items', { id: 'r', text: 'Budget freeze', severity: 'high' });
    expect(checkRisks(p.risks)).toEqual({ kind: 'incomplete', riskId: 'r', missing: ['mitigation'] });
  });
  it('a risk without severity or text', () => {
    const p = addItem(empty(), 'risks.items', { id: 'r', mitigation: 'Escalate' });
    expect(checkRisks(p.risks)).toEqual({ kind: 'incomplete', riskId: 'r', missing: ['text', 'severity'] });
  });
  it('"no known risk" needs a reason', () => {
    const p = setField(empty(), 'risks.noKnownRisk', true);
    expect(checkRisks(p.risks)).toEqual({ kind: 'noReason' });
    expect(checkRisks(setField(p, 'risks.noRiskReason', '   ').risks)).toEqual({ kind: 'noReason' });
    expect(checkRisks(setField(p, 'risks.noRiskReason', '续约客户，三年无事故').risks)).toBeNull();
  });
  it('whitespace is not text', () => {
    const p = addItem(empty(), 'risks.items', { id: 'r', text: '  ', severity: 'low', mitigation: ' ' });
    expect(checkRisks(p.risks)).toMatchObject({ kind: 'incomplete', missing: ['text', 'mitigation'] });
  });
});

describe('scorePacket with the default template', () => {
  it('an empty packet: only the deal snapshot counts, submit blocked by every required item', () => {
    const s = scorePacket(empty(), DEFAULT_TEMPLATE);
    expect(s.completeness).toBe(2);
    expect(s.canSubmit).toBe(false);
    expect(s.missingRequired.map((i) => i.id).sort()).toEqual([...REQUIRED].sort());
    expect(s.blockers.at(-1)).toEqual({ kind: 'threshold', completeness: 2, threshold: 80 });
  });

  it.each([
    ['profile', 17],
    ['contract', 22],
    ['whyWon', 17],
    ['risks', 17],
    ['stakeholderWithContact', 17],
  ])('%s alone → %i%%, still blocked by the other four', (rule, pct) => {
    const s = scorePacket(fill(empty(), rule), DEFAULT_TEMPLATE);
    expect(s.completeness).toBe(pct);
    expect(s.missingRequired).toHaveLength(4);
    expect(s.canSubmit).toBe(false);
  });

  it('every required item done → 82% and submittable', () => {
    const s = scorePacket(fill(empty(), ...REQUIRED), DEFAULT_TEMPLATE);
    expect(s.completeness).toBe(82);
    expect(s.missingRequired).toEqual([]);
    expect(s.canSubmit).toBe(true);
  });

  it('optional items raise completeness but never block', () => {
    const p = fill(empty(), ...REQUIRED, 'goals', 'followUps', 'serviceGroup', 'assessment', 'introductions', 'doneAndOpen');
    const s = scorePacket(p, DEFAULT_TEMPLATE);
    expect(s.completeness).toBe(100);
    const optionalOnly = scorePacket(fill(empty(), 'goals', 'followUps', 'serviceGroup'), DEFAULT_TEMPLATE);
    expect(optionalOnly.completeness).toBe(12);
    expect(optionalOnly.canSubmit).toBe(false);
  });

  it('contract needs a purchase line with a product', () => {
    let p = fill(empty(), 'contract');
    p = updateItem(p, 'contract.purchases', 'pl1', { product: '' });
    const item = scorePacket(p, DEFAULT_TEMPLATE).items.find((i) => i.id === 'contract')!;
    expect(item).toMatchObject({ satisfied: false, linkPath: 'contract.purchases' });
  });

  it('a stakeholder without any contact does not count', () => {
    const p = addItem(empty(), 'stakeholders', { id: 's', name: 'Li Wei', title: 'CIO' });
    expect(scorePacket(p, DEFAULT_TEMPLATE).items.find((i) => i.id === 'stakeholderWithContact')!.satisfied).toBe(false);
    const q = updateItem(p, 'stakeholders', 's', { im: 'wxid_liwei' });
    expect(scorePacket(q, DEFAULT_TEMPLATE).items.find((i) => i.id === 'stakeholderWithContact')!.satisfied).toBe(true);
  });

  it('missing items link to the first missing field', () => {
    const p = setField(setField(empty(), 'profile.industry', 'Retail'), 'profile.size', '50');
    expect(scorePacket(p, DEFAULT_TEMPLATE).items.find((i) => i.id === 'profile')!.linkPath).toBe('profile.tier');
  });
});

describe('threshold and weights', () => {
  const tpl = (threshold: number, items: ChecklistTemplate['items']): ChecklistTemplate => ({ version: 2, threshold, items });

  it('79 is below an 80 threshold, 80 is not', () => {
    const items = [
      { id: 'profile' as const, required: false, weight: 79 },
      { id: 'goals' as const, required: false, weight: 1 },
      { id: 'followUps' as const, required: false, weight: 20 },
    ];
    const p = fill(empty(), 'profile');
    expect(scorePacket(p, tpl(80, items))).toMatchObject({ completeness: 79, canSubmit: false });
    expect(scorePacket(fill(p, 'goals'), tpl(80, items))).toMatchObject({ completeness: 80, canSubmit: true });
  });

  it('rounds down: 2 of 3 equal weights is 66, not 67', () => {
    const items = (['profile', 'goals', 'followUps'] as const).map((id) => ({ id, required: false, weight: 1 }));
    expect(scorePacket(fill(empty(), 'profile', 'goals'), tpl(0, items)).completeness).toBe(66);
  });

  it('an empty template scores 100', () => {
    expect(scorePacket(empty(), tpl(80, [])).completeness).toBe(100);
  });

  it('a changed template re-scores an existing packet without touching it', () => {
    const p = fill(empty(), ...REQUIRED);
    const frozen = JSON.stringify(p);
    const stricter = tpl(90, [...DEFAULT_TEMPLATE.items.map((i) => (i.id === 'followUps' ? { ...i, required: true } : i))]);
    const s = scorePacket(p, stricter);
    expect(s.missingRequired.map((i) => i.id)).toEqual(['followUps']);
    expect(s.canSubmit).toBe(false);
    const looser = tpl(50, DEFAULT_TEMPLATE.items.filter((i) => i.id !== 'contract'));
    expect(scorePacket(p, looser).canSubmit).toBe(true);
    expect(JSON.stringify(p)).toBe(frozen);
  });

  it('templates with unknown rules, duplicates or bad weights are rejected with a path', () => {
    const bad = [
      { version: 1, threshold: 80, items: [{ id: 'vibes', required: true, weight: 1 }] },
      { version: 1, threshold: 80, items: [{ id: 'risks', required: true, weight: 1 }, { id: 'risks', required: false, weight: 2 }] },
      { version: 1, threshold: 120, items: [] },
      { version: 1, threshold: 80, items: [{ id: 'risks', required: true, weight: 0 }] },
    ];
    const paths = bad.map((t) => checklistTemplateSchema.safeParse(t).error?.issues[0]?.path.join('.'));
    expect(paths).toEqual(['items.0.id', 'items', 'threshold', 'items.0.weight']);
    expect(checklistTemplateSchema.safeParse(DEFAULT_TEMPLATE).success).toBe(true);
  });
});
