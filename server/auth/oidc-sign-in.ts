// Sign-in with the company account: OpenID Connect's authorization code flow
// with PKCE (RFC 7636), the browser part driven by the extension
// (browser.identity.launchWebAuthFlow). The server hands out a state and a
// nonce, later exchanges the code at the provider's token endpoint (or takes
// the ID token the client obtained), verifies the ID token, checks that its
// nonce is this sign-in's and not used before, maps the email address to a
// person by the team's policy and issues Baton's own token.
import { randomBytes } from 'node:crypto';
import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { emailSchema, type OidcFinishBody, type OidcStart, type SignedIn } from '@/lib/auth/api-schemas';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { signInAttempts, teams } from '../db/schema';
import { ApiError } from '../http/errors';
import { verifyIdToken, type IdTokenClaims } from './id-token';
import { providerMeta, type ProviderMeta } from './identity-provider';
import { signInPolicyFor } from './sign-in-policy-store';
import { personForEmail, signedIn } from './signed-in';
import { hashToken } from './tokens';

/** How long a started sign-in may take (the person types a password, maybe a second factor), ms. */
const ATTEMPT_MS = 10 * 60_000;
const SCOPE = 'openid email profile';

const random = () => randomBytes(32).toString('base64url');

/** The token endpoint's answer (RFC 6749 §5.1, §5.2): only the fields read here; a body that is not an object reads as none. */
const tokenAnswerSchema = z.looseObject({ id_token: z.unknown().optional(), error: z.unknown().optional() });

/** The team a number (or a digit string) or a name names; 404 when none, or several teams have that name. */
async function teamOf(db: Db, ref: number | string): Promise<number> {
  const byId = typeof ref === 'number' || /^\d{1,15}$/.test(ref);
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(byId ? eq(teams.id, Number(ref)) : sql`lower(${teams.name}) = ${String(ref).toLowerCase()}`)
    .limit(2);
  if (rows.length !== 1) throw new ApiError(404, 'not_found', rows.length ? 'Several teams have this name; use the team number.' : 'No such team.');
  return rows[0]!.id;
}

/** The team's identity provider; 409 no_identity_provider when it has none. */
async function providerOf(db: Db, teamId: number) {
  const policy = await signInPolicyFor(db, teamId);
  if (!policy.provider) throw new ApiError(409, 'no_identity_provider', 'This team signs in with one-time codes; it has no identity provider.');
  return { policy, provider: policy.provider, meta: await providerMeta(policy.provider.issuer) };
}

/** A new sign-in for `teamId`: what the browser needs to go to the provider. */
export async function startOidc(db: Db, team: number | string): Promise<OidcStart> {
  const teamId = await teamOf(db, team);
  const { provider, meta } = await providerOf(db, teamId);
  const state = random();
  const nonce = random();
  // Sign-ins never finished are of no use after their time: cleared as new ones start.
  await db.delete(signInAttempts).where(lt(signInAttempts.expiresAt, new Date(Date.now() - ATTEMPT_MS)));
  await db.insert(signInAttempts).values({ teamId, stateHash: hashToken(state), nonce, expiresAt: new Date(Date.now() + ATTEMPT_MS) });
  return { state, nonce, authorizationEndpoint: meta.authorizationEndpoint, clientId: provider.clientId, scope: SCOPE };
}

/** The ID token for an authorization code, from the provider's token endpoint. Errors: 401 oidc_code_rejected. */
async function exchangeCode(meta: ProviderMeta, clientId: string, b: { code: string; codeVerifier: string; redirectUri: string }): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'authorization_code', code: b.code, redirect_uri: b.redirectUri, client_id: clientId, code_verifier: b.codeVerifier });
  let res: Response;
  try {
    res = await fetch(meta.tokenEndpoint, { method: 'POST', body: form, headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000), redirect: 'error' });
  } catch (e) {
    throw new ApiError(502, 'identity_provider_unreachable', `The identity provider’s token endpoint did not answer (${e instanceof Error ? e.message : String(e)}).`);
  }
  const parsed = tokenAnswerSchema.safeParse(await res.json().catch(() => null));
  const json = parsed.success ? parsed.data : null;
  if (!res.ok || typeof json?.id_token !== 'string') {
    // Only an RFC 6749 §5.2 error code is passed on: free text from the endpoint is not echoed to the caller.
    const why = typeof json?.error === 'string' && /^[a-z_]{1,40}$/.test(json.error) ? json.error : `status ${res.status}`;
    throw new ApiError(401, 'oidc_code_rejected', `The identity provider refused the sign-in code (${why}); sign in again.`, null, { providerError: why });
  }
  return json.id_token;
}

/** The sign-in that `state` names, not yet used. Errors: 401 oidc_state_unknown, oidc_nonce_replayed. */
async function pendingAttempt(db: Db, state: string) {
  const [attempt] = await db.select().from(signInAttempts).where(eq(signInAttempts.stateHash, hashToken(state)));
  if (!attempt || attempt.expiresAt < new Date()) throw new ApiError(401, 'oidc_state_unknown', 'This sign-in is unknown or took too long; start again.');
  if (attempt.usedAt) throw new ApiError(401, 'oidc_nonce_replayed', 'This sign-in was already used; start again.');
  return attempt;
}

/** The token's nonce must be the sign-in's. Errors: 401 oidc_nonce_replayed (an earlier sign-in's), oidc_nonce_mismatch. */
async function checkNonce(db: Db, attempt: { nonce: string }, nonce: string | undefined) {
  if (nonce === attempt.nonce) return;
  const [used] = nonce ? await db.select({ id: signInAttempts.id }).from(signInAttempts).where(and(eq(signInAttempts.nonce, nonce), isNotNull(signInAttempts.usedAt))) : [];
  if (used) throw new ApiError(401, 'oidc_nonce_replayed', 'This ID token was already used to sign in; start again.');
  throw new ApiError(401, 'oidc_nonce_mismatch', 'The ID token was not issued for this sign-in; start again.');
}

/** The verified address of the token. Errors: 401 email_not_verified. */
function verifiedEmail(claims: IdTokenClaims): string {
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  if (typeof claims.email !== 'string' || !claims.email.includes('@') || !verified) {
    throw new ApiError(401, 'email_not_verified', 'The identity provider did not vouch for an email address of this account.');
  }
  // The invitation's rule (ASCII, then lower case): a look-alike address never matches another person's.
  const email = emailSchema.safeParse(claims.email);
  if (!email.success) throw new ApiError(401, 'email_not_allowed', `${claims.email} is not an address Baton can match to a person.`, null, { email: claims.email });
  return email.data;
}

/**
 * Finishes a sign-in begun by startOidc. Nothing is created unless every check
 * passes; the sign-in's nonce is spent in the same transaction as the token is
 * made, so a replay — even a concurrent one — is refused.
 */
export async function finishOidc(db: Db, body: OidcFinishBody): Promise<SignedIn> {
  const attempt = await pendingAttempt(db, body.state);
  const { policy, provider, meta } = await providerOf(db, attempt.teamId);
  const idToken = 'idToken' in body ? body.idToken : await exchangeCode(meta, provider.clientId, body);
  const claims = await verifyIdToken(idToken, { issuer: meta.issuer, clientId: provider.clientId, keys: meta.keys });
  await checkNonce(db, attempt, claims.nonce);
  const email = verifiedEmail(claims);
  return writeTransaction(db, async (tx) => {
    const spent = await tx
      .update(signInAttempts)
      .set({ usedAt: new Date() })
      .where(and(eq(signInAttempts.id, attempt.id), isNull(signInAttempts.usedAt)))
      .returning({ usedAt: signInAttempts.usedAt });
    if (spent.length !== 1) throw new ApiError(401, 'oidc_nonce_replayed', 'This sign-in was already used; start again.');
    const person = await personForEmail(tx, attempt.teamId, policy, email, claims.name);
    return signedIn(tx, person, 'company account');
  });
}
