// Invites with a one-time code (teams without an identity provider): an admin
// (or a manager, for reps and CSMs) invites a person by email address and is
// shown the code once; the person signs in with address and code and gets
// their own token. The code is stored hashed, works once, runs out, and after
// five wrong codes for an address stops working. No token is copied by hand.
import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { signInCodeAnswerSchema, signedInAnswerSchema } from '@/lib/auth/api-schemas';
import { signInCodes, tokens, users } from '@/server/db/schema';
import { BACKENDS } from '../harness/backends';
import { serverFixture } from '../harness/server-fixture';

describe.each(BACKENDS)('invites and one-time codes on %s', (backend) => {
  const f = serverFixture(backend, ['A', 'B']);
  const A = () => f.teams[0]!;
  let n = 0;
  const invite = async (token: string, role = 'rep') => {
    const email = `person${++n}@example.com`;
    const r = await f.call(token, 'POST', '/v1/invites', { email, name: `Person ${n}`, role });
    return { r, email };
  };
  const signIn = (email: string, code: string) => f.call(null, 'POST', '/v1/auth/code', { email, code });
  const counts = async () => ({
    users: (await f.database.db.select({ n: count() }).from(users))[0]!.n,
    tokens: (await f.database.db.select({ n: count() }).from(tokens))[0]!.n,
  });

  it('an invited person signs in with the code (typed loosely) and gets a working token of their own; the code works once', async () => {
    const { r, email } = await invite(A().tokens.admin, 'csm');
    expect(r.status).toBe(201);
    const invited = signInCodeAnswerSchema.parse(r.json);
    expect(invited.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(Date.parse(invited.expiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    // Stored hashed: the database holds no code.
    expect(JSON.stringify(await f.database.db.select().from(signInCodes))).not.toContain(invited.code.replace('-', ''));

    const typed = ` ${invited.code.toLowerCase().replace('-', ' ')} `;
    const s = await signIn(email.toUpperCase(), typed);
    expect(s.status, JSON.stringify(s.json)).toBe(201);
    const signed = signedInAnswerSchema.parse(s.json);
    expect(signed).toMatchObject({ user: { id: invited.user.id, role: 'csm' }, team: { id: A().teamId } });
    expect((await f.call(signed.token, 'GET', '/v1/me')).json).toMatchObject({ user: { id: invited.user.id, role: 'csm' } });

    const before = await counts();
    const again = await signIn(email, invited.code);
    expect(again.status).toBe(401);
    expect(again.json.error?.code).toBe('code_used');
    expect(await counts()).toEqual(before);
  });

  it('a wrong code is refused the same way for invited and unknown addresses; five wrong codes lock the address without saying so', async () => {
    const { r, email } = await invite(A().tokens.admin);
    const code = signInCodeAnswerSchema.parse(r.json).code;
    const before = await counts();
    expect((await signIn('nobody@example.com', 'AAAAA-AAAAA')).json.error?.code).toBe('code_invalid');
    for (let i = 1; i <= 4; i++) {
      const w = await signIn(email, 'AAAAA-AAAAA');
      expect(w.status).toBe(401);
      expect(w.json.error?.code).toBe('code_invalid');
    }
    // The fifth wrong code locks the address, answered like any wrong code: a guesser
    // cannot tell an invited address (now locked) from one never invited.
    const fifth = await signIn(email, 'AAAAA-AAAAA');
    expect(fifth.status).toBe(401);
    expect(fifth.json.error?.code).toBe('code_invalid');
    const unknown = await signIn('nobody@example.com', 'AAAAA-AAAAA');
    expect([unknown.status, unknown.json.error?.code]).toEqual([fifth.status, fifth.json.error?.code]);
    // Locked: even the right code no longer works; a new code does.
    expect((await signIn(email, code)).json.error?.code).toBe('code_invalid');
    expect(await counts()).toEqual(before);
    const fresh = await f.call(A().tokens.admin, 'POST', `/v1/users/${signInCodeAnswerSchema.parse(r.json).user.id}/sign-in-code`);
    expect(fresh.status).toBe(201);
    expect((await signIn(email, signInCodeAnswerSchema.parse(fresh.json).code)).status).toBe(201);
  });

  it("a manager's code stops working once its person's role is raised beyond what a manager may grant", async () => {
    const { r, email } = await invite(A().tokens.manager, 'rep');
    const invited = signInCodeAnswerSchema.parse(r.json);
    expect((await f.call(A().tokens.admin, 'PATCH', `/v1/users/${invited.user.id}`, { role: 'admin' })).status).toBe(200);
    const before = await counts();
    const s = await signIn(email, invited.code);
    expect(s.status).toBe(401);
    expect(s.json.error?.code).toBe('code_used');
    expect(await counts()).toEqual(before);
  });

  it('a manager gives a new code only to someone who never signed in; an admin to anyone', async () => {
    const { r, email } = await invite(A().tokens.manager, 'rep');
    const invited = signInCodeAnswerSchema.parse(r.json);
    expect((await signIn(email, invited.code)).status).toBe(201);
    const byManager = await f.call(A().tokens.manager, 'POST', `/v1/users/${invited.user.id}/sign-in-code`);
    expect(byManager.status).toBe(403);
    expect((await f.call(A().tokens.admin, 'POST', `/v1/users/${invited.user.id}/sign-in-code`)).status).toBe(201);
    const fresh = await invite(A().tokens.manager, 'csm');
    expect((await f.call(A().tokens.manager, 'POST', `/v1/users/${signInCodeAnswerSchema.parse(fresh.r.json).user.id}/sign-in-code`)).status).toBe(201);
  });

  it('a new code replaces the old one; an expired code says so', async () => {
    const { r, email } = await invite(A().tokens.admin);
    const first = signInCodeAnswerSchema.parse(r.json);
    const second = signInCodeAnswerSchema.parse((await f.call(A().tokens.admin, 'POST', `/v1/users/${first.user.id}/sign-in-code`)).json);
    expect((await signIn(email, first.code)).json.error?.code).toBe('code_used');
    await f.database.db.update(signInCodes).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(signInCodes.userId, first.user.id));
    const late = await signIn(email, second.code);
    expect(late.status).toBe(401);
    expect(late.json.error?.code).toBe('code_expired');
  });

  it('who may invite: admins anyone, managers reps and CSMs only, others no one; an address is one person per team', async () => {
    expect((await invite(A().tokens.manager, 'rep')).r.status).toBe(201);
    expect((await invite(A().tokens.manager, 'admin')).r.status).toBe(403);
    expect((await invite(A().tokens.manager, 'manager')).r.status).toBe(403);
    expect((await invite(A().tokens.rep, 'rep')).r.status).toBe(403);
    expect((await invite(A().tokens.csm, 'rep')).r.status).toBe(403);
    expect((await invite(A().tokens.admin, 'admin')).r.status).toBe(201);
    const taken = await f.call(A().tokens.admin, 'POST', '/v1/invites', { email: `PERSON${n}@example.com`, name: 'Again', role: 'rep' });
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ code: 'email_taken', path: 'email' });
    // Another team may have the same address (a person in two teams).
    expect((await f.call(f.teams[1]!.tokens.admin, 'POST', '/v1/invites', { email: `person${n}@example.com`, name: 'Elsewhere', role: 'rep' })).status).toBe(201);
  });

  it('bad input is a 400 naming the field, and creates nothing', async () => {
    const before = await counts();
    const bad = await f.call(A().tokens.admin, 'POST', '/v1/invites', { email: 'not an address', name: 'X', role: 'rep' });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.path).toBe('email');
    const badCode = await signIn('a@example.com', '12');
    expect(badCode.status).toBe(400);
    expect(badCode.json.error?.path).toBe('code');
    expect(await counts()).toEqual(before);
  });

  it('the sign-in policy: managers read it, admins change it, a bad issuer is a 400 on its field', async () => {
    expect((await f.call(A().tokens.manager, 'GET', '/v1/team/sign-in')).json).toEqual({ team: A().teamId, policy: { provider: null, access: 'invited', domains: [], defaultRole: 'rep' } });
    expect((await f.call(A().tokens.manager, 'PUT', '/v1/team/sign-in', { access: 'invited' })).status).toBe(403);
    const bad = await f.call(A().tokens.admin, 'PUT', '/v1/team/sign-in', { provider: { issuer: 'http://login.example.com', clientId: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.path).toBe('provider.issuer');
    const admin = await f.call(A().tokens.admin, 'PUT', '/v1/team/sign-in', { access: 'domains', domains: ['Acme.Example'], defaultRole: 'manager' });
    expect(admin.status).toBe(400);
    expect(admin.json.error?.path).toBe('defaultRole');
    const ok = await f.call(A().tokens.admin, 'PUT', '/v1/team/sign-in', { access: 'domains', domains: ['Acme.Example'] });
    expect(ok.json.policy).toEqual({ provider: null, access: 'domains', domains: ['acme.example'], defaultRole: 'rep' });
  });
});
