// A team's sign-in policy (issue 15, item 2), stored by the server in
// team_sign_in and edited by admins on the options page. Who may sign in:
// `invited` — only people the team already has (an admin invited them by
// email address); `domains` — also anyone whose verified company email is in
// one of `domains`, created on first sign-in with `defaultRole`. The identity
// provider, when the team has one, is an OpenID Connect issuer and the client
// id Baton is registered under there (a public client using PKCE).
import { z } from 'zod';

/** "acme.com", lower-case, no scheme, no "@". */
export const emailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain like acme.com');

/**
 * Whether the server may call this provider address: https, or http on a
 * loopback host (a provider run for tests or on the same machine). Applies to
 * the issuer and to every endpoint its discovery document names, so neither
 * can send the server over plain http to another host.
 */
export function isProviderAddress(u: string): boolean {
  const url = new URL(u);
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
}

/** An issuer URL: https, or http on a loopback host. */
export const issuerSchema = z
  .url()
  .max(500)
  .refine(isProviderAddress, 'https (http only on this machine)')
  .transform((u) => u.replace(/\/$/, ''));

export const identityProviderSchema = z.strictObject({
  issuer: issuerSchema,
  clientId: z.string().trim().min(1).max(300),
});

/** Roles a person created on first sign-in may get: never manager or admin (an admin promotes). */
export const JIT_ROLES = ['rep', 'csm'] as const;

export const signInPolicySchema = z.strictObject({
  provider: identityProviderSchema.nullable().default(null),
  access: z.enum(['invited', 'domains']).default('invited'),
  domains: z.array(emailDomainSchema).max(50).default([]),
  defaultRole: z.enum(JIT_ROLES).default('rep'),
});
export type SignInPolicy = z.output<typeof signInPolicySchema>;

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = { provider: null, access: 'invited', domains: [], defaultRole: 'rep' };

/** The domain of an email address, lower-case ("" when it has none). */
export const emailDomain = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** May a person with this verified address be created on first sign-in? */
export function mayCreateOnSignIn(policy: SignInPolicy, email: string): boolean {
  return policy.access === 'domains' && policy.domains.includes(emailDomain(email));
}
