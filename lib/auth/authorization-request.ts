// The browser's half of OpenID Connect's authorization code flow with PKCE
// (RFC 7636; OpenID Connect Core §3.1.2): the code verifier and its S256
// challenge, the authorization request URL, and reading the redirect the
// provider sends back. Web Crypto only, so the extension and the tests use it
// alike.
import type { OidcStart } from './api-schemas';

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A fresh code verifier (43 characters) and its S256 challenge. */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return { verifier, challenge: base64url(digest) };
}

/** The provider's authorization URL for a sign-in the server started. */
export function authorizationUrl(start: OidcStart, redirectUri: string, challenge: string): string {
  const u = new URL(start.authorizationEndpoint);
  const params = { response_type: 'code', client_id: start.clientId, redirect_uri: redirectUri, scope: start.scope, state: start.state, nonce: start.nonce, code_challenge: challenge, code_challenge_method: 'S256' };
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

/**
 * The provider's answer at the redirect URI: the code, or why there is none —
 * 'cancelled' (the person declined: access_denied), 'refused' (another OAuth
 * error), 'state' (the answer belongs to another sign-in: RFC 6749 §10.12).
 */
export function readRedirect(url: string, state: string): { ok: true; code: string } | { ok: false; why: 'cancelled' | 'refused' | 'state' } {
  const u = new URL(url);
  const q = u.searchParams.has('state') || u.searchParams.has('error') ? u.searchParams : new URLSearchParams(u.hash.slice(1));
  if (q.get('error')) return { ok: false, why: q.get('error') === 'access_denied' ? 'cancelled' : 'refused' };
  if (q.get('state') !== state) return { ok: false, why: 'state' };
  const code = q.get('code');
  return code ? { ok: true, code } : { ok: false, why: 'refused' };
}
