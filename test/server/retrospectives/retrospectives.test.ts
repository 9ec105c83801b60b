// The retrospective and the sync agenda through the API on both drivers: due
// N days after acceptance (from timestamps, the team's policy), only the
// person who accepted reviews, once; 400 with the field's path; the rep sees
// the review of their handoff; managers see the accuracy and the agenda;
// another team sees none of it.
import { describe, expect, it } from 'vitest';
import { syncAgendaMarkdown, syncAgendaSchema } from '@/lib/engagement/sync-agenda';
import { REVIEW_SECTIONS } from '@/lib/engagement/retrospective';
import { ageAcceptance } from '../harness/age-acceptance';
import { BACKENDS } from '../harness/backends';
import { COMPLETE_OPS, hlc } from '../harness/seed';
import { serverFixture } from '../harness/server-fixture';

/** Every section right except those given (verdict, note). */
const sections = (except: Record<string, [string, string]> = {}) => Object.fromEntries(REVIEW_SECTIONS.map((s) => [s, { verdict: except[s]?.[0] ?? 'right', note: except[s]?.[1] ?? '' }]));

describe.each(BACKENDS)('retrospectives on %s', (backend) => {
  const f = serverFixture(backend, ['A', 'B'], { requestsPerMinute: 1e6 });
  const A = () => f.teams[0]!;
  const B = () => f.teams[1]!;

  /** A packet of A's rep, submitted, then accepted by `by` (A's csm unless said). */
  async function accepted(n: number, by: 'csm' | 'manager' = 'csm'): Promise<string> {
    const key = `hubspot:app.hubspot.com:retro-${backend}-${n}`;
    const snapshot = { dealName: `Deal ${n}`, accountName: `Account ${n}`, amount: 1, currency: 'EUR', stage: 'Closed Won', closeDate: '2026-10-01', owner: 'Rep' };
    const r = await f.call(A().tokens.rep, 'POST', '/v1/sync/push', {
      clientId: 'retro-client',
      mutations: [{ kind: 'deal', snapshot, dealUrl: `https://app.hubspot.com/deal/${n}` }, ...COMPLETE_OPS].map((op, i) => ({ id: `retro-${n}-${i}`, packetKey: key, op, hlc: hlc() })),
    });
    expect(r.status).toBe(200);
    expect((await f.call(A().tokens.rep, 'POST', `/v1/packets/${encodeURIComponent(key)}/submit`)).status).toBe(200);
    expect((await f.call(A().tokens[by], 'POST', `/v1/packets/${encodeURIComponent(key)}/accept`)).status).toBe(200);
    return key;
  }
  const review = (who: string, key: string, body: object) => f.call(who, 'POST', '/v1/team/retrospectives', { key, ...body });
  const due = async (who: string) => ((await f.call(who, 'GET', '/v1/team/retrospectives/due')).json.due as { key: string; dueAt: string; deal: string; rep: string }[]).map((d) => d.key);

  it('falls due N days after acceptance, for the one who accepted; one review per packet', async () => {
    const k1 = await accepted(1);
    const k2 = await accepted(2);
    const k3 = await accepted(3, 'manager');
    // Just accepted: nothing due (default 30 days), and an early review is refused with the day it falls due.
    expect(await due(A().tokens.csm)).toEqual([]);
    const early = await review(A().tokens.csm, k1, { sections: sections(), profileFit: 'yes' });
    expect(early.status).toBe(409);
    expect(early.json.error?.code).toBe('not_due');
    expect(Date.parse((early.json.error as unknown as { dueAt: string }).dueAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);

    await ageAcceptance(f.database, A().teamId, k1, 31);
    await ageAcceptance(f.database, A().teamId, k2, 10);
    await ageAcceptance(f.database, A().teamId, k3, 31);
    expect(await due(A().tokens.csm)).toEqual([k1]); // k2 is 10 days old; k3 was accepted by the manager
    expect(await due(A().tokens.manager)).toEqual([k3]);
    expect(await due(A().tokens.rep)).toEqual([]);
    expect(await due(B().tokens.admin)).toEqual([]);
    const [first] = (await f.call(A().tokens.csm, 'GET', '/v1/team/retrospectives/due')).json.due as { deal: string; rep: string; dealUrl: string }[];
    expect(first).toMatchObject({ deal: 'Deal 1', rep: 'A rep', dealUrl: 'https://app.hubspot.com/deal/1' });

    // The team's policy says 7 days: k2 (10 days) is due too.
    expect((await f.call(A().tokens.admin, 'PUT', '/v1/team/engagement', { retrospectiveDays: 7 })).status).toBe(201);
    expect(await due(A().tokens.csm)).toEqual([k1, k2]);
    const bad = await f.call(A().tokens.admin, 'PUT', '/v1/team/engagement', { retrospectiveDays: 0 });
    expect([bad.status, bad.json.error?.path]).toEqual([400, 'retrospectiveDays']);

    // Bad input: 400 with the field's path, nothing stored.
    const { risks: _r, ...noRisks } = sections();
    const missing = await review(A().tokens.csm, k1, { sections: noRisks, profileFit: 'yes' });
    expect([missing.status, missing.json.error?.path]).toEqual([400, 'sections.risks']);
    const wrongVerdict = await review(A().tokens.csm, k1, { sections: { ...sections(), goals: { verdict: 'maybe' } }, profileFit: 'yes' });
    expect([wrongVerdict.status, wrongVerdict.json.error?.path]).toEqual([400, 'sections.goals.verdict']);
    expect(await due(A().tokens.csm)).toEqual([k1, k2]);

    // Only the one who accepted reviews it.
    expect((await review(A().tokens.rep, k1, { sections: sections(), profileFit: 'yes' })).status).toBe(403);
    const notMine = await review(A().tokens.manager, k1, { sections: sections(), profileFit: 'yes' });
    expect([notMine.status, notMine.json.error?.code]).toEqual([403, 'not_reviewer']);
    expect((await review(B().tokens.admin, k1, { sections: sections(), profileFit: 'yes' })).status).toBe(404);

    const body = { sections: sections({ stakeholders: ['missing', 'No IT contact'], contract: ['wrong', 'Term is 24 months'] }), profileFit: 'partly', profileNote: 'Smaller than our ICP' };
    const ok = await review(A().tokens.csm, k1, body);
    expect(ok.status).toBe(201);
    expect(ok.json.review).toMatchObject({ key: k1, deal: 'Deal 1', rep: 'A rep', csm: 'A csm', profileFit: 'partly', profileNote: 'Smaller than our ICP' });
    const again = await review(A().tokens.csm, k1, { sections: sections(), profileFit: 'yes' });
    expect([again.status, again.json.error?.code]).toEqual([409, 'already_reviewed']);
    expect(await due(A().tokens.csm)).toEqual([k2]);

    // Two reviews racing for one packet: exactly one is stored.
    const race = await Promise.all([1, 2].map(() => review(A().tokens.csm, k2, { sections: sections(), profileFit: 'yes' })));
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);

    // The rep sees what CS said about their handoffs; the other rep and the other team see none.
    const received = (await f.call(A().tokens.rep, 'GET', '/v1/team/retrospectives/received')).json.reviews as { key: string; sections: Record<string, { verdict: string; note: string }> }[];
    expect(received.map((r) => r.key).sort()).toEqual([k1, k2].sort());
    expect(received.find((r) => r.key === k1)!.sections.contract).toEqual({ verdict: 'wrong', note: 'Term is 24 months' });
    expect((await f.call(A().tokens.rep2, 'GET', '/v1/team/retrospectives/received')).json.reviews).toEqual([]);
    expect((await f.call(B().tokens.rep, 'GET', '/v1/team/retrospectives/received')).json.reviews).toEqual([]);

    // The manager's accuracy: 2 reviews × 11 sections = 22 rated, 2 not right (k1) → 20/22 = 90.9%.
    const acc = await f.call(A().tokens.manager, 'GET', '/v1/team/retrospectives/accuracy');
    expect(acc.status).toBe(200);
    const figures = acc.json.accuracy as { reviews: number; overall: unknown; perRep: { name: string; accuracy: number; reviews: number }[]; perSection: { section: string; accuracy: number }[] };
    expect(figures.reviews).toBe(2);
    expect(figures.overall).toEqual({ right: 20, wrong: 1, missing: 1, accuracy: 90.9 });
    expect(figures.perRep).toMatchObject([{ name: 'A rep', reviews: 2, accuracy: 90.9 }]);
    expect(figures.perSection.find((s) => s.section === 'contract')!.accuracy).toBe(50); // right in k2, wrong in k1
    expect((await f.call(A().tokens.csm, 'GET', '/v1/team/retrospectives/accuracy')).status).toBe(403);
    expect((await f.call(B().tokens.admin, 'GET', '/v1/team/retrospectives/accuracy')).json.accuracy).toMatchObject({ reviews: 0, overall: { accuracy: null } });
    const period = await f.call(A().tokens.manager, 'GET', '/v1/team/retrospectives/accuracy?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z');
    expect((period.json.accuracy as { reviews: number }).reviews).toBe(0);
    const backwards = await f.call(A().tokens.manager, 'GET', '/v1/team/retrospectives/accuracy?from=2026-02-01T00:00:00Z&to=2026-01-02T00:00:00Z');
    expect([backwards.status, backwards.json.error?.path]).toEqual([400, 'query.from']);
  });

  it('the sync agenda gathers the period’s returns, findings, open conflicts and opportunities, for managers only', async () => {
    // A return with a reason, then a CSM logs an expansion opportunity on an accepted packet.
    const key = `hubspot:app.hubspot.com:agenda-${backend}`;
    const push = (who: string, ops: unknown[], tag: string) =>
      f.call(who, 'POST', '/v1/sync/push', { clientId: `agenda-${tag}`, mutations: ops.map((op, i) => ({ id: `agenda-${tag}-${i}`, packetKey: key, op, hlc: hlc() })) });
    expect((await push(A().tokens.rep, [{ kind: 'deal', snapshot: { dealName: 'Agenda deal', accountName: 'Agenda Co', amount: 1, currency: 'EUR', stage: 'Won', closeDate: '2026-10-01', owner: 'Rep' }, dealUrl: 'https://x.example/1' }, ...COMPLETE_OPS], 'rep')).status).toBe(200);
    const enc = encodeURIComponent(key);
    expect((await f.call(A().tokens.rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);
    expect((await f.call(A().tokens.csm, 'POST', `/v1/packets/${enc}/return`, { reasons: [{ item: 'risks', reason: 'Name the rollout risk' }] })).status).toBe(200);
    expect((await f.call(A().tokens.rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);
    expect((await f.call(A().tokens.csm, 'POST', `/v1/packets/${enc}/accept`)).status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const logged = await push(A().tokens.csm, [{ kind: 'add', list: 'expansion.opportunities', item: { id: 'o1', summary: 'Second warehouse', value: 5000, date: today } }], 'csm');
    expect((logged.json.results as { status: string }[])[0]!.status).toBe('applied');
    const claim = await f.call(A().tokens.rep, 'POST', '/v1/claims', { customer: 'Disputed Co', keys: [{ kind: 'company', value: `Disputed Co ${backend}` }] });
    expect((await f.call(A().tokens.rep2, 'POST', `/v1/claims/${(claim.json.claim as { id: number }).id}/conflicts`, { evidence: 'met them first' })).status).toBe(201);

    const r = await f.call(A().tokens.manager, 'GET', '/v1/team/sync-agenda');
    expect(r.status).toBe(200);
    const agenda = syncAgendaSchema.parse(r.json.agenda);
    expect(Date.parse(agenda.period.to) - Date.parse(agenda.period.from)).toBe(14 * 86_400_000);
    expect(agenda.returned).toMatchObject([{ key, deal: 'Agenda deal', account: 'Agenda Co', rep: 'A rep', times: 1, reasons: [{ item: 'risks', reason: 'Name the rollout risk' }] }]);
    expect(agenda.findings).toMatchObject({ reviews: 2, allRight: 1 }); // the first test's two reviews: k2 all right, k1 not
    expect(agenda.findings.items.map((i) => i.sections.map((s) => s.section))).toEqual([['stakeholders', 'contract']]);
    expect(agenda.conflicts).toMatchObject([{ customer: 'Disputed Co', holder: 'A rep', opener: 'A rep2', evidence: 'met them first' }]);
    expect(agenda.opportunities).toEqual([{ key, deal: 'Agenda deal', account: 'Agenda Co', summary: 'Second warehouse', value: 5000, currency: 'CNY', date: today }]);
    const md = syncAgendaMarkdown(agenda, 'en');
    expect(md).toContain('- **Agenda deal** (Agenda Co) — rep A rep, returned 1×');
    expect(md).toContain(`- ${today} **Agenda deal** (Agenda Co): Second warehouse — 5,000 CNY`);

    for (const who of ['rep', 'csm'] as const) expect((await f.call(A().tokens[who], 'GET', '/v1/team/sync-agenda')).status).toBe(403);
    const other = syncAgendaSchema.parse((await f.call(B().tokens.admin, 'GET', '/v1/team/sync-agenda')).json.agenda);
    expect([other.returned, other.findings.reviews, other.conflicts, other.opportunities]).toEqual([[], 0, [], []]);
    const bad = await f.call(A().tokens.manager, 'GET', '/v1/team/sync-agenda?from=yesterday');
    expect([bad.status, bad.json.error?.path]).toEqual([400, 'query.from']);
  });
});
