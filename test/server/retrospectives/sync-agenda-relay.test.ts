// The sales–CS sync agenda on a relay (sales → implementation → CS): its
// "returned" items are the sales handoffs sent back to the rep. CS sending a
// packet back to implementation is no return of the rep's handoff, and is not
// listed under the rep's name.
import { describe, expect, it } from 'vitest';
import { createToken } from '@/server/auth/tokens';
import { users } from '@/server/db/schema';
import { BACKENDS } from '../harness/backends';
import { COMPLETE_OPS, hlc } from '../harness/seed';
import { serverFixture } from '../harness/server-fixture';

const THREE = { stages: [{ id: 'sales' }, { id: 'implementation' }, { id: 'cs' }] };
const IMPLEMENTATION_OPS = [
  { kind: 'set', path: 'implementation.goLiveDate', value: '2027-02-01' },
  { kind: 'set', path: 'implementation.accountsSetUp', value: true },
  { kind: 'set', path: 'implementation.dataLoaded', value: true },
  { kind: 'set', path: 'implementation.trainingGiven', value: true },
];

describe.each(BACKENDS)('the sync agenda on a relay, on %s', (backend) => {
  const f = serverFixture(backend, ['A'], { requestsPerMinute: 1e6 });
  let n = 0;
  const enc = encodeURIComponent;
  const push = async (token: string, key: string, ops: unknown[]) => {
    const r = await f.call(token, 'POST', '/v1/sync/push', { clientId: `agenda-client-${++n}`, mutations: ops.map((op, i) => ({ id: `${key}-${n}-${i}`, packetKey: key, op, hlc: hlc() })) });
    expect(r.status).toBe(200);
  };
  const ok = async (token: string, key: string, cmd: string, body?: unknown) => {
    const r = await f.call(token, 'POST', `/v1/packets/${enc(key)}/${cmd}`, body);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
  };

  it('lists the returns to sales, not CS’s returns to implementation', async () => {
    const A = f.teams[0]!;
    expect((await f.call(A.tokens.admin, 'PUT', '/v1/team/relay', THREE)).status).toBe(201);
    const [u] = await f.database.db.insert(users).values({ teamId: A.teamId, name: 'A implementation', role: 'implementation' }).returning();
    const impl = (await createToken(f.database.db, u!.id)).token;
    const reasons = [{ item: 'goLive', reason: 'which date?' }];

    // CS sends P1 back to implementation.
    const p1 = 'hubspot:portal-1:agenda-1';
    await push(A.tokens.rep, p1, COMPLETE_OPS);
    await ok(A.tokens.rep, p1, 'submit');
    await ok(impl, p1, 'accept');
    await push(impl, p1, IMPLEMENTATION_OPS);
    await ok(impl, p1, 'submit');
    await ok(A.tokens.csm, p1, 'return', { reasons });
    // Implementation sends P2 back to the rep.
    const p2 = 'hubspot:portal-1:agenda-2';
    await push(A.tokens.rep, p2, COMPLETE_OPS);
    await ok(A.tokens.rep, p2, 'submit');
    await ok(impl, p2, 'return', { reasons: [{ item: 'risks', reason: 'which risks?' }] });

    const agenda = (await f.call(A.tokens.manager, 'GET', '/v1/team/sync-agenda')).json.agenda as { returned: { key: string; rep: string }[] };
    expect(agenda.returned.map((r) => [r.key, r.rep])).toEqual([[p2, 'A rep']]);
  });
});
