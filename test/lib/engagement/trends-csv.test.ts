// The trends CSV: what the page shows, row by row, and no cell a spreadsheet
// would run as a formula.
import { describe, expect, it } from 'vitest';
import type { HealthTrends } from '@/lib/engagement/health-trends';
import { csvCell, trendsCsv } from '@/lib/engagement/trends-csv';

const week = { submitted: 2, completeness: 87.5, accepted: 1, returned: 1, closeToAcceptanceHours: 34, introDue: 1, introOnTime: 1, introRate: 100, accuracy: null };
const trends: HealthTrends = {
  period: { from: '2026-11-02T00:00:00.000Z', to: '2026-11-09T00:00:00.000Z' },
  filter: { rep: 7, csm: null, stage: 'cs' },
  weeks: [{ week: '2026-W45', start: '2026-11-02', partial: false }],
  reps: [{ userId: 7, name: '=HYPERLINK("http://evil.example","x")', weeks: [week] }],
  csms: [{ userId: 8, name: 'Lee, Amy', weeks: [{ ...week, submitted: null, completeness: null }] }],
  funnel: { drafts: 3, submitted: 2, accepted: 1, returned: 1 },
  intro: { due: 1, onTime: 1, rate: 100 },
  accuracy: { judged: 0, right: 0, rate: null },
  choices: { reps: [], csms: [], stages: ['cs'] },
};

describe('trends CSV', () => {
  it('neutralises formula starters and quotes what needs it', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'plain', 'a,b', 'say "hi"', null, 3.5].map(csvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '',
      '3.5',
    ]);
  });

  it('holds the period, filter, funnel, intro SLA and one row per person and week', () => {
    const csv = trendsCsv(trends, (id) => id, (id) => (id === 7 ? '=HYPERLINK("http://evil.example","x")' : `#${id}`));
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 5)).toEqual(['from,2026-11-02T00:00:00.000Z', 'to,2026-11-09T00:00:00.000Z', `rep,"'=HYPERLINK(""http://evil.example"",""x"")"`, 'csm,', 'stage,cs']);
    expect(lines).toContain('drafts,3');
    expect(lines).toContain('introRate,100');
    expect(lines).toContain('accuracy,');
    const header = lines.indexOf('side,person,week,weekStart,submitted,completeness,accepted,returned,closeToAcceptanceHours,introDue,introOnTime,introRate,accuracy');
    expect(header).toBeGreaterThan(0);
    expect(lines.slice(header + 1)).toEqual([
      `rep,"'=HYPERLINK(""http://evil.example"",""x"")",2026-W45,2026-11-02,2,87.5,1,1,34,1,1,100,`,
      'csm,"Lee, Amy",2026-W45,2026-11-02,,,1,1,34,1,1,100,',
      '',
    ]);
    expect(lines.every((l) => !/^[=+\-@]/.test(l) && !l.includes(',=') && !l.includes(',"='))).toBe(true);
  });
});
