// Team health on a small seeded data set; every expected figure is worked out
// by hand in the comments.
import { describe, expect, it } from 'vitest';
import { healthCsv, teamHealth, type HealthInput } from '@/lib/engagement/team-health';

const input: HealthInput = {
  from: '2026-11-01T00:00:00Z',
  to: '2026-12-01T00:00:00Z',
  now: '2026-11-23T12:00:00Z',
  introMinutes: 30,
  submissions: [
    { key: 'a', at: '2026-11-02T09:00:00Z', completeness: 80 },
    { key: 'b', at: '2026-11-05T09:00:00Z', completeness: 95 },
    { key: 'a', at: '2026-11-06T09:00:00Z', completeness: 90 },
    { key: 'c', at: '2026-11-10T09:00:00Z', completeness: 100 },
    { key: 'z', at: '2026-10-30T09:00:00Z', completeness: 10 }, // before the period: ignored
  ],
  returns: [
    { key: 'a', at: '2026-11-03T09:00:00Z', items: ['risks', 'contract'] },
    { key: 'b', at: '2026-11-06T09:00:00Z', items: ['risks'] },
  ],
  acceptances: [
    // closed 11-05, accepted 11-06 10:00 → 34 h; intro 20 min later → on time
    { key: 'a', at: '2026-11-06T10:00:00Z', closeDate: '2026-11-05', introSentAt: '2026-11-06T10:20:00Z' },
    // closed 11-10, accepted 11-11 12:00 → 36 h; intro 45 min later → late
    { key: 'b', at: '2026-11-11T12:00:00Z', closeDate: '2026-11-10', introSentAt: '2026-11-11T12:45:00Z' },
    // closed 11-20, accepted 11-23 11:00 → 83 h; no intro, due 11:30 ≤ now 12:00 → due, missed
    { key: 'c', at: '2026-11-23T11:00:00Z', closeDate: '2026-11-20', introSentAt: null },
    // accepted 11:50, due 12:20 > now: not yet due; expected close in December: no close-to-acceptance time
    { key: 'd', at: '2026-11-23T11:50:00Z', closeDate: '2026-12-15', introSentAt: null },
  ],
  claims: [
    { expiresAt: '2026-11-25T00:00:00Z', releasedAt: null, wonAt: null }, // within 7 days
    { expiresAt: '2026-11-30T11:00:00Z', releasedAt: null, wonAt: null }, // 6 d 23 h: within
    { expiresAt: '2026-11-30T13:00:00Z', releasedAt: null, wonAt: null }, // 7 d 1 h: not
    { expiresAt: '2026-11-24T00:00:00Z', releasedAt: null, wonAt: '2026-11-20T00:00:00Z' }, // won: not
    { expiresAt: '2026-11-22T00:00:00Z', releasedAt: null, wonAt: null }, // already expired: not
  ],
  openConflicts: 2,
};

describe('team health', () => {
  it('matches the hand-computed figures', () => {
    expect(teamHealth(input)).toEqual({
      submissions: 4, // a, b, a again, c
      completenessAtSubmission: { mean: 91.3, min: 80 }, // (80+95+90+100)/4 = 91.25
      closeToAcceptanceHours: { median: 36, max: 83 }, // 34, 36, 83
      returns: 2,
      returnRate: 50, // 2 returns ÷ 4 submissions
      topReturnReasons: [
        { item: 'risks', count: 2 },
        { item: 'contract', count: 1 },
      ],
      intro: { due: 3, onTime: 1, rate: 33.3 }, // a on time, b late, c overdue; d not yet due
      claimsExpiringThisWeek: 2,
      openConflicts: 2,
    });
  });

  it('an empty period has no rates rather than zeros', () => {
    const t = teamHealth({ ...input, from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' });
    expect(t).toMatchObject({ submissions: 0, completenessAtSubmission: null, closeToAcceptanceHours: null, returnRate: null, intro: { due: 0, onTime: 0, rate: null } });
  });

  it('exports as CSV, quoting what needs it', () => {
    const csv = healthCsv(teamHealth(input), { from: input.from, to: input.to });
    expect(csv.split('\n')[0]).toBe('figure,value');
    expect(csv).toContain('return rate %,50\n');
    expect(csv).toContain('return reason: risks,2\n');
    expect(csv).toContain('intro SLA hit rate %,33.3\n');
    expect(healthCsv({ ...teamHealth(input), topReturnReasons: [{ item: 'a, "b"', count: 1 }] }, input)).toContain('"return reason: a, ""b""",1');
  });
});
