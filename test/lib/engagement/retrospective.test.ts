// The retrospective's rules on a small seeded set; every expected figure is
// worked out by hand in the comments (definitions in lib/engagement/retrospective.ts).
import { describe, expect, it } from 'vitest';
import { SECTIONS } from '@/lib/packet/sections';
import { handoffAccuracy, isReviewDue, retrospectiveBodySchema, REVIEW_SECTIONS, reviewDueAt, type ReviewRecord, type ReviewSection, type Verdict } from '@/lib/engagement/retrospective';

/** Every section right except those given. */
const judged = (except: Partial<Record<ReviewSection, Verdict>> = {}) =>
  Object.fromEntries(REVIEW_SECTIONS.map((s) => [s, { verdict: except[s] ?? 'right', note: '' }])) as ReviewRecord['sections'];

const period = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
const reviews: ReviewRecord[] = [
  // Wang (rep 1): 11 sections, 2 wrong (contract, risks), 1 missing (stakeholders) → 8 right
  { repUserId: 1, repName: 'Wang', submittedAt: '2026-11-03T10:00:00Z', sections: judged({ contract: 'wrong', risks: 'wrong', stakeholders: 'missing' }), profileFit: 'partly' },
  // Wang again: all 11 right
  { repUserId: 1, repName: 'Wang', submittedAt: '2026-11-20T10:00:00Z', sections: judged(), profileFit: 'yes' },
  // Adams (rep 2): 1 missing (stakeholders), 1 wrong (goals) → 9 right
  { repUserId: 2, repName: 'Adams', submittedAt: '2026-11-30T23:59:59Z', sections: judged({ stakeholders: 'missing', goals: 'wrong' }), profileFit: 'no' },
  // outside the period (the end is exclusive, and one before the start): ignored
  { repUserId: 2, repName: 'Adams', submittedAt: '2026-12-01T00:00:00Z', sections: judged({ risks: 'missing' }), profileFit: 'no' },
  { repUserId: 3, repName: 'Chen', submittedAt: '2026-10-31T23:59:59Z', sections: judged({ risks: 'missing' }), profileFit: 'no' },
];

describe('when the review falls due', () => {
  it('is N days after acceptance, from that very instant', () => {
    expect(reviewDueAt('2026-10-01T09:30:00.000Z', 30)).toBe('2026-10-31T09:30:00.000Z');
    expect(isReviewDue('2026-10-01T09:30:00Z', 30, Date.parse('2026-10-31T09:29:59Z'))).toBe(false);
    expect(isReviewDue('2026-10-01T09:30:00Z', 30, Date.parse('2026-10-31T09:30:00Z'))).toBe(true);
    expect(isReviewDue('2026-10-01T09:30:00Z', 7, Date.parse('2026-10-08T10:00:00Z'))).toBe(true);
  });
});

describe('handoff accuracy', () => {
  const a = handoffAccuracy(reviews, period);

  it('overall: 3 reviews × 11 sections = 33 rated; right 8 + 11 + 9 = 28 → 84.8%', () => {
    expect(a.reviews).toBe(3);
    expect(a.overall).toEqual({ right: 28, wrong: 3, missing: 2, accuracy: 84.8 });
    expect(a.profileFit).toEqual({ yes: 1, partly: 1, no: 1 });
  });

  it('per rep, in name order: Adams 9/11 = 81.8%, Wang 19/22 = 86.4%', () => {
    expect(a.perRep).toEqual([
      { userId: 2, name: 'Adams', reviews: 1, right: 9, wrong: 1, missing: 1, accuracy: 81.8, profileFit: { yes: 0, partly: 0, no: 1 } },
      { userId: 1, name: 'Wang', reviews: 2, right: 19, wrong: 2, missing: 1, accuracy: 86.4, profileFit: { yes: 1, partly: 1, no: 0 } },
    ]);
  });

  it('per section, in packet order: stakeholders missing twice → 1/3 = 33.3%; contract, goals, risks wrong once → 66.7%', () => {
    const by = Object.fromEntries(a.perSection.map((s) => [s.section, s]));
    expect(a.perSection.map((s) => s.section)).toEqual([...REVIEW_SECTIONS]);
    expect(by.stakeholders).toEqual({ section: 'stakeholders', right: 1, wrong: 0, missing: 2, accuracy: 33.3 });
    for (const s of ['contract', 'goals', 'risks'] as const) expect(by[s]).toEqual({ section: s, right: 2, wrong: 1, missing: 0, accuracy: 66.7 });
    expect(by.profile).toEqual({ section: 'profile', right: 3, wrong: 0, missing: 0, accuracy: 100 });
  });

  it('an empty period has no accuracy (a blank, not 0%)', () => {
    const none = handoffAccuracy(reviews, { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' });
    expect(none.reviews).toBe(0);
    expect(none.overall.accuracy).toBeNull();
    expect(none.perRep).toEqual([]);
    expect(none.perSection.every((s) => s.accuracy === null)).toBe(true);
  });
});

describe('the review form', () => {
  it('judges the packet’s eleven sections (sales notes excluded)', () => {
    expect([...REVIEW_SECTIONS]).toEqual(SECTIONS.map((s) => s.id).filter((id) => id !== 'salesNotes'));
  });

  it('needs a verdict for every section and the profile fit; names the field that is wrong', () => {
    const ok = { key: 'k', sections: judged({ risks: 'missing' }), profileFit: 'partly', profileNote: 'smaller than our ICP' };
    expect(retrospectiveBodySchema.safeParse(ok).success).toBe(true);
    const { risks: _dropped, ...noRisks } = ok.sections;
    const paths = (input: unknown) => retrospectiveBodySchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ ...ok, sections: noRisks })).toEqual(['sections.risks']);
    expect(paths({ ...ok, sections: { ...ok.sections, goals: { verdict: 'maybe' } } })).toEqual(['sections.goals.verdict']);
    expect(paths({ ...ok, profileFit: undefined })).toEqual(['profileFit']);
    expect(paths({ ...ok, sections: { ...ok.sections, contract: { verdict: 'wrong', note: 'x'.repeat(2001) } } })).toEqual(['sections.contract.note']);
  });
});
