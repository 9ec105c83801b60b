// Verifying an OpenID Connect ID token (OpenID Connect Core §3.1.3.7) with
// jose: signature by a key the provider publishes, issuer, audience (and azp
// when there are several), expiry, and the nonce this sign-in was given. Each
// failure is a 401 with its own code, so a person and an IT admin can tell a
// misconfigured provider from an expired or forged token.
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ApiError } from '../http/errors';

/** Asymmetric algorithms only: a symmetric one would let anyone holding the client id's secret forge tokens. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** Clock difference tolerated between Baton and the provider, seconds. */
const CLOCK_TOLERANCE_S = 60;

export interface IdTokenClaims extends JWTPayload {
  sub: string;
  nonce?: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
}

const refuse = (code: string, message: string) => new ApiError(401, code, message);

/** jose's error for a token → Baton's 401. */
function refusal(e: unknown, expected: { issuer: string; clientId: string }): ApiError {
  if (e instanceof errors.JWTExpired) return refuse('oidc_expired', 'The ID token has expired; sign in again.');
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'iss') return refuse('oidc_wrong_issuer', `The ID token was not issued by ${expected.issuer}.`);
    if (e.claim === 'aud') return refuse('oidc_wrong_audience', `The ID token is not meant for the client ${expected.clientId}.`);
    return refuse('oidc_invalid_token', `The ID token's ${e.claim} claim is not valid (${e.reason}).`);
  }
  if (e instanceof errors.JWKSNoMatchingKey) return refuse('oidc_unknown_key', 'The ID token is signed with a key the identity provider does not publish.');
  if (e instanceof errors.JWSSignatureVerificationFailed) return refuse('oidc_bad_signature', 'The ID token’s signature does not verify.');
  if (e instanceof errors.JOSEAlgNotAllowed) return refuse('oidc_bad_signature', 'The ID token is signed with an algorithm Baton does not accept.');
  if (e instanceof errors.JWKSTimeout || (e instanceof errors.JOSEError && e.code === 'ERR_JWKS_INVALID')) {
    return new ApiError(502, 'identity_provider_unreachable', `The identity provider’s keys could not be fetched (${e.message}).`);
  }
  return refuse('oidc_invalid_token', 'The ID token is not a valid signed token.');
}

/**
 * The claims of `token` after every check but the nonce (the caller compares
 * it with the sign-in's). Errors: 401 oidc_expired, oidc_wrong_issuer,
 * oidc_wrong_audience, oidc_unknown_key, oidc_bad_signature, oidc_invalid_token.
 */
export async function verifyIdToken(token: string, expected: { issuer: string; clientId: string; keys: JWTVerifyGetKey }): Promise<IdTokenClaims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, expected.keys, {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_S,
      requiredClaims: ['sub', 'exp', 'iat'],
    }));
  } catch (e) {
    throw refusal(e, expected);
  }
  // Core §3.1.3.7 (4, 5): with several audiences, azp must name this client.
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== expected.clientId) {
    throw refuse('oidc_wrong_audience', `The ID token is not meant for the client ${expected.clientId}.`);
  }
  return payload as IdTokenClaims;
}
