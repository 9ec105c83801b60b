// /v1/claims: claim, list mine / my team's, look up a key, release, mark won.
import { and, asc, eq, gt } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { createClaimBodySchema, listClaimsQuerySchema, lookupQuerySchema, policyBodySchema, stageBodySchema } from '@/lib/claims/api-schemas';
import { addStage, decideExtension, requestExtension, setPolicy } from '../claims/claim-changes';
import { policyFor } from '../claims/claims';
import type { Db } from '../db/connect';
import { claims } from '../db/schema';
import { requireRole, type Env } from '../http/auth';
import { body, param, query } from '../http/validate';
import { emptyBodySchema } from '@/lib/sync/api-schemas';
import { createClaim, lookupKey, releaseClaim } from '../claims/claims';

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function claimRoutes(db: Db) {
  const r = new Hono<Env>();
  r.post('/claims', async (c) => c.json(await createClaim(db, c.get('caller'), await body(c, createClaimBodySchema)), 201));
  r.get('/claims/lookup', async (c) => c.json(await lookupKey(db, c.get('caller'), query(c, lookupQuerySchema))));
  r.get('/claims', async (c) => {
    const caller = c.get('caller');
    const q = query(c, listClaimsQuerySchema);
    if (q.scope === 'team') requireRole(caller, ['manager', 'admin'], "list the team's claims");
    const rows = await db
      .select()
      .from(claims)
      .where(and(eq(claims.teamId, caller.teamId), q.scope === 'mine' ? eq(claims.userId, caller.userId) : undefined, gt(claims.id, q.after)))
      .orderBy(asc(claims.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    return c.json({ claims: page, next: rows.length > q.limit ? page[page.length - 1]!.id : null, serverTime: new Date().toISOString() });
  });
  r.post('/claims/:id/release', async (c) => {
    const id = param(c, 'id', idParam);
    await body(c, emptyBodySchema);
    return c.json(await releaseClaim(db, c.get('caller'), id, 'release'));
  });
  r.post('/claims/:id/won', async (c) => {
    const id = param(c, 'id', idParam);
    await body(c, emptyBodySchema);
    return c.json(await releaseClaim(db, c.get('caller'), id, 'won'));
  });
  r.post('/claims/:id/stages', async (c) => {
    const id = param(c, 'id', idParam);
    const b = await body(c, stageBodySchema);
    return c.json(await addStage(db, c.get('caller'), id, b.stage, b.evidence));
  });
  r.post('/claims/:id/extension', async (c) => {
    const id = param(c, 'id', idParam);
    await body(c, emptyBodySchema);
    return c.json(await requestExtension(db, c.get('caller'), id));
  });
  r.post('/claims/:id/extension/approve', async (c) => {
    const id = param(c, 'id', idParam);
    await body(c, emptyBodySchema);
    return c.json(await decideExtension(db, c.get('caller'), id, true));
  });
  r.post('/claims/:id/extension/deny', async (c) => {
    const id = param(c, 'id', idParam);
    await body(c, emptyBodySchema);
    return c.json(await decideExtension(db, c.get('caller'), id, false));
  });
  r.get('/claims/policy', async (c) => c.json({ policy: await policyFor(db, c.get('caller').teamId, new Date()) }));
  r.put('/claims/policy', async (c) => c.json(await setPolicy(db, c.get('caller'), await body(c, policyBodySchema)), 201));
  return r;
}
