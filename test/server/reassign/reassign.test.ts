// The reassignment handoff on both drivers (issue 16 item 2): a manager
// previews, then moves all of a leaving rep's customers in one action —
// every claim and packet counted before and after (nothing lost, nothing
// doubled), audited, a note per packet, a notice per receiver, the receivers'
// "needs me" list, the leaver's tokens refused — and a CSM who changes role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createToken } from '@/server/auth/tokens';
import type { Database } from '@/server/db/connect';
import { auditLog, claims, handoffNotes, packets, users, webhookOutbox } from '@/server/db/schema';
import { BACKENDS, freshDatabase } from '../harness/backends';
import { client, COMPLETE_OPS, hlc, seedTeam, type Seeded } from '../harness/seed';
import { ageClaim } from '../harness/server-fixture';
import { ageAcceptance } from '../harness/age-acceptance';

type Json = Record<string, unknown>;

describe.each(BACKENDS)('reassignment on %s', (backend) => {
  let database: Database;
  let A: Seeded;
  let call: ReturnType<typeof client>;
  let rep3: { id: number; token: string };
  let csm2: { id: number; token: string };
  let n = 0;

  async function person(name: string, role: 'rep' | 'csm') {
    const [u] = await database.db.insert(users).values({ teamId: A.teamId, name, role, channel: role === 'rep' ? 'direct' : null, department: role === 'rep' ? 'East' : null }).returning();
    return { id: u!.id, token: (await createToken(database.db, u!.id)).token };
  }

  async function claim(token: string, customer: string, dealUrl?: string): Promise<number> {
    const r = await call(token, 'POST', '/v1/claims', { customer, keys: [{ kind: 'company', value: customer }], ...(dealUrl ? { dealUrl } : {}) });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return (r.json.claim as { id: number }).id;
  }

  /** A complete packet of a rep (A's rep unless `owner` is another's token) for `account`, at `dealUrl`, brought to `status`. */
  async function packet(account: string, dealUrl: string, status: 'draft' | 'submitted' | 'returned' | 'accepted', owner = A.tokens.rep): Promise<string> {
    const key = `pipedrive:acme.pipedrive.com:${++n}`;
    const snapshot = { dealName: `${account} deal`, accountName: account, amount: 1000, currency: 'CNY', stage: 'Won', closeDate: null, owner: null, probability: null };
    const ops = [...COMPLETE_OPS, { kind: 'deal', snapshot, dealUrl }];
    const r = await call(owner, 'POST', '/v1/sync/push', { clientId: 'reassign-client', mutations: ops.map((op, i) => ({ id: `${key}-${i}`, packetKey: key, op, hlc: hlc() })) });
    expect(r.status).toBe(200);
    const enc = encodeURIComponent(key);
    if (status !== 'draft') expect((await call(owner, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);
    if (status === 'returned') expect((await call(A.tokens.csm, 'POST', `/v1/packets/${enc}/return`, { reasons: [{ item: 'risks', reason: 'which risks?' }] })).status).toBe(200);
    if (status === 'accepted') expect((await call(A.tokens.csm, 'POST', `/v1/packets/${enc}/accept`)).status).toBe(200);
    return key;
  }

  /** Live claims and packets per holder in team A, and the totals (claims of every state, packets). */
  async function census() {
    const live = (await database.db.execute(sql`SELECT user_id, count(*)::int AS n FROM claims WHERE team_id = ${A.teamId} AND released_at IS NULL AND won_at IS NULL AND expires_at > now() GROUP BY user_id`)) as unknown as { rows: { user_id: number | string; n: number }[] };
    const owned = (await database.db.execute(sql`SELECT owner_user_id, status, count(*)::int AS n FROM packets WHERE team_id = ${A.teamId} GROUP BY owner_user_id, status`)) as unknown as { rows: { owner_user_id: number | string; status: string; n: number }[] };
    const total = (await database.db.execute(sql`SELECT (SELECT count(*)::int FROM claims WHERE team_id = ${A.teamId}) AS claims, (SELECT count(*)::int FROM packets WHERE team_id = ${A.teamId}) AS packets`)) as unknown as { rows: { claims: number; packets: number }[] };
    return {
      live: Object.fromEntries(live.rows.map((r) => [Number(r.user_id), r.n])),
      owned: Object.fromEntries(owned.rows.map((r) => [`${Number(r.owner_user_id)}:${r.status}`, r.n])),
      ...total.rows[0]!,
    };
  }

  beforeAll(async () => {
    database = await freshDatabase(backend);
    A = await seedTeam(database, 'A');
    call = client(database);
    rep3 = await person('A rep3', 'rep');
    csm2 = await person('A csm2', 'csm');
    expect((await call(A.tokens.manager, 'POST', '/v1/webhooks', { kind: 'wecom', url: 'http://127.0.0.1:9/hook' })).status).toBe(201);
  });
  afterAll(() => database?.close());

  it('a leaving rep: preview, then one action moves every live claim and open packet; nothing lost', async () => {
    // What A's rep holds: 3 live claims (one of the same deal as a packet), 3 open packets, and what does not move:
    // an accepted packet, a released claim and an expired one.
    const c1 = await claim(A.tokens.rep, '云杉科技有限公司', 'https://acme.pipedrive.com/deal/1');
    const c2 = await claim(A.tokens.rep, 'Beta GmbH');
    const c3 = await claim(A.tokens.rep, 'Gamma Inc');
    const released = await claim(A.tokens.rep, 'Delta Ltd');
    expect((await call(A.tokens.rep, 'POST', `/v1/claims/${released}/release`)).status).toBe(200);
    const expired = await claim(A.tokens.rep, 'Epsilon Ltd');
    await ageClaim(database, expired, 30);
    const p1 = await packet('云杉科技', 'https://acme.pipedrive.com/deal/1', 'draft');
    const p2 = await packet('Zeta Corp', 'https://acme.pipedrive.com/deal/2', 'submitted');
    const p3 = await packet('Eta Corp', 'https://acme.pipedrive.com/deal/3', 'returned');
    const p4 = await packet('Theta Corp', 'https://acme.pipedrive.com/deal/4', 'accepted');
    const extraToken = (await createToken(database.db, A.userIds.rep, 'laptop')).token;
    const before = await census();
    expect(before.live[A.userIds.rep]).toBe(3);

    const req = { outcome: 'leaves', receivers: [A.userIds.rep2, rep3.id], reason: 'Leaves the company on Friday', notes: [{ packetKey: p2, note: 'Zeta waits for the SSO answer' }] };
    const preview = await call(A.tokens.manager, 'POST', `/v1/users/${A.userIds.rep}/reassignment/preview`, req);
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    const plan = preview.json as Json & { customers: { id: string; label: string; receiverId: number; claims: { id: number }[]; packets: { key: string; note: string }[] }[] };
    // Customers by name: Beta, Eta, Gamma, Zeta, 云杉 (claim c1 and packet p1 are one customer) — dealt in turn to rep2, rep3.
    expect(plan.customers.map((c) => [c.label, c.receiverId, c.claims.map((x) => x.id), c.packets.map((p) => p.key)])).toEqual([
      ['Beta GmbH', A.userIds.rep2, [c2], []],
      ['Eta Corp', rep3.id, [], [p3]],
      ['Gamma Inc', A.userIds.rep2, [c3], []],
      ['Zeta Corp', rep3.id, [], [p2]],
      ['云杉科技有限公司', A.userIds.rep2, [c1], [p1]],
    ]);
    expect(plan.totals).toEqual({ customers: 5, claims: 3, packets: 3, tokens: 2 });
    expect(plan.customers.flatMap((c) => c.packets).find((p) => p.key === p2)!.note).toBe('Zeta waits for the SSO answer');
    // A preview moves nothing.
    expect(await census()).toEqual(before);

    const expected = { claimIds: [c1, c2, c3], packetKeys: [p1, p2, p3] };
    const done = await call(A.tokens.manager, 'POST', `/v1/users/${A.userIds.rep}/reassignment`, { ...req, expected });
    expect(done.status, JSON.stringify(done.json)).toBe(201);
    const after = await census();
    // Nothing lost: the same claims and packets in the team; the leaver's live ones all with the receivers.
    expect([after.claims, after.packets]).toEqual([before.claims, before.packets]);
    expect(after.live[A.userIds.rep]).toBeUndefined();
    expect(after.live[A.userIds.rep2]! - (before.live[A.userIds.rep2] ?? 0)).toBe(3);
    expect(after.owned[`${A.userIds.rep}:accepted`]).toBe(1); // the accepted packet stays the leaver's work
    expect(after.owned[`${A.userIds.rep2}:draft`]).toBe(1);
    expect([after.owned[`${rep3.id}:submitted`], after.owned[`${rep3.id}:returned`]]).toEqual([1, 1]);
    const [movedClaim] = await database.db.select().from(claims).where(eq(claims.id, c2));
    expect([movedClaim!.userId, movedClaim!.department]).toEqual([A.userIds.rep2, null]);
    const [stay] = await database.db.select({ owner: packets.ownerUserId }).from(packets).where(and(eq(packets.teamId, A.teamId), eq(packets.key, p4)));
    expect(stay!.owner).toBe(A.userIds.rep);

    // Audited with who and why; a note per packet; a notice per receiver, @mentioning them.
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.teamId, A.teamId));
    const transfers = entries.filter((e) => e.action === 'claim.transfer');
    expect(transfers.map((e) => (e.before as { claimId: number }).claimId).sort()).toEqual([c1, c2, c3].sort());
    expect(transfers.every((e) => e.userId === A.userIds.manager && (e.after as { reason: string }).reason === 'Leaves the company on Friday')).toBe(true);
    const moved = entries.filter((e) => e.action === 'packet.reassign');
    expect(Object.fromEntries(moved.map((e) => [e.packetKey, (e.after as { note: string }).note]))).toEqual({ [p1]: 'Leaves the company on Friday', [p2]: 'Zeta waits for the SSO answer', [p3]: 'Leaves the company on Friday' });
    expect(entries.filter((e) => e.action === 'user.leave')).toHaveLength(1);
    const notices = (await database.db.select().from(webhookOutbox).where(eq(webhookOutbox.teamId, A.teamId))).map((o) => o.body as { event: string; title: string; lines: string[] }).filter((b) => b.event === 'customers.reassigned');
    expect(notices.map((b) => b.title).sort()).toEqual(['Baton: 2 customers of A rep handed to A rep3', 'Baton: 3 customers of A rep handed to A rep2']);
    expect(notices.every((b) => b.lines[0] === 'By A manager, because: Leaves the company on Friday')).toBe(true);

    // The leaver's tokens no longer work, and no new one can be made.
    for (const t of [A.tokens.rep, extraToken]) expect((await call(t, 'GET', '/v1/me')).status).toBe(401);
    expect((await call(A.tokens.admin, 'POST', `/v1/users/${A.userIds.rep}/tokens`, {})).json.error?.code).toBe('deactivated');
    expect((await call(A.tokens.manager, 'POST', `/v1/users/${A.userIds.rep}/reassignment/preview`, req)).json.error?.code).toBe('deactivated');

    // The receivers see what they got, from whom and why; their pull and claims list carry it.
    const mine = (await call(A.tokens.rep2, 'GET', '/v1/me/handoffs')).json.handoffs as { id: number; kind: string; label: string; from: string; by: string; reason: string; note: string; packetKey: string | null; dealUrl: string | null }[];
    expect(mine.map((h) => [h.kind, h.label, h.note]).sort()).toEqual([
      ['claim', 'Beta GmbH', ''],
      ['claim', 'Gamma Inc', ''],
      ['claim', '云杉科技有限公司', ''],
      ['packet', '云杉科技 deal', 'Leaves the company on Friday'],
    ]);
    expect(mine.every((h) => h.from === 'A rep' && h.by === 'A manager' && h.reason === 'Leaves the company on Friday')).toBe(true);
    expect(mine.find((h) => h.kind === 'packet')!.dealUrl).toBe('https://acme.pipedrive.com/deal/1');
    const pulled = ((await call(rep3.token, 'GET', '/v1/sync/pull?limit=100')).json.packets as { key: string }[]).map((p) => p.key).sort();
    expect(pulled).toEqual([p2, p3].sort());
    const rep2Claims = ((await call(A.tokens.rep2, 'GET', '/v1/claims')).json.claims as { id: number }[]).map((c) => c.id);
    expect(rep2Claims).toEqual(expect.arrayContaining([c1, c2, c3]));

    // Acknowledged: gone from the list; another person's is not found.
    expect((await call(rep3.token, 'POST', `/v1/me/handoffs/${mine[0]!.id}/ack`)).status).toBe(404);
    expect((await call(A.tokens.rep2, 'POST', `/v1/me/handoffs/${mine[0]!.id}/ack`)).status).toBe(200);
    expect(((await call(A.tokens.rep2, 'GET', '/v1/me/handoffs')).json.handoffs as unknown[]).length).toBe(3);
  });

  it('bad requests are 400 with the field path and change nothing', async () => {
    const leaver = await person('A rep4', 'rep');
    await claim(leaver.token, 'Iota Ltd');
    const before = await census();
    const cases: [Json, string, string][] = [
      [{ outcome: 'leaves', receivers: [], reason: 'x' }, 'receivers', 'minItems'],
      [{ outcome: 'leaves', receivers: [A.userIds.csm], reason: 'x' }, 'receivers[0]', 'receiverRole'],
      [{ outcome: 'leaves', receivers: [rep3.id, A.userIds.rep], reason: 'x' }, 'receivers[1]', 'receiverInactive'],
      [{ outcome: 'leaves', receivers: [leaver.id], reason: 'x' }, 'receivers[0]', 'isLeaver'],
      [{ outcome: 'leaves', receivers: [rep3.id], reason: ' ' }, 'reason', 'empty'],
      [{ outcome: 'changesRole', receivers: [rep3.id], reason: 'x' }, 'newRole', 'required'],
      [{ outcome: 'leaves', receivers: [rep3.id], reason: 'x', split: 'choice' }, 'choices', 'customerUnassigned'],
      [{ outcome: 'leaves', receivers: [rep3.id], reason: 'x', notes: [{ packetKey: 'pipedrive:x:404', note: 'n' }] }, 'notes[0].packetKey', 'notInPlan'],
      [{ outcome: 'leaves', receivers: [rep3.id], reason: 'x', extra: 1 }, '(root)', 'unknownKeys'],
    ];
    for (const [b, path, code] of cases) {
      for (const route of ['reassignment/preview', 'reassignment']) {
        const r = await call(A.tokens.manager, 'POST', `/v1/users/${leaver.id}/${route}`, b);
        expect(r.status, JSON.stringify(b)).toBe(400);
        const issues = (r.json.error as unknown as { issues: { path: string; code: string }[] }).issues;
        expect(issues[0], JSON.stringify(b)).toEqual(expect.objectContaining({ path, code }));
      }
    }
    expect((await call(A.tokens.manager, 'POST', `/v1/users/${A.userIds.manager}/reassignment/preview`, { outcome: 'leaves', receivers: [rep3.id], reason: 'x' })).json.error?.code).toBe('cannot_reassign');
    expect(await census()).toEqual(before);
    expect((await call(leaver.token, 'GET', '/v1/me')).status).toBe(200);
  });

  it('a CSM who changes role: accepted packets go to another CSM; a stale preview moves nothing', async () => {
    const held = await packet('Kappa Corp', 'https://acme.pipedrive.com/deal/k', 'accepted', rep3.token);
    const [row] = await database.db.select({ csm: packets.csmUserId }).from(packets).where(and(eq(packets.teamId, A.teamId), eq(packets.key, held)));
    expect(row!.csm).toBe(A.userIds.csm);
    const req = { outcome: 'changesRole', newRole: 'rep', receivers: [csm2.id], reason: 'Moves to sales' };
    expect((await call(A.tokens.manager, 'POST', `/v1/users/${A.userIds.csm}/reassignment`, { ...req, newRole: 'manager' })).status).toBe(403);
    const preview = await call(A.tokens.manager, 'POST', `/v1/users/${A.userIds.csm}/reassignment/preview`, req);
    const keys = (preview.json.customers as { packets: { key: string; as: string }[] }[]).flatMap((c) => c.packets);
    expect(keys.every((p) => p.as === 'csm')).toBe(true);
    expect(keys.map((p) => p.key)).toContain(held);
    const stale = await call(A.tokens.manager, 'POST', `/v1/users/${A.userIds.csm}/reassignment`, { ...req, expected: { claimIds: [], packetKeys: [] } });
    expect(stale.status).toBe(409);
    expect(stale.json.error?.code).toBe('plan_changed');
    expect((await call(A.tokens.csm, 'GET', '/v1/me')).status).toBe(200);
    const done = await call(A.tokens.manager, 'POST', `/v1/users/${A.userIds.csm}/reassignment`, { ...req, expected: { claimIds: [], packetKeys: keys.map((p) => p.key) } });
    expect(done.status, JSON.stringify(done.json)).toBe(201);
    const [moved] = await database.db.select({ csm: packets.csmUserId }).from(packets).where(and(eq(packets.teamId, A.teamId), eq(packets.key, held)));
    expect(moved!.csm).toBe(csm2.id);
    const [u] = await database.db.select().from(users).where(eq(users.id, A.userIds.csm));
    expect([u!.role, u!.channel, u!.deactivatedAt]).toEqual(['rep', 'direct', null]);
    expect((await call(A.tokens.csm, 'GET', '/v1/me')).status).toBe(401);
    const notes = await database.db.select().from(handoffNotes).where(eq(handoffNotes.toUserId, csm2.id));
    expect(notes.map((x) => [x.packetKey, x.note])).toEqual(keys.map((p) => [p.key, 'Moves to sales']));
    // The handoff's retrospective, once due, is the new CSM's to write.
    await ageAcceptance(database, A.teamId, held, 31);
    expect(((await call(csm2.token, 'GET', '/v1/team/retrospectives/due')).json.due as { key: string }[]).map((d) => d.key)).toContain(held);
  });
});
