// Sign-in with the company account against a real OpenID provider
// (oidc-provider on a loopback port, test/server/harness/oidc-provider.ts):
// the authorization code flow with PKCE end to end — the server exchanges the
// code and verifies the ID token — then the team's policy: a new person of an
// allowed domain is created as a rep, an invited person of another domain
// gets in, anyone else is refused. And every ID-token check: a token the
// provider would not issue (wrong issuer, wrong audience, expired, bad
// signature, unknown key id) or one brought back a second time (replayed
// nonce) is a 401 with its own code, and nothing is created.
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { oidcStartAnswerSchema, type OidcStart } from '@/lib/auth/api-schemas';
import { tokens, users } from '@/server/db/schema';
import { BACKENDS } from '../harness/backends';
import { serverFixture } from '../harness/server-fixture';
import { authorizationUrl, pkcePair } from '@/lib/auth/authorization-request';
import { signInAtProvider, startTestProvider, type TestProvider } from '../harness/oidc-provider';

const REDIRECT = 'http://127.0.0.1:9/baton-callback';

describe.each(BACKENDS)('sign-in with the company account on %s', (backend) => {
  const f = serverFixture(backend, ['A', 'B']);
  let idp: TestProvider;
  const A = () => f.teams[0]!;

  beforeAll(async () => {
    idp = await startTestProvider({
      redirectUris: [REDIRECT],
      accounts: [
        { email: 'ana@acme.example', name: 'Ana Li' },
        { email: 'bo@outside.example', name: 'Bo Outsider' },
        { email: 'eve@acme.example', name: 'Eve Unverified', emailVerified: false },
        { email: 'cy@partner.example', name: 'Cy Partner' },
      ],
    });
    const put = await f.call(A().tokens.admin, 'PUT', '/v1/team/sign-in', { provider: { issuer: idp.issuer, clientId: idp.clientId }, access: 'domains', domains: ['acme.example'], defaultRole: 'rep' });
    expect(put.status).toBe(201);
    const invited = await f.call(A().tokens.admin, 'POST', '/v1/invites', { email: 'Cy@Partner.example', name: 'Cy Partner', role: 'csm' });
    expect(invited.status).toBe(201);
  });
  afterAll(() => idp?.close());

  const start = async (): Promise<OidcStart> => {
    const r = await f.call(null, 'POST', '/v1/auth/oidc/start', { team: A().teamId });
    expect(r.status).toBe(200);
    return oidcStartAnswerSchema.parse(r.json);
  };
  /** The whole browser part: to the provider, log in as `email`, back with a code. */
  const codeFor = async (email: string) => {
    const s = await start();
    const pkce = await pkcePair();
    const back = await signInAtProvider(authorizationUrl(s, REDIRECT, pkce.challenge), REDIRECT, email);
    expect(back.searchParams.get('state')).toBe(s.state);
    return { state: s.state, code: back.searchParams.get('code')!, codeVerifier: pkce.verifier, redirectUri: REDIRECT };
  };
  const finish = (b: unknown) => f.call(null, 'POST', '/v1/auth/oidc', b);
  const counts = async () => ({
    users: (await f.database.db.select({ n: count() }).from(users))[0]!.n,
    tokens: (await f.database.db.select({ n: count() }).from(tokens))[0]!.n,
  });

  it('a person of an allowed domain signs in through the provider and is created once, as a rep; the token works and is revocable', async () => {
    const r = await finish(await codeFor('ana@acme.example'));
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ user: { name: 'Ana Li', role: 'rep' }, team: { id: A().teamId, name: 'A' } });
    const token = r.json.token as string;
    expect((await f.call(token, 'GET', '/v1/me')).json).toMatchObject({ user: { name: 'Ana Li', role: 'rep' }, team: { id: A().teamId } });
    const again = await finish(await codeFor('ana@acme.example'));
    expect(again.status).toBe(201);
    expect((again.json.user as { id: number }).id).toBe((r.json.user as { id: number }).id);
    expect(await f.database.db.select({ email: users.email }).from(users).where(eq(users.name, 'Ana Li'))).toEqual([{ email: 'ana@acme.example' }]);
    // Baton's own token: stored hashed, revoked like any other.
    const [row] = await f.database.db.select().from(tokens).where(eq(tokens.userId, (r.json.user as { id: number }).id)).limit(1);
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await f.call(token, 'DELETE', `/v1/tokens/${row!.id}`)).status).toBe(200);
    expect((await f.call(token, 'GET', '/v1/me')).status).toBe(401);
  });

  it('an invited person from another domain signs in with the role they were invited with', async () => {
    const r = await finish(await codeFor('cy@partner.example'));
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ user: { name: 'Cy Partner', role: 'csm' } });
  });

  it('a person the policy does not allow is refused with email_not_allowed, and nothing is created', async () => {
    const before = await counts();
    const r = await finish(await codeFor('bo@outside.example'));
    expect(r.status).toBe(401);
    expect(r.json.error).toMatchObject({ code: 'email_not_allowed' });
    expect(r.json.error!.message).toContain('bo@outside.example');
    expect(await counts()).toEqual(before);
  });

  it('an address the provider does not vouch for is refused with email_not_verified', async () => {
    const before = await counts();
    const r = await finish(await codeFor('eve@acme.example'));
    expect(r.status).toBe(401);
    expect(r.json.error?.code).toBe('email_not_verified');
    expect(await counts()).toEqual(before);
  });

  it('the provider enforces PKCE: a wrong code verifier is refused (oidc_code_rejected), as is a code used twice', async () => {
    const before = await counts();
    const c = await codeFor('ana@acme.example');
    const wrong = await finish({ ...c, codeVerifier: (await pkcePair()).verifier });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toMatchObject({ code: 'oidc_code_rejected', providerError: 'invalid_grant' });
    expect(await counts()).toEqual(before);
    const c2 = await codeFor('ana@acme.example');
    expect((await finish(c2)).status).toBe(201);
    const twice = await finish(c2);
    expect(twice.status).toBe(401);
    expect(twice.json.error?.code).toBe('oidc_nonce_replayed');
  });

  describe('ID tokens the provider would not issue', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const claims = (s: OidcStart) => ({ iss: idp.issuer, aud: idp.clientId, sub: 'ana@acme.example', email: 'ana@acme.example', email_verified: true, name: 'Ana Li', nonce: s.nonce, iat: now(), exp: now() + 300 });
    const refused = async (code: string, token: (s: OidcStart) => Promise<string>) => {
      const before = await counts();
      const s = await start();
      const r = await finish({ state: s.state, idToken: await token(s) });
      expect(r.status, JSON.stringify(r.json)).toBe(401);
      expect(r.json.error?.code).toBe(code);
      expect(r.json.error?.message.length).toBeGreaterThan(20);
      expect(await counts()).toEqual(before);
    };

    it('a well-formed token signed by the provider’s key is accepted (the checks below fail for their reason only)', async () => {
      const s = await start();
      const r = await finish({ state: s.state, idToken: await idp.sign(claims(s)) });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
    });
    it('wrong issuer', () => refused('oidc_wrong_issuer', (s) => idp.sign({ ...claims(s), iss: 'https://login.elsewhere.example' })));
    it('wrong audience', () => refused('oidc_wrong_audience', (s) => idp.sign({ ...claims(s), aud: 'another-app' })));
    it('several audiences without this client as authorized party', () => refused('oidc_wrong_audience', (s) => idp.sign({ ...claims(s), aud: [idp.clientId, 'another-app'], azp: 'another-app' })));
    it('expired', () => refused('oidc_expired', (s) => idp.sign({ ...claims(s), iat: now() - 7200, exp: now() - 3600 })));
    it('bad signature (another key under the provider’s key id)', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      await refused('oidc_bad_signature', (s) => idp.sign(claims(s), { key: privateKey }));
    });
    it('a tampered token (payload changed after signing)', () =>
      refused('oidc_bad_signature', async (s) => {
        const [h, , sig] = (await idp.sign(claims(s))).split('.');
        return `${h}.${Buffer.from(JSON.stringify({ ...claims(s), email: 'admin@acme.example' })).toString('base64url')}.${sig}`;
      }));
    it('unknown key id', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      await refused('oidc_unknown_key', (s) => idp.sign(claims(s), { key: privateKey, kid: 'not-published' }));
    });
    it('another sign-in’s nonce', () => refused('oidc_nonce_mismatch', (s) => idp.sign({ ...claims(s), nonce: 'x'.repeat(43) })));

    it('replayed nonce: a token that signed in once is refused the second time, under its own sign-in or a new one', async () => {
      const s = await start();
      const token = await idp.sign(claims(s));
      expect((await finish({ state: s.state, idToken: token })).status).toBe(201);
      const before = await counts();
      const same = await finish({ state: s.state, idToken: token });
      expect(same.status).toBe(401);
      expect(same.json.error?.code).toBe('oidc_nonce_replayed');
      const s2 = await start();
      const other = await finish({ state: s2.state, idToken: token });
      expect(other.status).toBe(401);
      expect(other.json.error?.code).toBe('oidc_nonce_replayed');
      expect(await counts()).toEqual(before);
    });

    it('an unknown sign-in (state) is refused before anything else', async () => {
      const r = await finish({ state: 'y'.repeat(43), idToken: 'a.b.c' });
      expect(r.status).toBe(401);
      expect(r.json.error?.code).toBe('oidc_state_unknown');
    });
  });

  it('a team without an identity provider says so; another team’s sign-in cannot start there', async () => {
    const r = await f.call(null, 'POST', '/v1/auth/oidc/start', { team: f.teams[1]!.teamId });
    expect(r.status).toBe(409);
    expect(r.json.error?.code).toBe('no_identity_provider');
    expect((await f.call(null, 'POST', '/v1/auth/oidc/start', { team: 999_999 })).status).toBe(404);
    expect((await f.call(null, 'POST', '/v1/auth/oidc/start', { team: '' })).status).toBe(400);
    // IT's managed `team` may be the name, in any case, or the number as text.
    expect((await f.call(null, 'POST', '/v1/auth/oidc/start', { team: 'a' })).status).toBe(200);
    expect((await f.call(null, 'POST', '/v1/auth/oidc/start', { team: String(A().teamId) })).status).toBe(200);
    expect((await f.call(null, 'POST', '/v1/auth/oidc/start', { team: 'No Such Team' })).status).toBe(404);
  });
});

describe('the provider rotates its signing key', () => {
  const f = serverFixture('pglite', ['R']);
  let idp: TestProvider;
  beforeAll(async () => {
    idp = await startTestProvider({ redirectUris: [REDIRECT], accounts: [{ email: 'ana@rot.example', name: 'Ana Rot' }] });
    const put = await f.call(f.teams[0]!.tokens.admin, 'PUT', '/v1/team/sign-in', { provider: { issuer: idp.issuer, clientId: idp.clientId }, access: 'domains', domains: ['rot.example'] });
    expect(put.status).toBe(201);
  });
  afterAll(() => idp?.close());

  /** A sign-in with an ID token the provider signs with its key in use. */
  const signIn = async () => {
    const s = oidcStartAnswerSchema.parse((await f.call(null, 'POST', '/v1/auth/oidc/start', { team: f.teams[0]!.teamId })).json);
    const now = Math.floor(Date.now() / 1000);
    const idToken = await idp.sign({ iss: idp.issuer, aud: idp.clientId, sub: 'ana', email: 'ana@rot.example', email_verified: true, nonce: s.nonce, iat: now, exp: now + 300 });
    return f.call(null, 'POST', '/v1/auth/oidc', { state: s.state, idToken });
  };

  it('a token signed with the new key is accepted once the server has fetched the new key set, with no restart', async () => {
    expect((await signIn()).status).toBe(201); // the server now holds the first key set
    await idp.rotate();
    // jose fetches the key set again for an unknown key id at most every 30 s (its
    // cooldown against floods of made-up ids); until then such a token is refused, never let in.
    await expect
      .poll(
        async () => {
          const r = await signIn();
          if (r.status !== 201) expect(r.json.error?.code).toBe('oidc_unknown_key');
          return r.status;
        },
        { timeout: 120_000, interval: 3_000 },
      )
      .toBe(201);
  }, 150_000);
});
