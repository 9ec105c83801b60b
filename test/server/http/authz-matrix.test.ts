// Every route × every role × same team / other team, on both drivers. Another
// team's ids are 404; a role that may not act gets 403; nothing leaks across
// teams in lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createToken } from '@/server/auth/tokens';
import type { Database } from '@/server/db/connect';
import { packets, users as people } from '@/server/db/schema';
import { BACKENDS, freshDatabase } from '../harness/backends';
import { client, COMPLETE_OPS, hlc, seedTeam, type Seeded } from '../harness/seed';
import { ageClaim } from '../harness/server-fixture';
import { ageAcceptance } from '../harness/age-acceptance';
import { REVIEW_SECTIONS } from '@/lib/engagement/retrospective';

type Caller = 'rep' | 'rep2' | 'csm' | 'manager' | 'admin' | 'otherAdmin' | 'otherRep' | 'implementation';
const CALLERS: Caller[] = ['rep', 'rep2', 'csm', 'manager', 'admin', 'otherAdmin', 'otherRep', 'implementation'];


describe.each(BACKENDS)('authorization matrix on %s', (backend) => {
  let database: Database;
  let A: Seeded;
  let B: Seeded;
  let call: ReturnType<typeof client>;
  let n = 0;
  let implementation = '';
  const token = (c: Caller) => (c === 'otherAdmin' ? B.tokens.admin : c === 'otherRep' ? B.tokens.rep : c === 'implementation' ? implementation : A.tokens[c]);

  /** A packet in team A owned by A's rep, in the given state. */
  async function packetIn(status: 'draft' | 'submitted' | 'accepted'): Promise<string> {
    const key = `pipedrive:acme.pipedrive.com:${++n}`;
    const r = await call(A.tokens.rep, 'POST', '/v1/sync/push', {
      clientId: 'matrix-client',
      mutations: COMPLETE_OPS.map((op, i) => ({ id: `${key}-${i}`, packetKey: key, op, hlc: hlc() })),
    });
    expect(r.status).toBe(200);
    const enc = encodeURIComponent(key);
    if (status !== 'draft') expect((await call(A.tokens.rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);
    if (status === 'accepted') expect((await call(A.tokens.csm, 'POST', `/v1/packets/${enc}/accept`)).status).toBe(200);
    return enc;
  }

  beforeAll(async () => {
    database = await freshDatabase(backend);
    A = await seedTeam(database, 'A');
    // Team A's implementation person (issue 16); A keeps the default relay, sales → CS, so no packet is ever at implementation's stage.
    const [impl] = await database.db.insert(people).values({ teamId: A.teamId, name: 'A implementation', role: 'implementation' }).returning();
    implementation = (await createToken(database.db, impl!.id)).token;
    B = await seedTeam(database, 'B');
    call = client(database);
    // A ladder policy, so stage evidence is meaningful (the PUT row below keeps it).
    expect((await call(A.tokens.manager, 'PUT', '/v1/claims/policy', { mode: 'ladder' })).status).toBe(201);
  });
  afterAll(() => database?.close());

  /** A claim in team A held by A's rep. */
  async function claimIn(): Promise<number> {
    const r = await call(A.tokens.rep, 'POST', '/v1/claims', { customer: 'x', keys: [{ kind: 'company', value: `Matrix Customer ${++n}` }] });
    expect(r.status).toBe(201);
    return (r.json.claim as { id: number }).id;
  }

  /** A claim of A's rep whose extension was requested. */
  async function extensionRequested(): Promise<number> {
    const id = await claimIn();
    expect((await call(A.tokens.rep, 'POST', `/v1/claims/${id}/extension`)).status).toBe(200);
    return id;
  }

  /** A customer of A's that ran out a day ago (A's rep held it last). */
  async function pooled(): Promise<string> {
    const name = `Pooled Customer ${++n}`;
    const r = await call(A.tokens.rep, 'POST', '/v1/claims', { customer: name, keys: [{ kind: 'company', value: name }] });
    await ageClaim(database, (r.json.claim as { id: number }).id, 11);
    return name;
  }

  /** An open conflict: A's rep2 disputes a claim of A's rep. */
  async function conflictIn(): Promise<number> {
    const r = await call(A.tokens.rep2, 'POST', `/v1/claims/${await claimIn()}/conflicts`, { evidence: 'visited first' });
    expect(r.status).toBe(201);
    return (r.json.conflict as { id: number }).id;
  }

  /** A new rep of A holding one live claim: someone whose customers can be reassigned (once). */
  async function leaverWithClaim(): Promise<number> {
    const [u] = await database.db.insert(people).values({ teamId: A.teamId, name: `Leaver ${++n}`, role: 'rep', channel: 'direct' }).returning();
    const r = await call((await createToken(database.db, u!.id)).token, 'POST', '/v1/claims', { customer: 'l', keys: [{ kind: 'company', value: `Leaving Customer ${n}` }] });
    expect(r.status).toBe(201);
    return u!.id;
  }
  const leaving = () => ({ outcome: 'leaves', receivers: [A.userIds.rep2], reason: 'leaves the team' });

  /** A handoff to A's rep2: a leaver's claim reassigned to them. */
  async function handoffToRep2(): Promise<number> {
    const id = await leaverWithClaim();
    expect((await call(A.tokens.manager, 'POST', `/v1/users/${id}/reassignment`, leaving())).status).toBe(201);
    const mine = (await call(A.tokens.rep2, 'GET', '/v1/me/handoffs')).json.handoffs as { id: number }[];
    return mine[mine.length - 1]!.id;
  }

  // [route, expected status per caller, request builder]
  const table: [string, Record<Caller, number>, () => Promise<[string, string, unknown?]>][] = [
    ['GET /v1/me', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', '/v1/me']],
    ['GET /v1/packets/:key', { rep: 200, rep2: 404, csm: 200, manager: 200, admin: 200, otherAdmin: 404, otherRep: 404, implementation: 404 }, async () => ['GET', `/v1/packets/${await packetIn('draft')}`]],
    ['GET /v1/packets/:key/audit', { rep: 200, rep2: 404, csm: 200, manager: 200, admin: 200, otherAdmin: 404, otherRep: 404, implementation: 404 }, async () => ['GET', `/v1/packets/${await packetIn('draft')}/audit`]],
    ['POST submit', { rep: 200, rep2: 404, csm: 403, manager: 200, admin: 200, otherAdmin: 404, otherRep: 404, implementation: 404 }, async () => ['POST', `/v1/packets/${await packetIn('draft')}/submit`]],
    ['POST accept', { rep: 403, rep2: 403, csm: 200, manager: 200, admin: 200, otherAdmin: 404, otherRep: 403, implementation: 404 }, async () => ['POST', `/v1/packets/${await packetIn('submitted')}/accept`]],
    ['POST return', { rep: 403, rep2: 403, csm: 200, manager: 200, admin: 200, otherAdmin: 404, otherRep: 403, implementation: 404 }, async () => ['POST', `/v1/packets/${await packetIn('submitted')}/return`, { reasons: [{ item: 'risks', reason: 'why?' }] }]],
    ['POST request-csm', { rep: 200, rep2: 404, csm: 403, manager: 200, admin: 200, otherAdmin: 404, otherRep: 404, implementation: 404 }, async () => ['POST', `/v1/packets/${await packetIn('draft')}/request-csm`]],
    ['POST intro-sent', { rep: 403, rep2: 403, csm: 200, manager: 200, admin: 200, otherAdmin: 404, otherRep: 403, implementation: 403 }, async () => ['POST', `/v1/packets/${await packetIn('accepted')}/intro-sent`]],
    ['POST amend', { rep: 200, rep2: 404, csm: 200, manager: 200, admin: 200, otherAdmin: 404, otherRep: 404, implementation: 404 }, async () => ['POST', `/v1/packets/${await packetIn('accepted')}/amend`, { note: 'CFO found' }]],
    ['GET /v1/users', { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 200, otherRep: 403, implementation: 403 }, async () => ['GET', '/v1/users']],
    ['POST /v1/users', { rep: 403, rep2: 403, csm: 403, manager: 403, admin: 201, otherAdmin: 201, otherRep: 403, implementation: 403 }, async () => ['POST', '/v1/users', { name: 'New CSM', role: 'csm' }]],
    ['PATCH /v1/users/:id', { rep: 403, rep2: 403, csm: 403, manager: 403, admin: 200, otherAdmin: 404, otherRep: 403, implementation: 403 }, async () => ['PATCH', `/v1/users/${A.userIds.rep2}`, { role: 'rep' }]],
    ['GET /v1/users/:id/tokens', { rep: 403, rep2: 403, csm: 403, manager: 403, admin: 200, otherAdmin: 404, otherRep: 403, implementation: 403 }, async () => ['GET', `/v1/users/${A.userIds.rep2}/tokens`]],
    ['POST /v1/users/:id/tokens', { rep: 403, rep2: 403, csm: 403, manager: 403, admin: 201, otherAdmin: 404, otherRep: 403, implementation: 403 }, async () => ['POST', `/v1/users/${A.userIds.rep2}/tokens`, {}]],
    [
      'DELETE /v1/tokens/:id',
      { rep: 404, rep2: 200, csm: 404, manager: 404, admin: 200, otherAdmin: 404, otherRep: 404, implementation: 404 },
      async () => ['DELETE', `/v1/tokens/${(await createToken(database.db, A.userIds.rep2, 'spare')).id}`],
    ],
    ['POST /v1/claims', { rep: 201, rep2: 201, csm: 201, manager: 201, admin: 201, otherAdmin: 201, otherRep: 201, implementation: 201 }, async () => ['POST', '/v1/claims', { customer: 'c', keys: [{ kind: 'company', value: `Claimer ${++n}` }] }]],
    ['GET /v1/claims (mine)', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', '/v1/claims']],
    ['GET /v1/claims?scope=team', { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 200, otherRep: 403, implementation: 403 }, async () => ['GET', '/v1/claims?scope=team']],
    ['GET /v1/claims/lookup', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', `/v1/claims/lookup?kind=company&value=${encodeURIComponent(`Matrix Customer ${n}`)}`]],
    ['POST /v1/claims/:id/release', { rep: 200, rep2: 404, csm: 404, manager: 200, admin: 200, otherAdmin: 404, otherRep: 404, implementation: 404 }, async () => ['POST', `/v1/claims/${await claimIn()}/release`]],
    ['POST /v1/claims/:id/won', { rep: 200, rep2: 404, csm: 404, manager: 200, admin: 200, otherAdmin: 404, otherRep: 404, implementation: 404 }, async () => ['POST', `/v1/claims/${await claimIn()}/won`]],
    ['POST /v1/claims/:id/stages', { rep: 200, rep2: 404, csm: 404, manager: 200, admin: 200, otherAdmin: 404, otherRep: 404, implementation: 404 }, async () => ['POST', `/v1/claims/${await claimIn()}/stages`, { stage: 'callAndVisit', evidence: 'visit notes' }]],
    ['POST /v1/claims/:id/extension', { rep: 200, rep2: 404, csm: 404, manager: 200, admin: 200, otherAdmin: 404, otherRep: 404, implementation: 404 }, async () => ['POST', `/v1/claims/${await claimIn()}/extension`]],
    ['POST /v1/claims/:id/extension/approve', { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 404, otherRep: 403, implementation: 403 }, async () => ['POST', `/v1/claims/${await extensionRequested()}/extension/approve`]],
    ['POST /v1/claims/:id/extension/deny', { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 404, otherRep: 403, implementation: 403 }, async () => ['POST', `/v1/claims/${await extensionRequested()}/extension/deny`]],
    ['GET /v1/claims/policy', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', '/v1/claims/policy']],
    ['PUT /v1/claims/policy', { rep: 403, rep2: 403, csm: 403, manager: 201, admin: 201, otherAdmin: 201, otherRep: 403, implementation: 403 }, async () => ['PUT', '/v1/claims/policy', { mode: 'ladder' }]],
    ['GET /v1/claims/pool', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', '/v1/claims/pool']],
    // The last holder waits out the cooldown; another team has no such customer in its pool.
    ['POST /v1/claims/pool', { rep: 403, rep2: 201, csm: 201, manager: 201, admin: 201, otherAdmin: 409, otherRep: 409, implementation: 201 }, async () => ['POST', '/v1/claims/pool', { customer: 'p', keys: [{ kind: 'company', value: await pooled() }] }]],
    ['POST /v1/claims/:id/conflicts', { rep: 409, rep2: 201, csm: 403, manager: 201, admin: 201, otherAdmin: 404, otherRep: 404, implementation: 403 }, async () => ['POST', `/v1/claims/${await claimIn()}/conflicts`, { evidence: 'we met them at the fair' }]],
    [
      'POST /v1/claims/aliases',
      { rep: 201, rep2: 403, csm: 403, manager: 201, admin: 201, otherAdmin: 201, otherRep: 403, implementation: 403 },
      async () => {
        const id = await claimIn();
        return ['POST', '/v1/claims/aliases', { key: { kind: 'company', value: `Matrix Customer ${n}` }, alias: { kind: 'company', value: `Matrix Alias ${id}` } }];
      },
    ],
    [
      'DELETE /v1/claims/aliases/:id',
      { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 404, otherRep: 404, implementation: 403 },
      async () => {
        const r = await call(A.tokens.manager, 'POST', '/v1/claims/aliases', { key: { kind: 'company', value: `Unlink Me ${++n}` }, alias: { kind: 'company', value: `Unlink Alias ${n}` } });
        expect(r.status).toBe(201);
        return ['DELETE', `/v1/claims/aliases/${(r.json.alias as { id: number }).id}`];
      },
    ],
    ['GET /v1/claims/aliases', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', `/v1/claims/aliases?kind=company&value=${encodeURIComponent(`Matrix Customer ${n}`)}`]],
    ['GET /v1/claims/:id/history', { rep: 200, rep2: 404, csm: 404, manager: 200, admin: 200, otherAdmin: 404, otherRep: 404, implementation: 404 }, async () => ['GET', `/v1/claims/${await claimIn()}/history`]],
    ['GET /v1/claims/conflicts', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', '/v1/claims/conflicts']],
    [
      'POST /v1/claims/conflicts/:id/rule',
      { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 404, otherRep: 403, implementation: 403 },
      async () => ['POST', `/v1/claims/conflicts/${await conflictIn()}/rule`, { ownerUserId: A.userIds.rep, credit: { firstTouch: A.userIds.rep, process: A.userIds.rep2, signing: A.userIds.rep } }],
    ],
    ['GET /v1/team/engagement', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', '/v1/team/engagement']],
    ['PUT /v1/team/engagement', { rep: 403, rep2: 403, csm: 403, manager: 201, admin: 201, otherAdmin: 201, otherRep: 403, implementation: 403 }, async () => ['PUT', '/v1/team/engagement', {}]],
    ['GET /v1/team/relay', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', '/v1/team/relay']],
    ['PUT /v1/team/relay', { rep: 403, rep2: 403, csm: 403, manager: 403, admin: 201, otherAdmin: 201, otherRep: 403, implementation: 403 }, async () => ['PUT', '/v1/team/relay', { stages: [{ id: 'sales' }, { id: 'cs' }] }]],
    ['GET /v1/team/template', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', '/v1/team/template']],
    ['POST /v1/team/template/preview', { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 200, otherRep: 403, implementation: 403 }, async () => ['POST', '/v1/team/template/preview', { threshold: 80, items: [{ id: 'profile', required: true, weight: 80 }] }]],
    ['GET /v1/team/health', { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 200, otherRep: 403, implementation: 403 }, async () => ['GET', '/v1/team/health']],
    ['GET /v1/team/health/trends', { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 200, otherRep: 403, implementation: 403 }, async () => ['GET', '/v1/team/health/trends']],
    // Another team's person is no filter at all: the same 400 as an id nobody has (nothing tells them apart).
    ['GET /v1/team/health/trends?rep=', { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 400, otherRep: 403, implementation: 403 }, async () => ['GET', `/v1/team/health/trends?rep=${A.userIds.rep}`]],
    ['GET /v1/team/sign-in', { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 200, otherRep: 403, implementation: 403 }, async () => ['GET', '/v1/team/sign-in']],
    ['PUT /v1/team/sign-in', { rep: 403, rep2: 403, csm: 403, manager: 403, admin: 201, otherAdmin: 201, otherRep: 403, implementation: 403 }, async () => ['PUT', '/v1/team/sign-in', { access: 'invited' }]],
    ['GET /v1/team/drafting', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', '/v1/team/drafting']],
    ['PUT /v1/team/drafting', { rep: 403, rep2: 403, csm: 403, manager: 403, admin: 201, otherAdmin: 201, otherRep: 403, implementation: 403 }, async () => ['PUT', '/v1/team/drafting', { enabled: false, endpoint: '', model: '' }]],
    // drafting is off in both teams: the packet's own rep, managers and admins reach the 409; others never learn the packet exists
    ['POST /v1/drafts', { rep: 409, rep2: 404, csm: 403, manager: 409, admin: 409, otherAdmin: 404, otherRep: 404, implementation: 403 }, async () => ['POST', '/v1/drafts', { key: decodeURIComponent(await packetIn('draft')), kind: 'whyWon', locale: 'en' }]],
    ['POST /v1/invites', { rep: 403, rep2: 403, csm: 403, manager: 201, admin: 201, otherAdmin: 201, otherRep: 403, implementation: 403 }, async () => ['POST', '/v1/invites', { email: `invitee${++n}@example.com`, name: 'Invitee', role: 'rep' }]],
    [
      'POST /v1/users/:id/sign-in-code',
      { rep: 403, rep2: 403, csm: 403, manager: 201, admin: 201, otherAdmin: 404, otherRep: 403, implementation: 403 },
      async () => {
        const r = await call(A.tokens.admin, 'POST', '/v1/invites', { email: `coded${++n}@example.com`, name: 'Coded', role: 'rep' });
        expect(r.status).toBe(201);
        return ['POST', `/v1/users/${(r.json.user as { id: number }).id}/sign-in-code`];
      },
    ],
    // The retrospective and the sync agenda (issue 16 items 3 and 4): the review is due (accepted 31 days ago) and only its acceptor, A's csm, writes it.
    ['GET /v1/team/retrospectives/due', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', '/v1/team/retrospectives/due']],
    ['GET /v1/team/retrospectives/received', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', '/v1/team/retrospectives/received']],
    [
      'POST /v1/team/retrospectives',
      { rep: 403, rep2: 403, csm: 201, manager: 403, admin: 403, otherAdmin: 404, otherRep: 403, implementation: 403 },
      async () => {
        const enc = await packetIn('accepted');
        await ageAcceptance(database, A.teamId, decodeURIComponent(enc), 31);
        return ['POST', '/v1/team/retrospectives', { key: decodeURIComponent(enc), sections: Object.fromEntries(REVIEW_SECTIONS.map((s) => [s, { verdict: 'right' }])), profileFit: 'yes' }];
      },
    ],
    ['GET /v1/team/retrospectives/accuracy', { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 200, otherRep: 403, implementation: 403 }, async () => ['GET', '/v1/team/retrospectives/accuracy']],
    ['GET /v1/team/sync-agenda', { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 200, otherRep: 403, implementation: 403 }, async () => ['GET', '/v1/team/sync-agenda']],
    [
      'POST /v1/users/:id/reassignment/preview',
      { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 404, otherRep: 403, implementation: 403 },
      async () => {
        const id = await leaverWithClaim();
        return ['POST', `/v1/users/${id}/reassignment/preview`, leaving()];
      },
    ],
    [
      'POST /v1/users/:id/reassignment',
      { rep: 403, rep2: 403, csm: 403, manager: 201, admin: 201, otherAdmin: 404, otherRep: 403, implementation: 403 },
      async () => {
        const id = await leaverWithClaim();
        return ['POST', `/v1/users/${id}/reassignment`, leaving()];
      },
    ],
    ['GET /v1/me/handoffs', { rep: 200, rep2: 200, csm: 200, manager: 200, admin: 200, otherAdmin: 200, otherRep: 200, implementation: 200 }, async () => ['GET', '/v1/me/handoffs']],
    ['POST /v1/me/handoffs/:id/ack', { rep: 404, rep2: 200, csm: 404, manager: 404, admin: 404, otherAdmin: 404, otherRep: 404, implementation: 404 }, async () => ['POST', `/v1/me/handoffs/${await handoffToRep2()}/ack`]],
    ['GET /v1/webhooks', { rep: 403, rep2: 403, csm: 403, manager: 200, admin: 200, otherAdmin: 200, otherRep: 403, implementation: 403 }, async () => ['GET', '/v1/webhooks']],
    ['POST /v1/webhooks', { rep: 403, rep2: 403, csm: 403, manager: 201, admin: 201, otherAdmin: 201, otherRep: 403, implementation: 403 }, async () => ['POST', '/v1/webhooks', { kind: 'wecom', url: 'http://127.0.0.1:9/hook' }]],
  ];

  for (const [route, expected, build] of table) {
    for (const who of CALLERS) {
      it(`${route} as ${who} → ${expected[who]}`, async () => {
        const [method, path, b] = await build();
        const r = await call(token(who), method, path, b);
        expect(r.status, JSON.stringify(r.json)).toBe(expected[who]);
      });
    }
  }

  it('push: only the owner rep (and managers/admins) change a draft; another team writes only its own packet', async () => {
    const enc = await packetIn('draft');
    const key = decodeURIComponent(enc);
    const edit = (who: Caller, value: string) =>
      call(token(who), 'POST', '/v1/sync/push', { clientId: `c-${who}-xx`, mutations: [{ id: `${who}-${value}`, packetKey: key, op: { kind: 'set', path: 'salesNotes', value }, hlc: hlc(who) }] });
    const results: Record<string, string> = {};
    for (const who of CALLERS) results[who] = ((await edit(who, `by ${who}`)).json.results as { status: string }[])[0]!.status;
    expect(results).toEqual({ rep: 'applied', rep2: 'rejected', csm: 'rejected', manager: 'applied', admin: 'applied', otherAdmin: 'applied', otherRep: 'rejected', implementation: 'rejected' });
    const [a] = await database.db.select({ data: packets.data }).from(packets).where(and(eq(packets.teamId, A.teamId), eq(packets.key, key)));
    expect((a!.data as { salesNotes: string }).salesNotes).toBe('by admin');
    const [b] = await database.db.select({ data: packets.data }).from(packets).where(and(eq(packets.teamId, B.teamId), eq(packets.key, key)));
    expect((b!.data as { salesNotes: string }).salesNotes).toBe('by otherAdmin'); // B's admin created it there; B's rep may not edit another's packet
  });

  it('pull and list: reps see their own, CSMs and managers the team, nobody another team', async () => {
    await packetIn('draft');
    const keysFor = async (who: Caller) => {
      const pulled = ((await call(token(who), 'GET', '/v1/sync/pull?limit=1000')).json.packets as { key: string }[]).map((p) => p.key);
      const listed = ((await call(token(who), 'GET', '/v1/packets?limit=200')).json.packets as { key: string }[]).map((p) => p.key);
      expect(new Set(listed)).toEqual(new Set(pulled));
      return pulled;
    };
    const all = await keysFor('manager');
    expect(all.length).toBeGreaterThan(5);
    expect(await keysFor('rep')).toEqual(all); // every packet in A was made by A's rep
    expect(await keysFor('rep2')).toEqual([]);
    expect(new Set(await keysFor('csm'))).toEqual(new Set(all));
    expect(await keysFor('implementation')).toEqual([]); // none of A's packets is at the implementation stage
    const other = await keysFor('otherAdmin');
    const [row] = await database.db.select({ n: packets.id }).from(packets).where(eq(packets.teamId, B.teamId));
    expect(other.length).toBe(row ? 1 : 0); // only B's own packet from the push test (if it ran first)
    const users = (await call(B.tokens.admin, 'GET', '/v1/users')).json.users as { teamId: number }[];
    expect(users.every((u) => u.teamId === B.teamId)).toBe(true);
    const teamClaims = (await call(B.tokens.admin, 'GET', '/v1/claims?scope=team')).json.claims as { teamId: number }[];
    expect(teamClaims.every((c) => c.teamId === B.teamId)).toBe(true);
    const pool = (await call(B.tokens.admin, 'GET', '/v1/claims/pool?limit=500')).json.pool as unknown[];
    expect(pool).toEqual([]); // A's expired customers are not in B's pool
    const conflicts = (await call(B.tokens.admin, 'GET', '/v1/claims/conflicts?state=all&limit=500')).json.conflicts as unknown[];
    expect(conflicts).toEqual([]);
    expect(((await call(A.tokens.manager, 'GET', '/v1/claims/conflicts?state=all&limit=500')).json.conflicts as unknown[]).length).toBeGreaterThan(0);
    // Claims are per team: what A holds is free as far as B is concerned.
    expect((await call(A.tokens.rep, 'POST', '/v1/claims', { customer: 'Only In A', keys: [{ kind: 'company', value: 'Only In A Ltd' }] })).status).toBe(201);
    expect((await call(A.tokens.rep2, 'GET', '/v1/claims/lookup?kind=company&value=Only%20In%20A')).json).toMatchObject({ status: 'taken' });
    expect((await call(B.tokens.rep, 'GET', '/v1/claims/lookup?kind=company&value=Only%20In%20A')).json).toMatchObject({ status: 'free' });
  });
});
