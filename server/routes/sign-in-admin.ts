// The team's side of sign-in: its policy (identity provider, who may sign in;
// read by managers, changed by admins) and invites with one-time codes.
import { Hono } from 'hono';
import { z } from 'zod';
import { inviteBodySchema } from '@/lib/auth/api-schemas';
import { signInPolicySchema } from '@/lib/auth/sign-in-policy';
import type { Db } from '../db/connect';
import { invite, reissueCode } from '../auth/sign-in-codes';
import { saveSignInPolicy, signInPolicyFor } from '../auth/sign-in-policy-store';
import { requireRole, type Env } from '../http/auth';
import { body, param } from '../http/validate';

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function signInAdminRoutes(db: Db) {
  const r = new Hono<Env>();
  r.get('/team/sign-in', async (c) => {
    const caller = c.get('caller');
    requireRole(caller, ['admin', 'manager'], 'see how people sign in');
    return c.json({ team: caller.teamId, policy: await signInPolicyFor(db, caller.teamId) });
  });
  r.put('/team/sign-in', async (c) => {
    const caller = c.get('caller');
    requireRole(caller, ['admin'], 'change how people sign in');
    return c.json({ team: caller.teamId, policy: await saveSignInPolicy(db, caller, await body(c, signInPolicySchema, 'signInPolicy')) }, 201);
  });
  r.post('/invites', async (c) => c.json(await invite(db, c.get('caller'), await body(c, inviteBodySchema, 'invite')), 201));
  r.post('/users/:id/sign-in-code', async (c) => c.json(await reissueCode(db, c.get('caller'), param(c, 'id', idParam)), 201));
  return r;
}
