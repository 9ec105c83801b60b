// The browser's half of the authorization code flow with PKCE
// (lib/auth/authorization-request.ts) and the policy's domain rule
// (lib/auth/sign-in-policy.ts).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizationUrl, pkcePair, readRedirect } from '@/lib/auth/authorization-request';
import { DEFAULT_SIGN_IN_POLICY, mayCreateOnSignIn, signInPolicySchema } from '@/lib/auth/sign-in-policy';

describe('PKCE and the authorization request', () => {
  it('the challenge is the S256 of the verifier (RFC 7636 §4.2), and every pair is new', async () => {
    const a = await pkcePair();
    const b = await pkcePair();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.challenge).toBe(createHash('sha256').update(a.verifier).digest('base64url'));
    expect(b.verifier).not.toBe(a.verifier);
  });

  it('the request carries code, PKCE S256, state and nonce to the provider’s endpoint', () => {
    const url = new URL(authorizationUrl({ authorizationEndpoint: 'https://login.acme.example/auth?tenant=x', clientId: 'baton', scope: 'openid email profile', state: 'st', nonce: 'no' }, 'https://id.chromiumapp.org/', 'ch'));
    expect(url.origin + url.pathname).toBe('https://login.acme.example/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({ tenant: 'x', response_type: 'code', client_id: 'baton', redirect_uri: 'https://id.chromiumapp.org/', scope: 'openid email profile', state: 'st', nonce: 'no', code_challenge: 'ch', code_challenge_method: 'S256' });
  });

  it('the redirect gives the code only for this sign-in’s state; a declined or failed sign-in says which', () => {
    expect(readRedirect('https://id.chromiumapp.org/?code=abc&state=st', 'st')).toEqual({ ok: true, code: 'abc' });
    expect(readRedirect('https://id.chromiumapp.org/?code=abc&state=other', 'st')).toEqual({ ok: false, why: 'state' });
    expect(readRedirect('https://id.chromiumapp.org/?error=access_denied&state=st', 'st')).toEqual({ ok: false, why: 'cancelled' });
    expect(readRedirect('https://id.chromiumapp.org/?error=server_error&state=st', 'st')).toEqual({ ok: false, why: 'refused' });
    expect(readRedirect('https://id.chromiumapp.org/?state=st', 'st')).toEqual({ ok: false, why: 'refused' });
  });
});

describe('the sign-in policy', () => {
  it('creates people on first sign-in only for the team’s domains, and only when the policy says so', () => {
    const domains = signInPolicySchema.parse({ access: 'domains', domains: ['Acme.example'] });
    expect(mayCreateOnSignIn(domains, 'ana@ACME.example')).toBe(true);
    expect(mayCreateOnSignIn(domains, 'ana@sub.acme.example')).toBe(false);
    expect(mayCreateOnSignIn(domains, 'ana@acme.example.evil.com')).toBe(false);
    expect(mayCreateOnSignIn({ ...domains, access: 'invited' }, 'ana@acme.example')).toBe(false);
    expect(mayCreateOnSignIn(DEFAULT_SIGN_IN_POLICY, 'ana@acme.example')).toBe(false);
  });

  it('refuses a provider over plain http to another host, and manager or admin as the default role', () => {
    expect(signInPolicySchema.safeParse({ provider: { issuer: 'http://login.acme.example', clientId: 'b' } }).success).toBe(false);
    expect(signInPolicySchema.safeParse({ provider: { issuer: 'http://127.0.0.1:5000/', clientId: 'b' } }).data?.provider?.issuer).toBe('http://127.0.0.1:5000');
    expect(signInPolicySchema.safeParse({ defaultRole: 'admin' }).success).toBe(false);
  });
});
