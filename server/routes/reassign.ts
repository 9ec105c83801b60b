// /v1/users/:id/reassignment (managers and admins, within their team): move
// all of one person's customers, or preview what would move; /v1/me/handoffs:
// what was handed to me, and acknowledging it (server/reassign).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { reassignBodySchema } from '@/lib/reassign/api-schemas';
import type { Db } from '../db/connect';
import { requireRole, type Env } from '../http/auth';
import { body, param } from '../http/validate';
import { acknowledgeHandoff, myHandoffs } from '../reassign/handoffs';
import { previewReassignment, reassign } from '../reassign/reassign';

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The role check (403), then the :id parameter and the body (400 with the field path). */
async function reassignment(c: Context<Env>) {
  const caller = c.get('caller');
  requireRole(caller, ['manager', 'admin'], 'reassign customers');
  return { caller, id: param(c, 'id', idParam), input: await body(c, reassignBodySchema, 'reassign') };
}

export function reassignRoutes(db: Db) {
  const r = new Hono<Env>();
  r.post('/users/:id/reassignment/preview', async (c) => {
    const { caller, id, input } = await reassignment(c);
    return c.json(await previewReassignment(db, caller, id, input));
  });
  r.post('/users/:id/reassignment', async (c) => {
    const { caller, id, input } = await reassignment(c);
    return c.json(await reassign(db, caller, id, input), 201);
  });
  r.get('/me/handoffs', async (c) => c.json({ handoffs: await myHandoffs(db, c.get('caller')) }));
  r.post('/me/handoffs/:id/ack', async (c) => {
    const id = param(c, 'id', idParam);
    await acknowledgeHandoff(db, c.get('caller'), id);
    return c.json({ acknowledged: id });
  });
  return r;
}
