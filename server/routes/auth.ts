// /v1/auth: signing in without a token — with the company account (OpenID
// Connect, server/auth/oidc-sign-in.ts) or with a one-time code
// (server/auth/sign-in-codes.ts). Served before the bearer-token check.
import { Hono } from 'hono';
import { codeSignInBodySchema, oidcFinishBodySchema, oidcStartBodySchema } from '@/lib/auth/api-schemas';
import type { Db } from '../db/connect';
import { finishOidc, startOidc } from '../auth/oidc-sign-in';
import { signInWithCode } from '../auth/sign-in-codes';
import { body } from '../http/validate';

export function authRoutes(db: Db) {
  const r = new Hono();
  r.post('/auth/oidc/start', async (c) => c.json(await startOidc(db, (await body(c, oidcStartBodySchema, 'signIn')).team)));
  r.post('/auth/oidc', async (c) => c.json(await finishOidc(db, await body(c, oidcFinishBodySchema)), 201));
  r.post('/auth/code', async (c) => c.json(await signInWithCode(db, await body(c, codeSignInBodySchema, 'signIn')), 201));
  return r;
}
