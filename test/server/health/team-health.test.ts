// Team health through the API on both drivers: a packet submitted, returned
// with a reason, resubmitted, accepted and its intro sent; a claim about to
// expire; an open conflict. Managers see the figures (JSON or CSV), others 403,
// another team none of it.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { BACKENDS } from '../harness/backends';
import { COMPLETE_OPS, hlc } from '../harness/seed';
import { serverFixture } from '../harness/server-fixture';

describe.each(BACKENDS)('team health on %s', (backend) => {
  const f = serverFixture(backend, ['A', 'B'], { requestsPerMinute: 1e6 });

  it('counts what happened in the period', async () => {
    const A = f.teams[0]!;
    const key = 'dynamics:contoso.crm.dynamics.com:health-1';
    const enc = encodeURIComponent(key);
    const push = (ops: unknown[]) => f.call(A.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'health-client', mutations: ops.map((op, i) => ({ id: `health-${i}`, packetKey: key, op, hlc: hlc() })) });
    expect((await push([{ kind: 'deal', snapshot: { dealName: 'Health', accountName: 'Contoso', amount: 1, currency: 'USD', stage: 'Won', closeDate: '2026-11-01', owner: 'Rep' }, dealUrl: 'https://contoso.crm.dynamics.com/x' }, ...COMPLETE_OPS])).status).toBe(200);
    expect((await f.call(A.tokens.rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);
    expect((await f.call(A.tokens.csm, 'POST', `/v1/packets/${enc}/return`, { reasons: [{ item: 'risks', reason: 'name one' }, { item: 'contract', reason: 'term?' }] })).status).toBe(200);
    expect((await f.call(A.tokens.rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);
    expect((await f.call(A.tokens.csm, 'POST', `/v1/packets/${enc}/accept`)).status).toBe(200);
    expect((await f.call(A.tokens.csm, 'POST', `/v1/packets/${enc}/intro-sent`)).status).toBe(200);
    expect((await f.call(A.tokens.csm, 'POST', `/v1/packets/${enc}/intro-sent`)).json.error?.code).toBe('intro_sent');
    const claim = await f.call(A.tokens.rep, 'POST', '/v1/claims', { customer: 'Soon', keys: [{ kind: 'company', value: 'Health Soon Co' }] });
    await f.database.db.execute(sql`UPDATE claims SET expires_at = now() + interval '3 days' WHERE id = ${(claim.json.claim as { id: number }).id}`);
    expect((await f.call(A.tokens.rep2, 'POST', `/v1/claims/${(claim.json.claim as { id: number }).id}/conflicts`, { evidence: 'met them first' })).status).toBe(201);

    const r = await f.call(A.tokens.manager, 'GET', '/v1/team/health');
    expect(r.status).toBe(200);
    const h = r.json.health as Record<string, unknown>;
    expect(h).toMatchObject({
      submittedPackets: 1, // one packet, submitted twice
      completenessAtSubmission: { mean: 82, min: 82 }, // at its first submission: the required items only, 80 of 100 weight, + the deal snapshot (2)
      returnedPackets: 1,
      returnRate: 100, // 1 returned packet ÷ 1 submitted packet
      topReturnReasons: [
        { item: 'contract', count: 1 },
        { item: 'risks', count: 1 },
      ],
      intro: { due: 1, onTime: 1, rate: 100 },
      claimsExpiringThisWeek: 1,
      openConflicts: 1,
    });
    expect((h.closeToAcceptanceHours as { median: number }).median).toBeGreaterThan(24 * 20); // closed 2026-11-01, accepted now

    const csv = await f.call(A.tokens.admin, 'GET', '/v1/team/health?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.json)).toContain('return rate %,100');
    expect((await f.call(A.tokens.rep, 'GET', '/v1/team/health')).status).toBe(403);
    expect((await f.call(A.tokens.manager, 'GET', '/v1/team/health?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z')).json.error?.path).toBe('query.from');
    const other = (await f.call(f.teams[1]!.tokens.admin, 'GET', '/v1/team/health')).json.health;
    expect(other).toMatchObject({ submittedPackets: 0, returnedPackets: 0, claimsExpiringThisWeek: 0, openConflicts: 0 });
  });
});
