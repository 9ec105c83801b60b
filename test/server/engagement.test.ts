// A rep asks for a CSM before close (once; the CS team's chat is told); a CSM's
// expansion opportunity after acceptance goes back to the deal's sales owner.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { BACKENDS } from './backends';
import { COMPLETE_OPS, hlc } from './seed';
import { serverFixture } from './server-fixture';

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
});
