// Prefill from the CRM page (issue 19 item 2): what becomes what, stable ids,
// never overwriting what the rep typed, and only new items on a later read.
import { describe, expect, it } from 'vitest';
import { emptyExtras, type DealExtras } from '@/lib/crm/deal-extras';
import { acceptOps, dismissOps, firstFillOps, newProposals, proposalsFrom, type PrefillSource } from '@/lib/packet/prefill';
import { stakeholderRole } from '@/lib/packet/prefill-roles';
import { prefillOf } from '@/lib/packet/prefill-marks';
import { setField, addItem } from '@/lib/packet/edit';
import { applyOp } from '@/lib/sync/packet-ops';
import type { DealSnapshot } from '@/lib/crm/types';
import { empty, snapshot } from './helpers';

const src: PrefillSource = { crm: 'salesforce', readAt: '2026-11-30T20:00:00.000Z', region: 'US' };

const extras = (): DealExtras => ({
  ...emptyExtras(),
  contacts: [
    { name: 'Hannah Okafor', title: 'VP Operations', role: 'Economic Buyer', phone: '(415) 555-0132', email: 'hannah@bluefin.com' },
    { name: '李伟', title: 'IT 经理', role: '技术负责人', phone: '+86 138-0013-8000', email: null },
    { name: 'Sam Lee', title: null, role: 'Influencer', phone: 'ext. 12 only', email: 'sam@bluefin.com' },
  ],
  activities: [
    { type: 'call', date: '2026-10-02', who: 'Priya Raman', subject: 'Discovery call' },
    { type: 'meeting', date: '2026-10-09', who: 'Priya Raman', subject: 'Product demo for dispatch' },
    { type: 'meeting', date: '2026-10-20', who: null, subject: '现场拜访' },
    { type: 'email', date: null, who: null, subject: 'Pricing sent' },
  ],
  lineItems: [
    { product: 'Fleet tracking units', quantity: 120, amount: 36000, currency: 'USD' },
    { product: 'Dispatch seats', quantity: 25, amount: 12750, currency: 'USD' },
  ],
  industry: 'Logistics',
  companySize: '1,001-5,000',
});

const fill = (p = empty(), x = extras(), deal: DealSnapshot = snapshot) => firstFillOps(p, newProposals(p, proposalsFrom(x, deal, src.region)), src).reduce(applyOp, p);

describe('stakeholder roles from CRM role labels', () => {
  it.each([
    ['Decision Maker', 'decision_maker'],
    ['Economic Buyer', 'decision_maker'],
    ['economic decision-maker', 'decision_maker'],
    ['决策人', 'decision_maker'],
    ['決策者', 'decision_maker'],
    ['Champion', 'champion'],
    ['支持者', 'champion'],
    ['内线', 'champion'],
    ['Finance', 'finance'],
    ['财务', 'finance'],
    ['財務', 'finance'],
    ['IT', 'it'],
    ['Technical Buyer', 'it'],
    ['技术负责人', 'it'],
    ['技術', 'it'],
    ['Blocker', 'blocker'],
    ['反对者', 'blocker'],
    ['End User', 'user'],
    ['Business User', 'user'],
    ['使用者', 'user'],
    // the built-in CRMs' own translations (test/fixtures/crm-extras)
    ['Entscheidungsträger', 'decision_maker'],
    ['Wirtschaftlicher Käufer', 'decision_maker'],
    ['Befürworter', 'champion'],
    ['Technischer Käufer', 'it'],
    ['Finanzen', 'finance'],
    ['意思決定者', 'decision_maker'],
    ['推進者', 'champion'],
    ['経理', 'finance'],
    ['倡导者', 'champion'],
    ['IT部門', 'it'],
    ['エンドユーザー', 'user'],
  ] as const)('%s → %s', (label, role) => expect(stakeholderRole(label)).toBe(role));

  it.each(['Influencer', 'Executive Sponsor', 'Budget holder', 'Evaluator', 'Beeinflusser', '影響者', '', null, 'It depends'])('an unknown role %s stays other', (label) =>
    expect(stakeholderRole(label)).toBe('other'),
  );
});

describe('what becomes what', () => {
  it('a new draft gets the contacts, activities and line items as pending rows marked with their source', () => {
    const p = fill();
    expect(p.stakeholders.map((s) => [s.name, s.role, s.phone, s.email, s.crm, s.crmSource])).toEqual([
      ['Hannah Okafor', 'decision_maker', '+14155550132', 'hannah@bluefin.com', 'pending', 'salesforce:contacts'],
      ['李伟', 'it', '+8613800138000', '', 'pending', 'salesforce:contacts'],
      // not a phone number: kept as the page shows it, never guessed
      ['Sam Lee', 'other', 'ext. 12 only', 'sam@bluefin.com', 'pending', 'salesforce:contacts'],
    ]);
    expect(p.followUps.map((f) => [f.date, f.kind, f.who, f.summary])).toEqual([
      ['2026-10-02', 'call', 'Priya Raman', 'Discovery call'],
      ['2026-10-09', 'demo', 'Priya Raman', 'Product demo for dispatch'],
      ['2026-10-20', 'visit', '', '现场拜访'],
      ['', 'other', '', 'Pricing sent'],
    ]);
    expect(p.contract.purchases.map((x) => [x.product, x.quantity, x.crm])).toEqual([
      ['Fleet tracking units', 120, 'pending'],
      ['Dispatch seats', 25, 'pending'],
    ]);
    expect(p.stakeholders[0]!.crmReadAt).toBe(src.readAt);
    expect([p.profile.industry, p.profile.size]).toEqual(['Logistics', '1,001-5,000']);
    expect(prefillOf(p).fields.industry).toEqual({ crm: 'pending', crmSource: 'salesforce:industry', crmReadAt: src.readAt });
    expect(prefillOf(p).fields.size.crmSource).toBe('salesforce:companySize');
    expect(prefillOf(p).filledAt).toBe(src.readAt);
  });

  it('the contract amount comes from the line items (36,000 + 12,750) only when the deal shows no amount', () => {
    const noAmount = { ...snapshot, amount: null, currency: null };
    const p = fill(empty(), extras(), noAmount);
    expect([p.contract.amount, p.contract.currency]).toEqual([48750, 'USD']);
    expect(prefillOf(p).fields.amount.crmSource).toBe('salesforce:lineItems');
    // The deal shows an amount: that one is contract-from-deal.ts's, not summed here.
    expect(fill().contract.amount).toBeNull();
    // A line without an amount, or two currencies: no total (a partial sum would be wrong).
    const partial = extras();
    partial.lineItems![1] = { ...partial.lineItems![1]!, amount: null };
    expect(fill(empty(), partial, noAmount).contract.amount).toBeNull();
    const mixed = extras();
    mixed.lineItems![1] = { ...mixed.lineItems![1]!, currency: 'EUR' };
    expect(fill(empty(), mixed, noAmount).contract.amount).toBeNull();
  });

  it('the same page read gives the same ids (a CRM item is never proposed twice)', () => {
    const a = proposalsFrom(extras(), snapshot, 'US').map((p) => p.id);
    const b = proposalsFrom(extras(), snapshot, 'US').map((p) => p.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
    expect(a.every((id) => id.length <= 64)).toBe(true);
    const p = fill();
    expect(newProposals(p, proposalsFrom(extras(), snapshot, 'US'))).toEqual([]);
  });
});

describe('never overwrite', () => {
  it('typed fields stay; a contact, product or follow-up the rep already typed is not added again', () => {
    let p = setField(empty(), 'profile.industry', 'Freight');
    p = addItem(p, 'stakeholders', { id: 'mine', name: 'hannah  OKAFOR', phone: '+1 415 555 0199' });
    p = addItem(p, 'contract.purchases', { id: 'mine2', product: 'Dispatch Seats', quantity: 30 });
    p = addItem(p, 'followUps', { id: 'mine3', date: '2026-10-02', summary: 'discovery call' });
    const q = fill(p);
    expect(q.profile.industry).toBe('Freight');
    expect(prefillOf(q).fields.industry.crm).toBe('');
    expect(q.stakeholders.map((s) => s.name)).toEqual(['hannah  OKAFOR', '李伟', 'Sam Lee']);
    expect(q.stakeholders[0]!.phone).toBe('+1 415 555 0199');
    expect(q.contract.purchases.map((x) => [x.product, x.quantity])).toEqual([
      ['Dispatch Seats', 30],
      ['Fleet tracking units', 120],
    ]);
    expect(q.followUps).toHaveLength(4);
    expect(q.followUps[0]).toMatchObject({ id: 'mine3', summary: 'discovery call' });
  });

  it('after the first fill a later page change is offered, never added: only the new activity and contact', () => {
    const p = fill();
    const later = extras();
    later.activities!.push({ type: 'call', date: '2026-11-02', who: 'Priya Raman', subject: 'Contract review' });
    later.contacts!.push({ name: 'Chen Jing', title: 'Controller', role: '财务', phone: null, email: 'chen@bluefin.com' });
    const offered = newProposals(p, proposalsFrom(later, snapshot, 'US'));
    expect(offered.map((o) => ('list' in o ? [o.list, o.item.summary ?? o.item.name] : []))).toEqual([
      ['stakeholders', 'Chen Jing'],
      ['followUps', 'Contract review'],
    ]);
    expect(firstFillOps(p, offered, src)).toEqual([]);
    // accepted: added, marked pending; dismissed: not offered again
    const accepted = acceptOps(offered.slice(0, 1), src).reduce(applyOp, p);
    expect(accepted.stakeholders.at(-1)).toMatchObject({ name: 'Chen Jing', role: 'finance', crm: 'pending' });
    const dismissed = dismissOps(offered.slice(1), '2026-11-30T21:00:00Z').reduce(applyOp, accepted);
    expect(newProposals(dismissed, proposalsFrom(later, snapshot, 'US'))).toEqual([]);
  });

  it('a packet past draft is never filled silently', () => {
    const submitted = { ...empty(), status: 'submitted' as const };
    expect(firstFillOps(submitted, newProposals(submitted, proposalsFrom(extras(), snapshot)), src)).toEqual([]);
  });

  it('a page that shows nothing fills nothing and leaves the first fill for a later read', () => {
    const p = fill(empty(), emptyExtras());
    expect(prefillOf(p).filledAt).toBe('');
    expect(p.stakeholders).toEqual([]);
  });
});

describe('rows that render late', () => {
  it('join the first fill while the sidebar that started it is still on its first moments; later they are offered', () => {
    const early = extras();
    early.activities = [];
    const p = fill(empty(), early);
    expect(p.followUps).toEqual([]);
    expect(p.stakeholders).toHaveLength(3);
    const fresh = newProposals(p, proposalsFrom(extras(), snapshot, 'US'));
    expect(fresh).toHaveLength(4);
    // the same sidebar, moments later: the late rows join (pending), filledAt stays the first read's
    const joined = firstFillOps(p, fresh, { ...src, readAt: '2026-11-30T20:00:02.000Z' }, true).reduce(applyOp, p);
    expect(joined.followUps.map((f) => f.crm)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(prefillOf(joined).filledAt).toBe(src.readAt);
    // any other time: offered only
    expect(firstFillOps(p, fresh, src)).toEqual([]);
  });
});
