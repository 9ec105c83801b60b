// Request and answer bodies of sign-in (server/routes/auth.ts): OpenID Connect
// start and finish, the one-time code, invites. One schema per shape; the
// extension parses the server's answers with the same schemas.
import { z } from 'zod';
import { ROLES } from '@/lib/packet/edit-rights';
import { channelSchema, departmentSchema } from '@/lib/sync/api-schemas';

/**
 * An email address, trimmed and lower-case: how Baton names a person at sign-in.
 * ASCII only, checked before lower-casing: toLowerCase folds look-alikes such as
 * U+212A KELVIN SIGN into "k", which would let another account's address match.
 */
export const emailSchema = z.string().trim().regex(/^[\x21-\x7e]+$/, 'an email address in ASCII').toLowerCase().pipe(z.email().max(320));

/** The team: its number, or its name (any case) as IT's managed `team` may give it. */
export const teamRefSchema = z.union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.string().trim().min(1).max(200)]);

export const oidcStartBodySchema = z.strictObject({ team: teamRefSchema });

/** What the browser needs to send the person to the identity provider. */
export const oidcStartAnswerSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  authorizationEndpoint: z.url(),
  clientId: z.string(),
  scope: z.string(),
});
export type OidcStart = z.infer<typeof oidcStartAnswerSchema>;

const stateSchema = z.string().min(16).max(200);

/**
 * Finishing: the authorization code with its PKCE verifier and the redirect
 * URI it was issued for (the server exchanges it at the provider), or an ID
 * token the client obtained itself. Either way the token must repeat the nonce
 * of `state`.
 */
export const oidcFinishBodySchema = z.union([
  z.strictObject({
    state: stateSchema,
    code: z.string().min(1).max(4096),
    codeVerifier: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/, 'an RFC 7636 code verifier'),
    redirectUri: z.url().max(2000),
  }),
  z.strictObject({ state: stateSchema, idToken: z.string().min(1).max(16_384) }),
]);
export type OidcFinishBody = z.infer<typeof oidcFinishBodySchema>;

/** A one-time code as typed: case, spaces and dashes do not matter. */
export const signInCodeSchema = z
  .string()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9A-Z]{10}$/, 'ten letters and digits'));

export const codeSignInBodySchema = z.strictObject({ email: emailSchema, code: signInCodeSchema });

/** Every successful sign-in: Baton's own token (shown once), who and which team. */
export const signedInAnswerSchema = z.object({
  token: z.string(),
  user: z.object({ id: z.number(), name: z.string(), role: z.enum(ROLES) }),
  team: z.object({ id: z.number(), name: z.string() }),
});
export type SignedIn = z.infer<typeof signedInAnswerSchema>;

export const inviteBodySchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  channel: channelSchema.optional(),
  department: departmentSchema.optional(),
});

/** A new one-time code for someone: shown once to whoever asked for it, to pass on. */
export const signInCodeAnswerSchema = z.object({
  user: z.object({ id: z.number(), name: z.string(), email: z.string(), role: z.enum(ROLES) }),
  code: z.string(),
  expiresAt: z.string(),
});
