// An OpenID Connect provider as the server sees it: its discovery document
// (endpoints) and its signing keys. Both are fetched from the provider and
// kept for a while; the key set is jose's remote JWKS, which fetches again
// when a token names a key id it does not hold (the provider rotated keys).
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { isProviderAddress } from '@/lib/auth/sign-in-policy';
import { ApiError } from '../http/errors';

// The endpoints follow the issuer's rule (https, or http on this machine):
// a discovery document cannot point the server at plain-http hosts.
const endpoint = z.url().refine(isProviderAddress);
const discoverySchema = z.looseObject({
  issuer: z.string(),
  authorization_endpoint: endpoint,
  token_endpoint: endpoint,
  jwks_uri: endpoint,
});

export interface ProviderMeta {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  keys: JWTVerifyGetKey;
}

/** How long a discovery document is kept, ms. */
const KEEP_MS = 10 * 60_000;
const known = new Map<string, { at: number; meta: Promise<ProviderMeta> }>();

const unreachable = (issuer: string, why: string) =>
  new ApiError(502, 'identity_provider_unreachable', `The identity provider ${issuer} could not be used: ${why}.`);

async function discover(issuer: string): Promise<ProviderMeta> {
  let body: unknown;
  try {
    const res = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000), redirect: 'error' });
    if (!res.ok) throw new Error(`discovery answered ${res.status}`);
    body = await res.json();
  } catch (e) {
    throw unreachable(issuer, e instanceof Error ? e.message : String(e));
  }
  const doc = discoverySchema.safeParse(body);
  if (!doc.success) throw unreachable(issuer, 'its discovery document lacks endpoints, or names one that is not https');
  // OpenID Connect Discovery §4.3: the document must name the issuer it was fetched for.
  if (doc.data.issuer.replace(/\/$/, '') !== issuer) throw unreachable(issuer, `its discovery document names another issuer (${doc.data.issuer})`);
  return {
    issuer: doc.data.issuer,
    authorizationEndpoint: doc.data.authorization_endpoint,
    tokenEndpoint: doc.data.token_endpoint,
    keys: createRemoteJWKSet(new URL(doc.data.jwks_uri), { timeoutDuration: 10_000 }),
  };
}

/** The provider of `issuer` (no trailing slash); errors: 502 identity_provider_unreachable. */
export function providerMeta(issuer: string): Promise<ProviderMeta> {
  const hit = known.get(issuer);
  if (hit && Date.now() - hit.at < KEEP_MS) return hit.meta;
  const meta = discover(issuer);
  known.set(issuer, { at: Date.now(), meta });
  // A failed look-up is not kept: the next sign-in asks again.
  meta.catch(() => known.get(issuer)?.meta === meta && known.delete(issuer));
  return meta;
}
