// The team's drafting model (issue 19 item 4): its settings (admins change
// them; everyone sees whether drafting is on and which model, managers and
// admins also the address) and POST /v1/drafts.
import { Hono } from 'hono';
import { draftingBodySchema, draftingView } from '@/lib/drafting/drafting-policy';
import { draftBodySchema } from '@/lib/drafting/draft-request';
import type { Db } from '../db/connect';
import { draftFor } from '../drafting/draft';
import { draftingPolicyFor, saveDraftingPolicy } from '../drafting/drafting-policy-store';
import { requireRole, type Env } from '../http/auth';
import { body } from '../http/validate';

export function draftingRoutes(db: Db) {
  const r = new Hono<Env>();
  r.get('/team/drafting', async (c) => {
    const caller = c.get('caller');
    const view = draftingView(await draftingPolicyFor(db, caller.teamId));
    const manages = caller.role === 'manager' || caller.role === 'admin';
    return c.json({ policy: manages ? view : { ...view, endpoint: '' } });
  });
  r.put('/team/drafting', async (c) => {
    const caller = c.get('caller');
    requireRole(caller, ['admin'], 'change the team’s drafting model');
    return c.json({ policy: draftingView(await saveDraftingPolicy(db, caller, await body(c, draftingBodySchema, 'drafting'))) }, 201);
  });
  r.post('/drafts', async (c) => c.json(await draftFor(db, c.get('caller'), await body(c, draftBodySchema))));
  return r;
}
