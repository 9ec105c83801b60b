// The sync server's API on both drivers: lifecycle, idempotent push, pull,
// errors with paths, limits, revocation.
import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Database } from '@/server/db/connect';
import { auditLog, packets } from '@/server/db/schema';
import { BACKENDS } from '../harness/backends';
import { client, hlc, type Seeded } from '../harness/seed';
import { serverFixture, type ServerFixture } from '../harness/server-fixture';

const KEY = 'hubspot:21458713:9876543210';
const enc = encodeURIComponent(KEY);

const fillRequired = () => {
  const ops: unknown[] = [
    { kind: 'set', path: 'profile.industry', value: 'Logistics' },
    { kind: 'set', path: 'profile.size', value: '1,200' },
    { kind: 'set', path: 'profile.tier', value: 'A' },
    { kind: 'set', path: 'contract.amount', value: 48750 },
    { kind: 'set', path: 'contract.currency', value: 'USD' },
    { kind: 'set', path: 'contract.termMonths', value: 24 },
    { kind: 'set', path: 'contract.startDate', value: '2027-02-01' },
    { kind: 'add', list: 'contract.purchases', item: { id: 'p1', product: 'Trackers', quantity: 300 } },
    { kind: 'set', path: 'whyWon.decisivePoints', value: 'Real-time ETA' },
    { kind: 'set', path: 'whyWon.problemsToSolve', value: 'Late deliveries' },
    { kind: 'add', list: 'stakeholders', item: { id: 's1', name: 'Hannah Okafor', email: 'hannah@bluefin.example' } },
    { kind: 'add', list: 'risks.items', item: { id: 'r1', text: 'Driver adoption', severity: 'medium', mitigation: 'Training week' } },
  ];
  return ops.map((op, i) => ({ id: `fill-${i}`, packetKey: KEY, op, hlc: hlc('dev1') }));
};

describe.each(BACKENDS)('API on %s', (backend) => {
  const f = serverFixture(backend);
  let database: Database;
  let a: Seeded;
  let call: ServerFixture['call'];
  beforeAll(() => {
    ({ database, call } = f);
    a = f.teams[0]!;
  });

  it('rejects missing and unknown tokens', async () => {
    expect((await call(null, 'GET', '/v1/me')).status).toBe(401);
    expect((await call('bt_nope', 'GET', '/v1/me')).status).toBe(401);
    const me = await call(a.tokens.rep, 'GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ user: { role: 'rep' }, team: { name: 'A' } });
  });

  it('push creates the packet, a replay changes nothing, pull returns it since a cursor', async () => {
    const muts = fillRequired();
    const first = await call(a.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'device-one', mutations: muts });
    expect(first.status).toBe(200);
    expect((first.json.results as { status: string }[]).every((r) => r.status === 'applied')).toBe(true);
    const [{ value: auditsBefore }] = (await database.db.select({ value: count() }).from(auditLog)) as [{ value: number }];
    const again = await call(a.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'device-one', mutations: muts });
    expect((again.json.results as { status: string }[]).every((r) => r.status === 'duplicate')).toBe(true);
    const [{ value: auditsAfter }] = (await database.db.select({ value: count() }).from(auditLog)) as [{ value: number }];
    expect(auditsAfter).toBe(auditsBefore);

    const pulled = await call(a.tokens.rep, 'GET', '/v1/sync/pull?cursor=0');
    expect(pulled.status).toBe(200);
    const p = (pulled.json.packets as { key: string; stakeholders: unknown[]; contract: { amount: number } }[])[0]!;
    expect(p.key).toBe(KEY);
    expect(p.stakeholders).toHaveLength(1);
    expect(p.contract.amount).toBe(48750);
    const none = await call(a.tokens.rep, 'GET', `/v1/sync/pull?cursor=${pulled.json.cursor}`);
    expect(none.json.packets).toEqual([]);
  });

  it('an older write to a field loses and is kept in the audit log', async () => {
    const newer = { id: 'w-new', packetKey: KEY, op: { kind: 'set', path: 'salesNotes', value: 'newer' }, hlc: hlc('dev2') };
    const older = { id: 'w-old', packetKey: KEY, op: { kind: 'set', path: 'salesNotes', value: 'older' }, hlc: '000000000000001:00000:dev1' };
    await call(a.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'device-two', mutations: [newer] });
    await call(a.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'device-one', mutations: [older] });
    const got = await call(a.tokens.rep, 'GET', `/v1/packets/${enc}`);
    expect((got.json.packet as { salesNotes: string }).salesNotes).toBe('newer');
    const log = await call(a.tokens.manager, 'GET', `/v1/packets/${enc}/audit`);
    const lostEntry = (log.json.entries as { action: string; before: { value: unknown } }[]).find((e) => e.action === 'packet.edit_lost');
    expect(lostEntry?.before.value).toBe('older');
  });

  it('lifecycle: submit is re-checked, the CSM returns with reasons, accepts after resubmit', async () => {
    // A second packet that is not complete.
    const key2 = 'zoho:org1:42';
    await call(a.tokens.rep, 'POST', '/v1/sync/push', {
      clientId: 'device-one',
      mutations: [{ id: 'z1', packetKey: key2, op: { kind: 'set', path: 'profile.industry', value: 'Food' }, hlc: hlc() }],
    });
    const refused = await call(a.tokens.rep, 'POST', `/v1/packets/${encodeURIComponent(key2)}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: 'incomplete' });
    expect((refused.json.error as unknown as { missing: string[] }).missing).toEqual(expect.arrayContaining(['contract', 'risks']));

    expect((await call(a.tokens.csm, 'POST', `/v1/packets/${enc}/accept`)).status).toBe(409); // not submitted yet
    expect((await call(a.tokens.rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);
    expect((await call(a.tokens.rep, 'POST', `/v1/packets/${enc}/accept`)).status).toBe(403);
    const ret = await call(a.tokens.csm, 'POST', `/v1/packets/${enc}/return`, { reasons: [{ item: 'risks', reason: 'Mitigation too vague' }] });
    expect(ret.status).toBe(200);
    expect(ret.json.packet).toMatchObject({ status: 'returned', review: { returnedReasons: [{ item: 'risks', reason: 'Mitigation too vague' }] } });
    expect((await call(a.tokens.rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);
    const acc = await call(a.tokens.csm, 'POST', `/v1/packets/${enc}/accept`);
    expect(acc.json.packet).toMatchObject({ status: 'accepted' });
    const amend = await call(a.tokens.csm, 'POST', `/v1/packets/${enc}/amend`, { note: 'New stakeholder: CFO' });
    expect(amend.status).toBe(200);
    const actions = ((await call(a.tokens.manager, 'GET', `/v1/packets/${enc}/audit`)).json.entries as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['packet.submit', 'packet.return', 'packet.accept', 'packet.amend']));
  });

  it('bad input: 400 with the field path, nothing stored', async () => {
    const [{ value: before }] = (await database.db.select({ value: count() }).from(packets)) as [{ value: number }];
    const cases: [unknown, string][] = [
      [{ clientId: 'device-one', mutations: [] }, 'mutations'],
      [{ clientId: 'x', mutations: fillRequired() }, 'clientId'],
      [{ clientId: 'device-one', mutations: [{ id: 'b1', packetKey: 'zoho:o:99', op: { kind: 'explode' }, hlc: hlc() }] }, 'mutations[0].op.kind'],
      [{ clientId: 'device-one', mutations: [{ id: 'b2', packetKey: 'no key', op: { kind: 'set', path: 'a', value: 1 }, hlc: hlc() }] }, 'mutations[0].packetKey'],
      [{ clientId: 'device-one', mutations: [{ id: 'b3', packetKey: 'zoho:o:99', op: { kind: 'set', path: 'a', value: 1 }, hlc: 'yesterday' }] }, 'mutations[0].hlc'],
    ];
    for (const [b, path] of cases) {
      const r = await call(a.tokens.rep, 'POST', '/v1/sync/push', b);
      expect(r.status, path).toBe(400);
      expect(r.json.error?.path, JSON.stringify(r.json)).toBe(path);
    }
    const bad = await call(a.tokens.rep, 'POST', '/v1/sync/push', undefined, '{"clientId": ');
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe('invalid_json');
    const q = await call(a.tokens.rep, 'GET', '/v1/sync/pull?cursor=-1');
    expect(q.status).toBe(400);
    expect(q.json.error?.path).toBe('query.cursor');
    // A set to a path that is not in the packet is refused by the packet schema, per mutation.
    const weird = await call(a.tokens.rep, 'POST', '/v1/sync/push', {
      clientId: 'device-one',
      mutations: [{ id: 'b4', packetKey: KEY, op: { kind: 'set', path: 'contract.amount', value: 'lots' }, hlc: hlc() }],
    });
    expect(weird.status).toBe(200);
    expect((weird.json.results as { status: string }[])[0]!.status).toBe('rejected');
    const [{ value: after }] = (await database.db.select({ value: count() }).from(packets)) as [{ value: number }];
    expect(after).toBe(before);
    const [row] = await database.db.select({ data: packets.data }).from(packets).where(eq(packets.key, KEY));
    expect((row!.data as { contract: { amount: number } }).contract.amount).toBe(48750);
  });

  it('limits: 413 for a large body, 429 with Retry-After past the rate', async () => {
    const small = client(database, { maxBodyBytes: 2000, requestsPerMinute: 3 });
    const big = await small(a.tokens.admin, 'POST', '/v1/sync/push', { clientId: 'device-big', mutations: fillRequired() });
    expect(big.status).toBe(413);
    expect(big.json.error?.code).toBe('too_large');
    let last = 0;
    let retry: string | null = null;
    for (let i = 0; i < 6; i++) {
      const r = await small(a.tokens.admin, 'GET', '/v1/me');
      last = r.status;
      retry = r.headers.get('retry-after');
    }
    expect(last).toBe(429);
    expect(Number(retry)).toBeGreaterThan(0);
  });

  it('a revoked token fails at once', async () => {
    const made = await call(a.tokens.admin, 'POST', `/v1/users/${a.userIds.csm}/tokens`, { label: 'laptop' });
    expect(made.status).toBe(201);
    const token = made.json.token as string;
    expect((await call(token, 'GET', '/v1/me')).status).toBe(200);
    expect((await call(a.tokens.admin, 'DELETE', `/v1/tokens/${made.json.id}`)).status).toBe(200);
    expect((await call(token, 'GET', '/v1/me')).status).toBe(401);
  });

  it('serves an OpenAPI document of every route', async () => {
    const doc = await call(null, 'GET', '/v1/openapi.json');
    expect(doc.status).toBe(200);
    const paths = doc.json.paths as Record<string, Record<string, { requestBody?: unknown }>>;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/v1/sync/push', '/v1/packets/{key}/return']));
    expect(paths['/v1/sync/push']!.post!.requestBody).toBeTruthy();
  });
});
