// Health trends on a small seeded data set; every expected figure is worked
// out by hand in the comments (definitions in lib/engagement/health-trends.ts).
// The period is Mon 2026-11-02 00:00 UTC to Wed 2026-11-18 00:00 UTC: ISO weeks
// 2026-W45, W46 and the first two days of W47. Now: 2026-11-17 12:00 UTC.
import { describe, expect, it } from 'vitest';
import { healthTrends, type TrendPacket, type TrendsInput, type WeekFigures } from '@/lib/engagement/health-trends';
import { isoWeekName, isoWeekStart } from '@/lib/engagement/iso-week';

const ANN = 1; // rep
const BO = 2; // rep
const CY = 3; // csm
const DI = 4; // csm
const MAX = 5; // manager
const p = (key: string, ownerUserId: number, closeDate: string | null, introSentAt: string | null, events: TrendPacket['events'], more: Partial<TrendPacket> = {}): TrendPacket => ({
  key,
  ownerUserId,
  closeDate,
  introSentAt,
  wonAt: null,
  events,
  ...more,
});

const packets: TrendPacket[] = [
  // Ann's; returned once and accepted in W45; closed 11-03 → accepted 11-04 10:00 = 34 h; intro 20 min after: met.
  p('P1', ANN, '2026-11-03', '2026-11-04T10:20:00Z', [
    { action: 'create', at: '2026-10-28T09:00:00Z', userId: ANN }, // before the period: no draft counted
    { action: 'submit', at: '2026-11-03T09:00:00Z', userId: ANN, completeness: 80 },
    { action: 'return', at: '2026-11-03T15:00:00Z', userId: CY },
    { action: 'submit', at: '2026-11-04T09:00:00Z', userId: ANN, completeness: 90 },
    { action: 'accept', at: '2026-11-04T10:00:00Z', userId: CY },
  ]),
  // Ann's, submitted by the manager for her (W45); Di accepts in W46: closed 11-09 → 11-10 12:00 = 36 h; intro 45 min after: missed.
  p('P2', ANN, '2026-11-09', '2026-11-10T12:45:00Z', [
    { action: 'accept', at: '2026-11-10T12:00:00Z', userId: DI }, // histories come in any order
    { action: 'create', at: '2026-11-02T08:00:00Z', userId: ANN },
    { action: 'submit', at: '2026-11-05T09:00:00Z', userId: MAX, completeness: 95 },
  ]),
  // Bo's: submitted at 100 and returned by Di in W46; resubmitted at 85 and accepted by Cy in W47 at 11:50;
  // closes 11-20 (after acceptance: no close → acceptance time); intro due 12:20 > now: not yet due.
  p('P3', BO, '2026-11-20', null, [
    { action: 'create', at: '2026-11-09T09:00:00Z', userId: BO },
    { action: 'submit', at: '2026-11-10T09:00:00Z', userId: BO, completeness: 100 },
    { action: 'return', at: '2026-11-11T09:00:00Z', userId: DI },
    { action: 'submit', at: '2026-11-16T09:00:00Z', userId: BO, completeness: 85 },
    { action: 'accept', at: '2026-11-17T11:50:00Z', userId: CY },
  ]),
  // Bo's work, since reassigned to Ann (the owner now): stays Bo's. Closed 11-13 → accepted 11-16 10:00 = 82 h;
  // no intro, due 10:30 < now: overdue.
  p('P4', ANN, '2026-11-13', null, [
    { action: 'create', at: '2026-11-09T10:00:00Z', userId: BO },
    { action: 'submit', at: '2026-11-12T09:00:00Z', userId: BO, completeness: 82 },
    { action: 'accept', at: '2026-11-16T10:00:00Z', userId: CY },
  ]),
  // Ann hands P5 to implementation (a three-stage relay), not reviewed yet (W46).
  p('P5', ANN, null, null, [{ action: 'submit', at: '2026-11-10T09:00:00Z', userId: ANN, completeness: 88, stage: 'implementation' }]),
  // Wholly before the period, and a submission after it: nothing counts.
  p('P6', ANN, '2026-10-30', '2026-11-01T10:05:00Z', [
    { action: 'submit', at: '2026-10-30T09:00:00Z', userId: ANN, completeness: 70 },
    { action: 'accept', at: '2026-11-01T10:00:00Z', userId: CY },
    { action: 'submit', at: '2026-11-18T09:00:00Z', userId: ANN, completeness: 70 },
  ]),
];

const input: TrendsInput = {
  from: '2026-11-02T00:00:00Z',
  to: '2026-11-18T00:00:00Z',
  now: '2026-11-17T12:00:00Z',
  policy: { introMinutes: 30, introClockStart: 'accepted' },
  people: [
    { id: ANN, name: 'Ann', role: 'rep' },
    { id: BO, name: 'Bo', role: 'rep' },
    { id: CY, name: 'Cy', role: 'csm' },
    { id: DI, name: 'Di', role: 'csm' },
    { id: MAX, name: 'Max', role: 'manager' },
  ],
  packets,
  retros: [
    { at: '2026-11-16T09:00:00Z', repUserId: ANN, csmUserId: CY, right: 6, judged: 8 }, // Cy's retrospective of P1
    { at: '2026-11-18T01:00:00Z', repUserId: ANN, csmUserId: DI, right: 1, judged: 4 }, // of P2, after the period
  ],
  stages: ['cs', 'implementation'],
  filter: {},
};

const EMPTY = { submitted: 0, completeness: null, accepted: 0, returned: 0, closeToAcceptanceHours: null, introDue: 0, introOnTime: 0, introRate: null, accuracy: null };
const week = (f: Partial<WeekFigures>): WeekFigures => ({ ...EMPTY, ...f });
const csmWeek = (f: Partial<WeekFigures>): WeekFigures => ({ ...EMPTY, submitted: null, ...f });

describe('health trends', () => {
  it('per rep and per CSM, week by week, matches the hand-computed figures', () => {
    const t = healthTrends(input);
    expect(t.weeks).toEqual([
      { week: '2026-W45', start: '2026-11-02', partial: false },
      { week: '2026-W46', start: '2026-11-09', partial: false },
      { week: '2026-W47', start: '2026-11-16', partial: true }, // the period ends on Wednesday
    ]);
    expect(t.reps).toEqual([
      {
        userId: ANN,
        name: 'Ann',
        weeks: [
          // P1 first at 80, P2 (the manager's submission) at 95 → 87.5; P1 returned and accepted (34 h, intro met)
          week({ submitted: 2, completeness: 87.5, accepted: 1, returned: 1, closeToAcceptanceHours: 34, introDue: 1, introOnTime: 1, introRate: 100 }),
          // P5 at 88; P2 accepted by Di (36 h, intro missed)
          week({ submitted: 1, completeness: 88, accepted: 1, closeToAcceptanceHours: 36, introDue: 1, introRate: 0 }),
          // Cy's retrospective of P1: 6 of 8 sections right
          week({ accuracy: 75 }),
        ],
      },
      {
        userId: BO,
        name: 'Bo',
        weeks: [
          week({}),
          // P3 at 100 and P4 at 82 → 91; P3 returned
          week({ submitted: 2, completeness: 91, returned: 1 }),
          // P3 again at 85; P3 and P4 accepted; only P4 has a close before acceptance (82 h) and a due intro (overdue)
          week({ submitted: 1, completeness: 85, accepted: 2, closeToAcceptanceHours: 82, introDue: 1, introRate: 0 }),
        ],
      },
    ]);
    expect(t.csms).toEqual([
      {
        userId: CY,
        name: 'Cy',
        weeks: [
          csmWeek({ accepted: 1, returned: 1, closeToAcceptanceHours: 34, introDue: 1, introOnTime: 1, introRate: 100 }), // P1
          csmWeek({}),
          csmWeek({ accepted: 2, closeToAcceptanceHours: 82, introDue: 1, introRate: 0, accuracy: 75 }), // P3, P4; P1's retrospective
        ],
      },
      {
        userId: DI,
        name: 'Di',
        weeks: [csmWeek({}), csmWeek({ accepted: 1, returned: 1, closeToAcceptanceHours: 36, introDue: 1, introRate: 0 }), csmWeek({})], // P2 accepted, P3 returned
      },
    ]);
  });

  it('the funnel, intro SLA and accuracy of the period count packets', () => {
    const t = healthTrends(input);
    // drafts started in the period: P2, P3, P4 (P1 before it); submitted: P1–P5; accepted: P1–P4; returned: P1, P3
    expect(t.funnel).toEqual({ drafts: 3, submitted: 5, accepted: 4, returned: 2 });
    // P1 met, P2 missed, P4 overdue; P3 not yet due
    expect(t.intro).toEqual({ due: 3, onTime: 1, rate: 33.3 });
    expect(t.accuracy).toEqual({ judged: 8, right: 6, rate: 75 }); // P2's retrospective is after the period
  });

  it('a rep filter keeps that rep’s handoffs, and the CSMs who reviewed them', () => {
    const t = healthTrends({ ...input, filter: { rep: BO } });
    expect(t.reps.map((s) => s.name)).toEqual(['Bo']);
    expect(t.csms.map((s) => s.name)).toEqual(['Cy', 'Di']); // Cy accepted P3 and P4, Di returned P3
    expect(t.funnel).toEqual({ drafts: 2, submitted: 2, accepted: 2, returned: 1 }); // P3, P4
    expect(t.intro).toEqual({ due: 1, onTime: 0, rate: 0 }); // P4 overdue
    expect(t.accuracy).toEqual({ judged: 0, right: 0, rate: null });
    expect(t.filter).toEqual({ rep: BO, csm: null, stage: null });
    // the filters still offer everyone with a handoff step in the period (P6's acceptance by Cy is before it)
    expect(t.choices).toEqual({
      reps: [
        { id: ANN, name: 'Ann' },
        { id: BO, name: 'Bo' },
      ],
      csms: [
        { id: CY, name: 'Cy' },
        { id: DI, name: 'Di' },
      ],
      stages: ['cs', 'implementation'],
    });
  });

  it('a CSM filter keeps the handoffs that CSM reviewed; drafts have no CSM, so the count is blank', () => {
    const t = healthTrends({ ...input, filter: { csm: DI } });
    expect(t.funnel).toEqual({ drafts: null, submitted: 2, accepted: 1, returned: 1 }); // P2 accepted, P3 returned
    expect(t.csms.map((s) => s.name)).toEqual(['Di']);
    expect(t.reps.map((s) => [s.name, s.weeks.map((w) => w.submitted)])).toEqual([
      ['Ann', [1, 0, 0]], // P2 (11-05)
      ['Bo', [0, 1, 0]], // P3's first submission (11-10), the one Di returned
    ]);
  });

  it('a stage filter keeps that stage’s handoffs', () => {
    const t = healthTrends({ ...input, filter: { stage: 'implementation' } });
    expect(t.funnel).toEqual({ drafts: 0, submitted: 1, accepted: 0, returned: 0 }); // P5
    expect(t.reps).toEqual([{ userId: ANN, name: 'Ann', weeks: [week({}), week({ submitted: 1, completeness: 88 }), week({})] }]);
    expect(t.csms).toEqual([]);
  });

  it('on a relay sales → implementation → CS, each handoff is its stage’s: the stage filter tells them apart', () => {
    const IMP = 6; // implementation
    const relay = {
      ...input,
      people: [...input.people, { id: IMP, name: 'Ida', role: 'implementation' }],
      stages: ['implementation', 'cs'],
      retros: [],
      packets: [
        p('R1', ANN, null, null, [
          { action: 'create', at: '2026-11-02T09:00:00Z', userId: ANN },
          { action: 'submit', at: '2026-11-03T09:00:00Z', userId: ANN, completeness: 90, stage: 'implementation' },
          { action: 'accept', at: '2026-11-03T10:00:00Z', userId: IMP },
          { action: 'submit', at: '2026-11-10T09:00:00Z', userId: IMP, completeness: 75, stage: 'cs' }, // implementation hands on
          { action: 'accept', at: '2026-11-10T10:00:00Z', userId: CY },
        ]),
        p('R2', BO, null, null, [{ action: 'create', at: '2026-11-04T09:00:00Z', userId: BO }]), // never handed on: goes to implementation first
      ],
    };
    const imp = healthTrends({ ...relay, filter: { stage: 'implementation' } });
    expect(imp.funnel).toEqual({ drafts: 2, submitted: 1, accepted: 1, returned: 0 }); // R1 and R2 start toward implementation
    expect(imp.reps.map((s) => [s.name, s.weeks.map((w) => w.submitted)])).toEqual([['Ann', [1, 0, 0]]]);
    expect(imp.csms.map((s) => [s.name, s.weeks.map((w) => w.accepted)])).toEqual([['Ida', [1, 0, 0]]]);
    expect(imp.intro).toEqual({ due: 0, onTime: 0, rate: null }); // accepting into implementation starts no intro clock
    const cs = healthTrends({ ...relay, filter: { stage: 'cs' } });
    expect(cs.funnel).toEqual({ drafts: 0, submitted: 1, accepted: 1, returned: 0 });
    expect(cs.reps.map((s) => [s.name, s.weeks.map((w) => w.completeness)])).toEqual([['Ida', [null, 75, null]]]); // who handed it on to CS
    expect(cs.csms.map((s) => [s.name, s.weeks.map((w) => w.accepted)])).toEqual([['Cy', [0, 1, 0]]]);
    expect(cs.intro).toEqual({ due: 1, onTime: 0, rate: 0 }); // Cy accepted 11-10 10:00, no intro sent: overdue
    expect(healthTrends(relay).funnel).toEqual({ drafts: 2, submitted: 1, accepted: 1, returned: 0 }); // one packet handed on twice: counted once
  });

  it('on a relay, only CS’s acceptance starts the intro clock: implementation’s acceptance is no intro due', () => {
    const IMP = 6;
    const t = healthTrends({
      ...input,
      people: [...input.people, { id: IMP, name: 'Ida', role: 'implementation' }],
      stages: ['implementation', 'cs'],
      retros: [],
      // implementation accepts in W45 (no intro follows it); CS accepts 11-10 10:00, intro 10:20: met
      packets: [
        p('R1', ANN, null, '2026-11-10T10:20:00Z', [
          { action: 'submit', at: '2026-11-03T09:00:00Z', userId: ANN, completeness: 90, stage: 'implementation' },
          { action: 'accept', at: '2026-11-03T10:00:00Z', userId: IMP },
          { action: 'submit', at: '2026-11-10T09:00:00Z', userId: IMP, completeness: 75, stage: 'cs' },
          { action: 'accept', at: '2026-11-10T10:00:00Z', userId: CY },
        ]),
      ],
    });
    expect(t.intro).toEqual({ due: 1, onTime: 1, rate: 100 });
    expect(t.csms.map((s) => [s.name, s.weeks.map((w) => w.introDue)])).toEqual([
      ['Cy', [0, 1, 0]],
      ['Ida', [0, 0, 0]],
    ]);
  });

  it('with the won stage starting the intro clock, an intro is measured from the win', () => {
    const won = packets.map((x) => (x.key === 'P2' ? { ...x, wonAt: '2026-11-10T12:30:00Z' } : x.key === 'P1' ? { ...x, wonAt: '2026-11-04T10:00:00Z' } : x));
    const t = healthTrends({ ...input, packets: won, policy: { introMinutes: 30, introClockStart: 'won' } });
    // P2: won 12:30, intro 12:45 → met; P1 met; P3, P4 have no won time: waiting, not due
    expect(t.intro).toEqual({ due: 2, onTime: 2, rate: 100 });
  });

  it('an empty team gives the weeks with zeros and blanks', () => {
    const t = healthTrends({ ...input, packets: [], retros: [] });
    expect(t.reps).toEqual([]);
    expect(t.funnel).toEqual({ drafts: 0, submitted: 0, accepted: 0, returned: 0 });
    expect(t.intro.rate).toBeNull();
    expect(t.weeks).toHaveLength(3);
  });
});

describe('ISO weeks in UTC', () => {
  it('names weeks across year ends as ISO 8601 does', () => {
    const name = (d: string) => isoWeekName(isoWeekStart(Date.parse(d)));
    expect(name('2026-11-02T00:00:00Z')).toBe('2026-W45'); // a Monday
    expect(name('2026-11-08T23:59:59Z')).toBe('2026-W45'); // its Sunday's last second
    expect(name('2026-12-31T12:00:00Z')).toBe('2026-W53'); // 2026 starts on a Thursday: 53 weeks
    expect(name('2027-01-03T12:00:00Z')).toBe('2026-W53'); // a Sunday in January, still 2026's last week
    expect(name('2027-01-04T00:00:00Z')).toBe('2027-W01');
    expect(name('2024-12-30T00:00:00Z')).toBe('2025-W01'); // a Monday in December, already 2025's first week
    expect(new Date(isoWeekStart(Date.parse('2026-11-05T23:00:00Z'))).toISOString()).toBe('2026-11-02T00:00:00.000Z');
  });
});
