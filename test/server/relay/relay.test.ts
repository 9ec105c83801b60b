// The relay as team policy on the server (issue 16 item 1), on both drivers:
// admins set sales → implementation → CS; the rep submits, implementation
// accepts, fills its section and hands on, CS accepts. Implementation sees
// only its team's packets at its stage — in pulls, lists, look-ups and
// commands — and a bad relay is a 400 at the field.
import { describe, expect, it } from 'vitest';
import { createToken } from '@/server/auth/tokens';
import { users } from '@/server/db/schema';
import { BACKENDS } from '../harness/backends';
import { COMPLETE_OPS, hlc } from '../harness/seed';
import { serverFixture } from '../harness/server-fixture';

const THREE = { stages: [{ id: 'sales' }, { id: 'implementation', acceptWithinHours: 72 }, { id: 'cs' }] };
const IMPLEMENTATION_OPS = [
  { kind: 'set', path: 'implementation.goLiveDate', value: '2027-02-01' },
  { kind: 'set', path: 'implementation.accountsSetUp', value: true },
  { kind: 'set', path: 'implementation.dataLoaded', value: true },
  { kind: 'set', path: 'implementation.trainingGiven', value: true },
];

describe.each(BACKENDS)('the relay on %s', (backend) => {
  const f = serverFixture(backend, ['A', 'B']);
  let n = 0;
  const enc = (key: string) => encodeURIComponent(key);
  async function implementationToken(teamId: number, name: string): Promise<string> {
    const [u] = await f.database.db.insert(users).values({ teamId, name, role: 'implementation' }).returning();
    return (await createToken(f.database.db, u!.id)).token;
  }
  const push = async (token: string, key: string, ops: unknown[]) => {
    const r = await f.call(token, 'POST', '/v1/sync/push', { clientId: `relay-client-${String(++n).padStart(4, '0')}`, mutations: ops.map((op, i) => ({ id: `${key}-${n}-${i}`, packetKey: key, op, hlc: hlc() })) });
    return r;
  };
  const keysOf = async (token: string) => {
    const pulled = ((await f.call(token, 'GET', '/v1/sync/pull?limit=1000')).json.packets as { key: string }[]).map((p) => p.key).sort();
    const listed = ((await f.call(token, 'GET', '/v1/packets?limit=200')).json.packets as { key: string }[]).map((p) => p.key).sort();
    expect(listed).toEqual(pulled);
    return pulled;
  };

  it('a team without a relay has sales → CS; only admins change it; a bad one is a 400 at its field and changes nothing', async () => {
    const A = f.teams[0]!;
    expect((await f.call(A.tokens.csm, 'GET', '/v1/team/relay')).json.policy).toEqual({ stages: [{ id: 'sales', receivingRole: 'rep' }, { id: 'cs', receivingRole: 'csm', acceptWithinHours: 24 }] });
    expect((await f.call(A.tokens.manager, 'PUT', '/v1/team/relay', THREE)).status).toBe(403);
    const bad = await f.call(A.tokens.admin, 'PUT', '/v1/team/relay', { stages: [{ id: 'sales' }, { id: 'implementation', receivingRole: 'rep' }, { id: 'cs' }] });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'invalid', path: 'stages[1].receivingRole' });
    const order = await f.call(A.tokens.admin, 'PUT', '/v1/team/relay', { stages: [{ id: 'cs' }, { id: 'sales' }] });
    expect(order.status).toBe(400);
    expect(order.json.error).toMatchObject({ path: 'stages', issues: [{ path: 'stages', code: 'relayRoute' }] });
    expect((await f.call(A.tokens.rep, 'GET', '/v1/team/relay')).json.policy).toMatchObject({ stages: [{ id: 'sales' }, { id: 'cs' }] });
  });

  it('rep submits, implementation accepts, fills its section and hands on, CS accepts; implementation sees only its stage', async () => {
    const [A, B] = [f.teams[0]!, f.teams[1]!];
    const saved = await f.call(A.tokens.admin, 'PUT', '/v1/team/relay', THREE);
    expect(saved.status).toBe(201);
    expect(saved.json.policy).toMatchObject({ stages: [{ id: 'sales' }, { id: 'implementation', receivingRole: 'implementation', acceptWithinHours: 72 }, { id: 'cs' }] });
    const impl = await implementationToken(A.teamId, 'Zhao Min');
    const otherImpl = await implementationToken(B.teamId, 'B implementation');
    const key = 'hubspot:portal-1:relay-1';
    const draft = 'hubspot:portal-1:relay-draft';
    expect((await push(A.tokens.rep, key, COMPLETE_OPS)).status).toBe(200);
    expect((await push(A.tokens.rep, draft, COMPLETE_OPS)).status).toBe(200);
    expect(await keysOf(impl)).toEqual([]); // drafts are sales's

    expect((await f.call(A.tokens.rep, 'POST', `/v1/packets/${enc(key)}/submit`)).json.packet).toMatchObject({ status: 'submitted', relay: { stage: 'implementation', route: ['sales', 'implementation', 'cs'] } });
    expect(await keysOf(impl)).toEqual([key]);
    expect(await keysOf(otherImpl)).toEqual([]); // another team's implementation never sees it
    expect((await f.call(otherImpl, 'GET', `/v1/packets/${enc(key)}`)).status).toBe(404);
    expect((await f.call(impl, 'GET', `/v1/packets/${enc(draft)}`)).status).toBe(404);
    expect((await f.call(impl, 'POST', `/v1/packets/${enc(draft)}/submit`)).status).toBe(404);

    // Handed to implementation: a CSM may not accept it, nor may implementation fill its section before accepting.
    expect((await f.call(A.tokens.csm, 'POST', `/v1/packets/${enc(key)}/accept`)).json.error).toMatchObject({ code: 'forbidden', allowed: ['implementation', 'manager', 'admin'] });
    expect(((await push(impl, key, IMPLEMENTATION_OPS.slice(0, 1))).json.results as { code?: string }[])[0]).toMatchObject({ status: 'rejected', code: 'implementationSection' });
    const accepted = await f.call(impl, 'POST', `/v1/packets/${enc(key)}/accept`);
    expect(accepted.json.packet).toMatchObject({ status: 'accepted', relay: { stage: 'implementation', times: { implementation: { acceptedBy: 'Zhao Min' } } }, review: { acceptedAt: null } });

    // Its section: incomplete is refused with the missing steps; the sales sections only as amendments; the rep never writes it.
    const early = await f.call(impl, 'POST', `/v1/packets/${enc(key)}/submit`);
    expect(early.status).toBe(422);
    expect(early.json.error).toMatchObject({ code: 'incomplete', missing: ['goLive', 'accounts', 'dataLoaded', 'training'], threshold: 80 });
    expect(((await push(impl, key, IMPLEMENTATION_OPS)).json.results as { status: string }[]).map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(((await push(A.tokens.rep, key, [{ kind: 'set', path: 'implementation.notes', value: 'x' }])).json.results as { code?: string }[])[0]).toMatchObject({ code: 'implementationSection' });
    expect(((await push(impl, key, [{ kind: 'set', path: 'salesNotes', value: 'CFO is the real buyer' }])).json.results as { status: string }[])[0]!.status).toBe('applied');
    expect((await f.call(impl, 'GET', `/v1/packets/${enc(key)}`)).json.packet).toMatchObject({ salesNotes: 'CFO is the real buyer', review: { amendedPaths: ['salesNotes'] } });

    expect((await f.call(A.tokens.rep, 'POST', `/v1/packets/${enc(key)}/submit`)).json.error).toMatchObject({ code: 'forbidden' });
    const handed = await f.call(impl, 'POST', `/v1/packets/${enc(key)}/submit`);
    expect(handed.json.packet).toMatchObject({ status: 'submitted', relay: { stage: 'cs' } });
    expect(await keysOf(impl)).toEqual([]); // it has left implementation's stage
    expect((await f.call(impl, 'POST', `/v1/packets/${enc(key)}/accept`)).status).toBe(404);

    const done = await f.call(A.tokens.csm, 'POST', `/v1/packets/${enc(key)}/accept`);
    expect(done.status).toBe(200);
    expect(done.json.packet).toMatchObject({ status: 'accepted', relay: { stage: 'cs' }, review: { acceptedBy: 'A csm' }, implementation: { goLiveDate: '2027-02-01', trainingGiven: true } });
    const audit = (await f.call(A.tokens.manager, 'GET', `/v1/packets/${enc(key)}/audit`)).json.entries as { action: string; userId: number }[];
    expect(audit.map((e) => e.action).filter((a) => a !== 'packet.edit' && a !== 'packet.amend' && a !== 'packet.create')).toEqual(['packet.submit', 'packet.accept', 'packet.submit', 'packet.accept']);
  });

  it('CS returns to implementation, implementation returns to sales', async () => {
    const A = f.teams[0]!;
    const impl = await implementationToken(A.teamId, 'Qian Hui');
    const key = 'hubspot:portal-1:relay-2';
    expect((await push(A.tokens.rep, key, COMPLETE_OPS)).status).toBe(200);
    expect((await f.call(A.tokens.rep, 'POST', `/v1/packets/${enc(key)}/submit`)).status).toBe(200);
    const back = await f.call(impl, 'POST', `/v1/packets/${enc(key)}/return`, { reasons: [{ item: 'contract', reason: '合同期限不清楚' }] });
    expect(back.json.packet).toMatchObject({ status: 'returned', relay: { stage: 'sales' }, review: { returnedReasons: [{ item: 'contract', reason: '合同期限不清楚' }] } });
    expect(await keysOf(impl)).not.toContain(key);
    expect((await f.call(A.tokens.rep, 'POST', `/v1/packets/${enc(key)}/submit`)).status).toBe(200);
    expect((await f.call(impl, 'POST', `/v1/packets/${enc(key)}/accept`)).status).toBe(200);
    expect((await push(impl, key, IMPLEMENTATION_OPS)).status).toBe(200);
    expect((await f.call(impl, 'POST', `/v1/packets/${enc(key)}/submit`)).status).toBe(200);
    const csBack = await f.call(A.tokens.csm, 'POST', `/v1/packets/${enc(key)}/return`, { reasons: [{ item: 'training', reason: 'who was trained?' }] });
    expect(csBack.json.packet).toMatchObject({ status: 'returned', relay: { stage: 'implementation' } });
    expect(await keysOf(impl)).toContain(key);
    expect((await f.call(impl, 'POST', `/v1/packets/${enc(key)}/submit`)).json.packet).toMatchObject({ status: 'submitted', relay: { stage: 'cs' } });
  });
});
