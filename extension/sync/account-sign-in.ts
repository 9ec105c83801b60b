// Signing in without a hand-copied token (issue 15): with the company account
// (OpenID Connect, authorization code with PKCE) or with an invite's one-time
// code. Runs in the background: the server's answer — Baton's token — goes
// straight to the kept sign-in (auth.ts), and no page sees it. The browser's
// sign-in window is injected (browser.identity.launchWebAuthFlow in
// production, account-sign-in.background.ts).
import { oidcStartAnswerSchema, signedInAnswerSchema } from '@/lib/auth/api-schemas';
import { authorizationUrl, pkcePair, readRedirect } from '@/lib/auth/authorization-request';
import { apiErrorText, errorOfBody } from '@/lib/i18n/api-errors';
import type { Locale } from '@/lib/i18n/locale';
import { translate, type MessageKey } from '@/lib/i18n/translate';
import { parseServerAddress } from '@/lib/sync/server-address';
import type { SignInResult } from './auth';

export interface AccountSignInDeps {
  fetch: typeof fetch;
  /** opens the provider's page and resolves with the URL it redirects to; rejects when the person closes it */
  launch(url: string): Promise<string>;
  /** where the provider sends the person back (https://<extension id>.chromiumapp.org/) */
  redirectUri: string;
  locale(): Promise<Locale>;
  /** keeps Baton's token once /v1/me confirms it (auth.ts signIn) */
  keep(serverUrl: string, token: string): Promise<SignInResult>;
}

const TIMEOUT_MS = 20_000;

export function createAccountSignIn(d: AccountSignInDeps) {
  const failed = async (key: MessageKey, params?: Record<string, string | number>): Promise<SignInResult> => ({ ok: false, message: translate(await d.locale(), key, params) });

  /** POST a JSON body to the server (no token); the answer's body, or the failure as the person reads it. */
  async function post(origin: string, path: string, body: unknown): Promise<{ ok: true; json: unknown } | { ok: false; result: SignInResult }> {
    let res: Response;
    try {
      res = await d.fetch(new URL(path, origin).toString(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (e) {
      return { ok: false, result: await failed('signIn.unreachable', { reason: e instanceof Error ? e.message : String(e) }) };
    }
    const json: unknown = await res.json().catch(() => null);
    if (res.ok) return { ok: true, json };
    return { ok: false, result: { ok: false, message: apiErrorText(errorOfBody(json), await d.locale(), { status: res.status, form: 'signIn' }) } };
  }

  /** Baton's token from a sign-in answer, kept. */
  async function keep(origin: string, json: unknown): Promise<SignInResult> {
    const signed = signedInAnswerSchema.safeParse(json);
    return signed.success ? d.keep(origin, signed.data.token) : failed('signIn.notBaton');
  }

  function originOf(serverUrl: string) {
    const a = parseServerAddress(serverUrl);
    return a.ok ? { ok: true as const, origin: a.origin } : { ok: false as const, key: (a.reason === 'insecure' ? 'signIn.insecure' : 'signIn.invalidAddress') as MessageKey };
  }

  /** The company account: the server starts, the provider's window signs the person in, the server finishes. */
  async function withCompanyAccount(serverUrl: string, team: number | string): Promise<SignInResult> {
    const at = originOf(serverUrl);
    if (!at.ok) return failed(at.key);
    const started = await post(at.origin, '/v1/auth/oidc/start', { team });
    if (!started.ok) return started.result;
    const start = oidcStartAnswerSchema.safeParse(started.json);
    if (!start.success) return failed('signIn.notBaton');
    const pkce = await pkcePair();
    let back: string;
    try {
      back = await d.launch(authorizationUrl(start.data, d.redirectUri, pkce.challenge));
    } catch {
      return failed('error.sign_in_cancelled');
    }
    const answer = readRedirect(back, start.data.state);
    if (!answer.ok) return failed(answer.why === 'cancelled' ? 'error.sign_in_cancelled' : answer.why === 'state' ? 'error.sign_in_state_mismatch' : 'error.oidc_code_rejected');
    const finished = await post(at.origin, '/v1/auth/oidc', { state: start.data.state, code: answer.code, codeVerifier: pkce.verifier, redirectUri: d.redirectUri });
    return finished.ok ? keep(at.origin, finished.json) : finished.result;
  }

  /** An invite's one-time code. */
  async function withCode(serverUrl: string, email: string, code: string): Promise<SignInResult> {
    const at = originOf(serverUrl);
    if (!at.ok) return failed(at.key);
    const r = await post(at.origin, '/v1/auth/code', { email, code });
    return r.ok ? keep(at.origin, r.json) : r.result;
  }

  return { withCompanyAccount, withCode };
}
