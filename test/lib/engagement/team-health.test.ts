// Team health on a small seeded data set; every expected figure is worked out
// by hand in the comments. The figures count packets, not lifecycle events
// (definitions in lib/engagement/team-health.ts).
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
    { key: 'a', at: '2026-11-04T09:00:00Z', items: ['risks'] }, // a returned a second time
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
      submittedPackets: 3, // a (submitted twice: one packet), b, c; z before the period
      completenessAtSubmission: { mean: 91.7, min: 80 }, // first submissions: a 80, b 95, c 100 → 275/3 = 91.67
      closeToAcceptanceHours: { median: 36, max: 83 }, // 34, 36, 83
      returnedPackets: 2, // a (returned twice: one packet), b
      returnRate: 66.7, // 2 returned packets ÷ 3 submitted packets
      topReturnReasons: [
        { item: 'risks', count: 2 }, // a (twice: once), b
        { item: 'contract', count: 1 }, // a
      ],
      intro: { due: 3, onTime: 1, rate: 33.3 }, // a on time, b late, c overdue; d not yet due
      claimsExpiringThisWeek: 2,
      openConflicts: 2,
    });
  });

  it('a packet submitted, returned and resubmitted is one submitted packet, returned: 100%', () => {
    const t = teamHealth({
      ...input,
      submissions: [
        { key: 'p', at: '2026-11-02T09:00:00Z', completeness: 70 }, // first submission
        { key: 'p', at: '2026-11-03T09:00:00Z', completeness: 95 }, // resubmitted after the return
      ],
      returns: [{ key: 'p', at: '2026-11-02T15:00:00Z', items: ['risks'] }],
      acceptances: [{ key: 'p', at: '2026-11-04T09:00:00Z', closeDate: '2026-11-01', introSentAt: '2026-11-04T09:10:00Z' }],
    });
    expect(t).toMatchObject({
      submittedPackets: 1, // one packet, not two submissions
      completenessAtSubmission: { mean: 70, min: 70 }, // what the rep first handed over
      returnedPackets: 1,
      returnRate: 100, // 1 returned ÷ 1 submitted (counting events gave 1 ÷ 2 = 50%)
      topReturnReasons: [{ item: 'risks', count: 1 }],
      closeToAcceptanceHours: { median: 81, max: 81 }, // 11-01 00:00 → 11-04 09:00 = 3 × 24 + 9
      intro: { due: 1, onTime: 1, rate: 100 }, // sent 10 min after acceptance
    });
  });

  it('an empty period has no rates rather than zeros', () => {
    const t = teamHealth({ ...input, from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' });
    expect(t).toMatchObject({ submittedPackets: 0, completenessAtSubmission: null, closeToAcceptanceHours: null, returnRate: null, intro: { due: 0, onTime: 0, rate: null } });
  });

  it('exports as CSV, quoting what needs it', () => {
    const csv = healthCsv(teamHealth(input), { from: input.from, to: input.to });
    expect(csv.split('\n')[0]).toBe('figure,value');
    expect(csv).toContain('packets submitted,3\n');
    expect(csv).toContain('return rate %,66.7\n');
    expect(csv).toContain('packets returned for: risks,2\n');
    expect(csv).toContain('intro SLA hit rate %,33.3\n');
    expect(healthCsv({ ...teamHealth(input), topReturnReasons: [{ item: 'a, "b"', count: 1 }] }, input)).toContain('"packets returned for: a, ""b""",1');
  });
});
