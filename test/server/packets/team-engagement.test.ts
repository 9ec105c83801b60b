// A rep asks for a CSM before close (once; the CS team's chat is told); a CSM's
// expansion opportunity after acceptance goes back to the deal's sales owner.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { BACKENDS } from '../harness/backends';
import { COMPLETE_OPS, hlc } from '../harness/seed';
import { serverFixture } from '../harness/server-fixture';

describe.each(BACKENDS)('engagement on %s', (backend) => {
  const f = serverFixture(backend, ['A'], { requestsPerMinute: 1e6 });
  const notices = async (like: string) =>
    ((await f.database.db.execute(sql`SELECT idempotency_key AS k, body::text AS body FROM webhook_outbox WHERE idempotency_key LIKE ${like}`)) as unknown as { rows: { k: string; body: string }[] }).rows;

  it('request a CSM once; log an expansion opportunity for sales', async () => {
    const A = f.teams[0]!;
    expect((await f.call(A.tokens.manager, 'POST', '/v1/webhooks', { kind: 'dingtalk', url: 'http://127.0.0.1:9/hook' })).status).toBe(201);
    const key = 'salesforce:acme.lightning.force.com:006XX';
    const enc = encodeURIComponent(key);
    let n = 0;
    const push = (token: string, ops: unknown[]) => f.call(token, 'POST', '/v1/sync/push', { clientId: 'engage-client', mutations: ops.map((op) => ({ id: `e-${++n}`, packetKey: key, op, hlc: hlc() })) });
    const deal = { kind: 'deal', snapshot: { dealName: 'ERP rollout', accountName: 'Northwind Traders Inc.', amount: 125000, currency: 'USD', stage: 'Negotiation/Review', closeDate: '2026-12-01', owner: 'Rep' }, dealUrl: 'https://acme.lightning.force.com/x' };
    expect((await push(A.tokens.rep, [deal, ...COMPLETE_OPS, { kind: 'set', path: 'engagement.salesCycleDays', value: 90 }])).status).toBe(200);

    expect((await f.call(A.tokens.csm, 'POST', `/v1/packets/${enc}/request-csm`)).status).toBe(403);
    const asked = await f.call(A.tokens.rep, 'POST', `/v1/packets/${enc}/request-csm`);
    expect(asked.status).toBe(200);
    expect((asked.json.packet as { review: { csmRequestedAt: string } }).review.csmRequestedAt).toBeTruthy();
    expect((await f.call(A.tokens.rep, 'POST', `/v1/packets/${enc}/request-csm`)).json.error?.code).toBe('csm_requested');
    expect((await notices(`${key}:request-csm:%`)).map((r) => r.body).join()).toContain('CSM requested: ERP rollout');

    expect((await f.call(A.tokens.rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);
    expect((await f.call(A.tokens.csm, 'POST', `/v1/packets/${enc}/accept`)).status).toBe(200);
    const logged = await push(A.tokens.csm, [
      { kind: 'set', path: 'expansion.relationship', value: 'high' },
      { kind: 'add', list: 'expansion.opportunities', item: { id: 'opp-1', summary: '20 more seats for the Shenzhen branch', value: 30000 } },
    ]);
    expect((logged.json.results as { status: string }[]).map((r) => r.status)).toEqual(['applied', 'applied']);
    const sent = await notices(`expansion:${key}:%`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain('20 more seats for the Shenzhen branch');
    expect(sent[0]!.body).toContain('For A rep');
    const stored = await f.call(A.tokens.rep, 'GET', `/v1/packets/${enc}`);
    expect((stored.json.packet as { expansion: { relationship: string; opportunities: unknown[] } }).expansion).toMatchObject({ relationship: 'high', opportunities: [{ id: 'opp-1', value: 30000 }] });
    // After acceptance every change is an amendment, marked for both sides.
    expect((stored.json.packet as { review: { amendedPaths: string[] } }).review.amendedPaths).toEqual(['expansion.relationship', 'expansion.opportunities']);
  });

  it('the team’s engagement policy: validated, managers only; a won stage (by the team’s map) starts the clock once', async () => {
    const A = f.teams[0]!;
    expect((await f.call(A.tokens.rep, 'GET', '/v1/team/engagement')).json.policy).toMatchObject({ introMinutes: 30, introClockStart: 'accepted' });
    expect((await f.call(A.tokens.rep, 'PUT', '/v1/team/engagement', { introMinutes: 60 })).status).toBe(403);
    const bad = await f.call(A.tokens.manager, 'PUT', '/v1/team/engagement', { rule: { amount: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.path).toBe('rule.amount');
    const badCurrency = await f.call(A.tokens.manager, 'PUT', '/v1/team/engagement', { currency: 'kronor' });
    expect(badCurrency.status).toBe(400);
    expect(badCurrency.json.error?.path).toBe('currency');
    expect((await f.call(A.tokens.rep, 'GET', '/v1/team/engagement')).json.policy).toMatchObject({ currency: null });
    expect((await f.call(A.tokens.manager, 'PUT', '/v1/team/engagement', { currency: 'SEK' })).status).toBe(201);
    expect((await f.call(A.tokens.rep, 'GET', '/v1/team/engagement')).json.policy).toMatchObject({ currency: 'SEK' });
    const put = await f.call(A.tokens.manager, 'PUT', '/v1/team/engagement', { introMinutes: 60, introClockStart: 'won', stageProgress: { pipedrive: { 'Signed & paid': 100 } }, introTemplate: { nextSteps: { 'zh-CN': ['启动会', '数据迁移'] } } });
    expect(put.status).toBe(201);
    expect((await f.call(A.tokens.csm, 'GET', '/v1/team/engagement')).json.policy).toMatchObject({ introMinutes: 60, introClockStart: 'won', introTemplate: { nextSteps: { 'zh-CN': ['启动会', '数据迁移'] } } });

    const key = 'pipedrive:acme-sales.pipedrive.com:777';
    let n = 0;
    const deal = (stage: string) => ({ kind: 'deal', snapshot: { dealName: 'Won one', accountName: 'Hofmann', amount: 10, currency: 'EUR', stage, closeDate: null, owner: 'Rep' }, dealUrl: 'https://acme-sales.pipedrive.com/deal/777' });
    const push = (op: unknown) => f.call(A.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'won-client', mutations: [{ id: `w-${++n}`, packetKey: key, op, hlc: hlc() }] });
    const wonAt = async () => ((await f.call(A.tokens.rep, 'GET', `/v1/packets/${encodeURIComponent(key)}`)).json.packet as { review: { wonAt: string | null } }).review.wonAt;
    await push(deal('Proposal Made'));
    expect(await wonAt()).toBeNull();
    await push(deal('Signed & paid'));
    const first = await wonAt();
    expect(first).toBeTruthy();
    await push(deal('Signed & paid '));
    expect(await wonAt()).toBe(first);
  });
});
