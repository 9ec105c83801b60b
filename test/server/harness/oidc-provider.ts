// A real OpenID Connect provider for the tests: panva's oidc-provider (the
// certified Node.js implementation) on a free loopback port, with one public
// client using PKCE and a tiny login page — the person types an email address
// of a known account (no password: the accounts are the test's). Consent is
// granted at once. The test holds the provider's signing key, so it can also
// sign ID tokens the provider itself would never issue (wrong audience,
// expired…) and see the server refuse them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

export interface TestAccount {
  email: string;
  name: string;
  /** false: the provider does not vouch for the address */
  emailVerified?: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  /** signs an ID token with the provider's own key (or `key`), for tokens the provider would not issue */
  sign(claims: JWTPayload, opts?: { kid?: string; key?: CryptoKey }): Promise<string>;
  /** key rotation: a new signing key (its kid returned), the old one still published */
  rotate(): Promise<string>;
  close(): Promise<void>;
}

const form = (uid: string, error = '') => `<!doctype html><html lang="en"><head><title>Test identity provider</title></head><body>
<h1>Sign in to the test identity provider</h1>${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}/login"><label>Email <input name="email" type="email" autocomplete="off"></label>
<button type="submit">Sign in</button></form></body></html>`;

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The login and consent steps, answered here rather than by the provider's development pages. */
async function interaction(provider: Provider, accounts: Map<string, TestAccount>, req: IncomingMessage, res: ServerResponse) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    if (req.method !== 'POST') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(form(details.uid));
    const email = (await formBody(req)).get('email')?.trim().toLowerCase() ?? '';
    if (!accounts.has(email)) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(form(details.uid, 'No such account.'));
    return provider.interactionFinished(req, res, { login: { accountId: email } }, { mergeWithLastSubmission: false });
  }
  const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
  grant.addOIDCScope(String(details.params.scope));
  return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

/** Starts the provider; `redirectUris`: where the client may be sent back (the extension's chromiumapp.org URL, a loopback URL). */
export async function startTestProvider(opts: { accounts: TestAccount[]; redirectUris: string[]; clientId?: string }): Promise<TestProvider> {
  const accounts = new Map(opts.accounts.map((a) => [a.email.toLowerCase(), a]));
  const clientId = opts.clientId ?? 'baton-extension';
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_q, s) => void s.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** Signing keys, the one in use first (it signs; the others are still published). */
  const keys: { kid: string; privateKey: CryptoKey; jwk: object }[] = [];

  /** A provider instance on the same address with the current keys (sessions start afresh). */
  function mount() {
    const config: Configuration = {
      clients: [{ client_id: clientId, token_endpoint_auth_method: 'none', redirect_uris: opts.redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
      jwks: { keys: keys.map((k) => k.jwk) },
      findAccount: (_ctx, id) => {
        const a = accounts.get(id);
        return a ? { accountId: id, claims: () => ({ sub: id, email: a.email, email_verified: a.emailVerified ?? true, name: a.name }) } : undefined;
      },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      // Email and name in the ID token itself, as the usual company providers put them.
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, i) => `/interaction/${i.uid}` },
      pkce: { required: () => true },
      cookies: { keys: ['baton-test-provider-cookie-key'] },
      // Lifetimes set (rather than the development defaults, which the provider logs about): ID tokens 10 minutes.
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
    };
    const provider = new Provider(issuer, config);
    provider.on('server_error', (_ctx, err) => console.error('test provider:', err));
    const callback = provider.callback();
    handle = (req, res) => {
      if (req.url?.startsWith('/interaction/')) {
        interaction(provider, accounts, req, res).catch((e: unknown) => res.writeHead(500).end(String(e)));
        return;
      }
      callback(req, res);
    };
  }

  /** A new signing key in front of the others. */
  async function addKey() {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `test-key-${keys.length + 1}`;
    keys.unshift({ kid, privateKey, jwk: { ...(await exportJWK(privateKey)), kid, use: 'sig', alg: 'RS256' } });
  }

  await addKey();
  mount();
  return {
    issuer,
    clientId,
    sign: (claims, o = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? keys[0]!.kid, typ: 'JWT' })
        .sign(o.key ?? keys[0]!.privateKey),
    rotate: async () => {
      await addKey();
      mount();
      return keys[0]!.kid;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/**
 * What a browser does from the authorization URL on: follows the provider's
 * redirects with its cookies, types `email` into the login page, and stops at
 * the redirect back to `redirectUri`, which it returns (with code and state).
 */
export async function signInAtProvider(url: string, redirectUri: string, email: string): Promise<URL> {
  const jar = new Map<string, string>();
  let next: { url: string; init?: RequestInit } = { url };
  for (let hop = 0; hop < 20; hop++) {
    if (next.url.startsWith(redirectUri)) return new URL(next.url);
    const res = await fetch(next.url, { ...next.init, redirect: 'manual', headers: { ...(next.init?.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      next = { url: new URL(location, next.url).toString() };
      continue;
    }
    const html = await res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the provider answered ${res.status} without a way on: ${html.slice(0, 300)}`);
    if (html.includes('No such account.') && next.init) throw new Error(`the provider does not know ${email}`);
    next = { url: new URL(action, next.url).toString(), init: { method: 'POST', body: new URLSearchParams({ email }), headers: { 'content-type': 'application/x-www-form-urlencoded' } } };
  }
  throw new Error('too many redirects at the provider');
}
