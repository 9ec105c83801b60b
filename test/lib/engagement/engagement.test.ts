// The engagement rule at its boundaries, stage progress from CRM labels, and
// the intro clock.
import { describe, expect, it } from 'vitest';
import { engagementRule, needsCsm } from '@/lib/engagement/engagement-rule';
import { introClock } from '@/lib/engagement/intro-clock';
import { DEFAULT_ENGAGEMENT_POLICY as P, engagementPolicySchema } from '@/lib/engagement/policy';
import { dealProgress, stageProgress } from '@/lib/engagement/stage-progress';

describe('engagement rule (defaults 15,000 / 45 days / 3 weeks)', () => {
  const small = { amount: 14_999, salesCycleDays: 44, implementationWeeks: 2.9 };
  it.each([
    ['all under', small, 1],
    ['amount at the threshold', { ...small, amount: 15_000 }, 2],
    ['sales cycle at the threshold', { ...small, salesCycleDays: 45 }, 2],
    ['implementation at the threshold', { ...small, implementationWeeks: 3 }, 2],
    ['only the amount known, small', { amount: 800, salesCycleDays: null, implementationWeeks: null }, 1],
    ['only the amount known, large', { amount: 2_000_000, salesCycleDays: null, implementationWeeks: null }, 2],
    ['nothing known: involve CS early', { amount: null, salesCycleDays: null, implementationWeeks: null }, 2],
  ] as const)('%s → Rule %i', (_n, deal, rule) => {
    expect(engagementRule(deal, P)).toBe(rule);
  });

  it('team thresholds change the answer', () => {
    const p = engagementPolicySchema.parse({ rule: { amount: 100_000 } });
    expect(engagementRule({ amount: 50_000, salesCycleDays: 10, implementationWeeks: 1 }, p)).toBe(1);
    expect(engagementRule({ amount: 50_000, salesCycleDays: 10, implementationWeeks: 1 }, P)).toBe(2);
  });

  it('asks for a CSM only for Rule 2, at or past 70%, with none assigned', () => {
    expect(needsCsm(2, 70, false, P)).toBe(true);
    expect(needsCsm(2, 69, false, P)).toBe(false);
    expect(needsCsm(2, 80, true, P)).toBe(false);
    expect(needsCsm(1, 100, false, P)).toBe(false);
    expect(needsCsm(2, null, false, P)).toBe(false);
  });
});

describe('stage progress', () => {
  it.each([
    ['salesforce', 'Proposal/Price Quote', 70],
    ['salesforce', 'Negotiation/Review', 80],
    ['salesforce', 'Closed Won', 100],
    ['hubspot', 'Contract sent', 80],
    ['pipedrive', 'Proposal Made', 70],
    ['fxiaoke', '赢单', 100],
    ['fxiaoke', '方案/报价', 70],
    ['salesforce', 'proposal / price quote', 70],
    ['fxiaoke', '商務談判', 80],
    ['dynamics', 'Develop', 40],
    ['zoho', 'Negotiation (85%)', 85],
    ['zoho', 'Something else', null],
  ] as const)('%s "%s" → %s', (crm, stage, pct) => {
    expect(stageProgress(crm, stage, P)).toBe(pct);
  });

  it('a team map wins over the built-in one', () => {
    const p = engagementPolicySchema.parse({ stageProgress: { hubspot: { 'Contract sent': 90, 'Pilot running': 75 } } });
    expect(stageProgress('hubspot', 'contract  SENT', p)).toBe(90);
    expect(stageProgress('hubspot', 'Pilot running', p)).toBe(75);
    expect(stageProgress('salesforce', 'Pilot running', p)).toBeNull();
  });
});

describe('intro clock (30 minutes from acceptance)', () => {
  const acceptedAt = '2026-11-23T02:00:00.000Z';
  const at = (min: number) => Date.parse(acceptedAt) + min * 60_000;
  it('waits for acceptance, runs, then is overdue', () => {
    expect(introClock({ acceptedAt: null, introSentAt: null }, P, at(0))).toEqual({ state: 'waiting' });
    expect(introClock({ acceptedAt, introSentAt: null }, P, at(10))).toEqual({ state: 'running', dueAt: '2026-11-23T02:30:00.000Z', msLeft: 20 * 60_000 });
    expect(introClock({ acceptedAt, introSentAt: null }, P, at(30))).toEqual({ state: 'overdue', dueAt: '2026-11-23T02:30:00.000Z', msLate: 0 });
  });
  it('sending stops it: met at 30 minutes exactly, missed after', () => {
    expect(introClock({ acceptedAt, introSentAt: new Date(at(30)).toISOString() }, P, at(500))).toMatchObject({ state: 'met', tookMs: 30 * 60_000 });
    expect(introClock({ acceptedAt, introSentAt: new Date(at(31)).toISOString() }, P, at(500))).toMatchObject({ state: 'missed', tookMs: 31 * 60_000 });
  });
  it('a team may start the clock at the won stage instead', () => {
    const won = engagementPolicySchema.parse({ introClockStart: 'won' });
    expect(introClock({ acceptedAt, introSentAt: null }, won, at(10))).toEqual({ state: 'waiting' });
    expect(introClock({ acceptedAt, wonAt: new Date(at(-60)).toISOString(), introSentAt: null }, won, at(10))).toMatchObject({ state: 'overdue', msLate: 40 * 60_000 });
  });

  it('the team policy sets the minutes', () => {
    expect(introClock({ acceptedAt, introSentAt: null }, engagementPolicySchema.parse({ introMinutes: 60 }), at(45))).toMatchObject({ state: 'running', msLeft: 15 * 60_000 });
  });
});

describe('progress: the CRM\'s own win probability before the stage map', () => {
  it.each([
    ['probability shown', { stage: 'Prospecting', probability: 75 }, 75],
    ['probability 0 is a figure, not a blank', { stage: 'Negotiation/Review', probability: 0 }, 0],
    ['no probability: the stage map', { stage: 'Negotiation/Review', probability: null }, 80],
    ['older snapshot without the field', { stage: 'Proposal/Price Quote' }, 70],
    ['an impossible figure is ignored', { stage: 'Proposal/Price Quote', probability: 140 }, 70],
    ['neither known', { stage: 'Pilot running', probability: null }, null],
  ] as const)('%s', (_n, deal, want) => expect(dealProgress('custom:suitecrm', deal, P)).toBe(want));

  it('a CSM prompt follows the CRM figure: 72% asks, a 90% stage name with 40% does not', () => {
    expect(needsCsm(2, dealProgress('salesforce', { stage: 'Prospecting', probability: 72 }, P), false, P)).toBe(true);
    expect(needsCsm(2, dealProgress('salesforce', { stage: 'Negotiation/Review', probability: 40 }, P), false, P)).toBe(false);
  });
});
