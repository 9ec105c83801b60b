// Health trends through the API on both drivers: three packets of two reps,
// one of them a week older (its audit entries moved back seven days, as if it
// had happened then), reviewed by the team's CSM. Managers see the weekly
// series, the funnel and the filters' choices; bad filters are 400s at their
// field; others 403; another team's people are no filter.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { isoWeekName, isoWeekStart } from '@/lib/engagement/iso-week';
import { REVIEW_SECTIONS } from '@/lib/engagement/retrospective';
import { retrospectives } from '@/server/db/schema';
import { BACKENDS } from '../harness/backends';
import { COMPLETE_OPS, hlc } from '../harness/seed';
import { serverFixture } from '../harness/server-fixture';

const WEEK = 7 * 86_400_000;

describe.each(BACKENDS)('health trends on %s', (backend) => {
  const f = serverFixture(backend, ['A', 'B'], { requestsPerMinute: 1e6 });

  it('per rep and per CSM over ISO weeks, the funnel, and the filters', async () => {
    const A = f.teams[0]!;
    const key = (n: number) => `hubspot:app.hubspot.com:trend-${n}`;
    const post = (token: string, n: number, cmd: string, body?: unknown) => f.call(token, 'POST', `/v1/packets/${encodeURIComponent(key(n))}/${cmd}`, body);
    const push = async (token: string, n: number) => {
      const deal = { kind: 'deal', snapshot: { dealName: `Trend ${n}`, accountName: 'Contoso', amount: 1, currency: 'USD', stage: 'Won', closeDate: '2026-01-05', owner: 'Rep' }, dealUrl: 'https://app.hubspot.com/x' };
      const r = await f.call(token, 'POST', '/v1/sync/push', { clientId: 'trend-client', mutations: [deal, ...COMPLETE_OPS].map((op, i) => ({ id: `trend-${n}-${i}`, packetKey: key(n), op, hlc: hlc() })) });
      expect(r.status).toBe(200);
    };
    // 1: the rep's; returned, resubmitted, accepted, intro sent — then moved a week back.
    await push(A.tokens.rep, 1);
    expect((await post(A.tokens.rep, 1, 'submit')).status).toBe(200);
    expect((await post(A.tokens.csm, 1, 'return', { reasons: [{ item: 'risks', reason: 'name one' }] })).status).toBe(200);
    expect((await post(A.tokens.rep, 1, 'submit')).status).toBe(200);
    expect((await post(A.tokens.csm, 1, 'accept')).status).toBe(200);
    expect((await post(A.tokens.csm, 1, 'intro-sent')).status).toBe(200);
    await f.database.db.execute(sql`UPDATE audit_log SET at = at - interval '7 days' WHERE team_id = ${A.teamId} AND packet_key = ${key(1)}`);
    // 2: rep2's, submitted by the manager for them, accepted this week.
    await push(A.tokens.rep2, 2);
    expect((await post(A.tokens.manager, 2, 'submit')).status).toBe(200);
    expect((await post(A.tokens.csm, 2, 'accept')).status).toBe(200);
    // 3: the rep's draft.
    await push(A.tokens.rep, 3);

    const now = Date.now();
    const from = new Date(isoWeekStart(now) - WEEK).toISOString(); // last week's Monday
    const to = new Date(now + 60_000).toISOString();
    const trends = async (extra = '', token = A.tokens.manager) => f.call(token, 'GET', `/v1/team/health/trends?from=${from}&to=${to}${extra}`);
    const r = await trends();
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const t = r.json as unknown as import('@/lib/engagement/health-trends').HealthTrends;
    expect(t.weeks.map((w) => [w.week, w.partial])).toEqual([
      [isoWeekName(isoWeekStart(now) - WEEK), false],
      [isoWeekName(isoWeekStart(now)), true],
    ]);
    const { rows } = (await f.database.db.execute(sql`SELECT at FROM audit_log WHERE team_id = ${A.teamId} AND packet_key = ${key(1)} AND action = 'packet.accept'`)) as unknown as { rows: { at: string | Date }[] };
    const accepted1 = rows[0]!.at;
    const closeHours = Math.round(((new Date(accepted1).getTime() - Date.parse('2026-01-05T00:00:00Z')) / 3_600_000) * 10) / 10;
    const none = { submitted: 0, completeness: null, accepted: 0, returned: 0, closeToAcceptanceHours: null, introDue: 0, introOnTime: 0, introRate: null, accuracy: null };
    expect(t.reps).toEqual([
      // its first submission scored the required items (80 of 100) + the deal snapshot (2); the intro went out a week after acceptance: missed
      { userId: A.userIds.rep, name: 'A rep', weeks: [{ ...none, submitted: 1, completeness: 82, accepted: 1, returned: 1, closeToAcceptanceHours: closeHours, introDue: 1, introRate: 0 }, none] },
      // submitted by the manager: counted for the owner; accepted seconds ago: its intro is not due yet
      { userId: A.userIds.rep2, name: 'A rep2', weeks: [none, { ...none, submitted: 1, completeness: 82, accepted: 1, closeToAcceptanceHours: expect.any(Number) }] },
    ]);
    expect(t.csms).toEqual([
      { userId: A.userIds.csm, name: 'A csm', weeks: [{ ...none, submitted: null, accepted: 1, returned: 1, closeToAcceptanceHours: closeHours, introDue: 1, introRate: 0 }, { ...none, submitted: null, accepted: 1, closeToAcceptanceHours: expect.any(Number) }] },
    ]);
    expect(t.funnel).toEqual({ drafts: 3, submitted: 2, accepted: 2, returned: 1 });
    expect(t.intro).toEqual({ due: 1, onTime: 0, rate: 0 });
    expect(t.choices).toEqual({
      reps: [
        { id: A.userIds.rep, name: 'A rep' },
        { id: A.userIds.rep2, name: 'A rep2' },
      ],
      csms: [{ id: A.userIds.csm, name: 'A csm' }],
      stages: ['cs'],
    });

    // Filters.
    expect((await trends(`&rep=${A.userIds.rep2}`)).json.funnel).toEqual({ drafts: 1, submitted: 1, accepted: 1, returned: 0 });
    expect((await trends(`&csm=${A.userIds.csm}`)).json.funnel).toEqual({ drafts: null, submitted: 2, accepted: 2, returned: 1 });
    // This week only: packet 1 is out.
    const thisWeek = await f.call(A.tokens.admin, 'GET', `/v1/team/health/trends?from=${new Date(isoWeekStart(now)).toISOString()}&to=${to}`);
    expect(thisWeek.json.funnel).toEqual({ drafts: 2, submitted: 1, accepted: 1, returned: 0 });

    // CSMs' retrospectives (issue 16 item 3): 8 of 11 sections right this week, 11 of 11 two weeks ago (before the period: not counted).
    const sections = (right: number) => Object.fromEntries(REVIEW_SECTIONS.map((id, i) => [id, { verdict: i < right ? 'right' : i % 2 ? 'wrong' : 'missing', note: '' }]));
    const review = (packetKey: string, right: number, submittedAt: Date) => ({ teamId: A.teamId, packetKey, repUserId: A.userIds.rep, csmUserId: A.userIds.csm, acceptedAt: new Date(now - 40 * 86_400_000), sections: sections(right) as never, profileFit: 'yes' as const, submittedAt });
    await f.database.db.insert(retrospectives).values([review(key(1), 8, new Date(now - 1000)), review('hubspot:app.hubspot.com:old', 11, new Date(isoWeekStart(now) - 2 * WEEK))]);
    const reviewed = await trends();
    expect(reviewed.json.accuracy).toEqual({ judged: 11, right: 8, rate: 72.7 }); // 8 ÷ 11
    expect((reviewed.json.reps as { userId: number; weeks: { accuracy: number | null }[] }[]).find((r) => r.userId === A.userIds.rep)!.weeks.map((w) => w.accuracy)).toEqual([null, 72.7]);
    expect((reviewed.json.csms as { weeks: { accuracy: number | null }[] }[])[0]!.weeks.map((w) => w.accuracy)).toEqual([null, 72.7]);
    const accuracyRoute = await f.call(A.tokens.manager, 'GET', `/v1/team/retrospectives/accuracy?from=${from}&to=${to}`);
    expect(JSON.stringify(accuracyRoute.json)).toContain('72.7'); // the retrospective's own figure agrees

    // On a relay through implementation, the submission's audit entry names the stage it hands to.
    await f.database.db.execute(sql`UPDATE audit_log SET after = after || '{"stage": "implementation"}'::jsonb WHERE team_id = ${A.teamId} AND packet_key = ${key(2)} AND action = 'packet.submit'`);
    const relayed = await trends('&stage=implementation');
    // packet 2, first handed to implementation; packet 3's draft, never handed on, goes to the relay's first receiving stage
    expect(relayed.json.funnel).toEqual({ drafts: 2, submitted: 1, accepted: 1, returned: 0 });
    expect((relayed.json.choices as { stages: string[] }).stages).toEqual(['implementation', 'cs']);
    expect((await trends('&stage=cs')).json.funnel).toEqual({ drafts: 1, submitted: 1, accepted: 1, returned: 1 }); // packet 1

    // Bad filters: 400 at the field, nothing else.
    const bad = async (extra: string) => {
      const x = await trends(extra);
      expect(x.status, extra).toBe(400);
      return x.json.error?.path;
    };
    expect(await bad('&rep=abc')).toBe('query.rep');
    expect(await bad('&rep=0')).toBe('query.rep');
    expect(await bad('&csm=999999')).toBe('query.csm');
    expect(await bad('&stage=sales')).toBe('query.stage'); // the relay starts there: nothing is handed to it
    expect(await bad('&stage=support')).toBe('query.stage');
    expect(await bad('&week=1')).toBe('query');
    const backwards = await f.call(A.tokens.manager, 'GET', `/v1/team/health/trends?from=${to}&to=${from}`);
    expect([backwards.status, backwards.json.error?.path]).toEqual([400, 'query.from']);
    const long = await f.call(A.tokens.manager, 'GET', '/v1/team/health/trends?from=2025-01-01T00:00:00Z&to=2026-02-01T00:00:00Z');
    expect([long.status, long.json.error?.path, long.json.error?.message]).toEqual([400, 'query.from', 'from: the period may span at most 366 days']);

    // Who may see it.
    expect((await trends('', A.tokens.rep)).status).toBe(403);
    expect((await trends('', A.tokens.csm)).status).toBe(403);
    const B = f.teams[1]!;
    const other = await trends('', B.tokens.admin);
    expect(other.json).toMatchObject({ reps: [], csms: [], funnel: { drafts: 0, submitted: 0, accepted: 0, returned: 0 } });
    expect((await trends(`&rep=${A.userIds.rep}`, B.tokens.admin)).json.error?.path).toBe('query.rep');
    // A team whose relay runs through implementation is offered both stages before any handoff went there.
    expect((await f.call(B.tokens.admin, 'PUT', '/v1/team/relay', { stages: [{ id: 'sales' }, { id: 'implementation' }, { id: 'cs' }] })).status).toBe(201);
    expect(((await trends('', B.tokens.admin)).json.choices as { stages: string[] }).stages).toEqual(['implementation', 'cs']);
  });
});
