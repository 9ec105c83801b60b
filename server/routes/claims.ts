// /v1/claims: claim, list mine / my team's, look up a key, release, mark won,
// stage evidence, the extension, the policy, the pool, conflicts, aliases and
// a claim's history.
import { and, asc, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  aliasBodySchema,
  aliasListQuerySchema,
  createClaimBodySchema,
  listClaimsQuerySchema,
  listConflictsQuerySchema,
  listPoolQuerySchema,
  lookupQuerySchema,
  policyBodySchema,
  ruleConflictBodySchema,
} from '@/lib/claims/api-schemas';
import { addAlias, listAliases, removeAlias } from '../claims/aliases';
import { setPolicy } from '../claims/claim-changes';
import { claimHistory } from '../claims/claim-history';
import { createClaim, lookupKey } from '../claims/claims';
import { listConflicts, ruleConflict } from '../claims/conflicts';
import { policyAt } from '../claims/policy-store';
import { listPool } from '../claims/pool-list';
import type { Db } from '../db/connect';
import { claims } from '../db/schema';
import { requireRole, type Env } from '../http/auth';
import { revalidated } from '../http/revalidate';
import { body, param, query } from '../http/validate';
import { CLAIM_COMMANDS } from './claim-commands';

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function claimRoutes(db: Db) {
  const r = new Hono<Env>();
  r.post('/claims', async (c) => c.json(await createClaim(db, c.get('caller'), await body(c, createClaimBodySchema, 'claim')), 201));
  r.get('/claims/lookup', async (c) => c.json(await lookupKey(db, c.get('caller'), query(c, lookupQuerySchema))));
  r.get('/claims', async (c) => {
    const caller = c.get('caller');
    const q = query(c, listClaimsQuerySchema);
    if (q.scope === 'team') requireRole(caller, ['manager', 'admin'], "list the team's claims");
    const rows = await db
      .select()
      .from(claims)
      .where(
        and(
          eq(claims.teamId, caller.teamId),
          q.scope === 'mine' ? eq(claims.userId, caller.userId) : undefined,
          q.extension ? and(isNotNull(claims.extensionRequestedAt), isNull(claims.extensionApprovedAt), isNull(claims.extensionDeniedAt), isNull(claims.releasedAt), isNull(claims.wonAt)) : undefined,
          gt(claims.id, q.after),
        ),
      )
      .orderBy(asc(claims.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    return c.json({ claims: page, next: rows.length > q.limit ? page[page.length - 1]!.id : null, serverTime: new Date().toISOString() });
  });

  // POST /claims/:id/<command>, one per entry of the command table.
  for (const cmd of CLAIM_COMMANDS) {
    r.post(`/claims/:id/${cmd.path}`, async (c) => {
      const id = param(c, 'id', idParam);
      const b = await body(c, cmd.body);
      return c.json(await cmd.run(db, c.get('caller'), id, b), cmd.status);
    });
  }

  r.get('/claims/policy', revalidated, async (c) => c.json({ policy: await policyAt(db, c.get('caller').teamId, new Date()) }));
  r.put('/claims/policy', async (c) => c.json(await setPolicy(db, c.get('caller'), await body(c, policyBodySchema, 'claimPolicy')), 201));

  r.get('/claims/pool', async (c) => c.json(await listPool(db, c.get('caller'), query(c, listPoolQuerySchema))));
  r.post('/claims/pool', async (c) => c.json(await createClaim(db, c.get('caller'), await body(c, createClaimBodySchema, 'claim'), { fromPool: true }), 201));

  r.get('/claims/aliases', async (c) => c.json(await listAliases(db, c.get('caller'), query(c, aliasListQuerySchema))));
  r.post('/claims/aliases', async (c) => c.json(await addAlias(db, c.get('caller'), await body(c, aliasBodySchema)), 201));
  r.delete('/claims/aliases/:id', async (c) => c.json(await removeAlias(db, c.get('caller'), param(c, 'id', idParam))));
  r.get('/claims/:id/history', async (c) => c.json(await claimHistory(db, c.get('caller'), param(c, 'id', idParam))));

  r.get('/claims/conflicts', async (c) => c.json(await listConflicts(db, c.get('caller'), query(c, listConflictsQuerySchema))));
  r.post('/claims/conflicts/:id/rule', async (c) => {
    const id = param(c, 'id', idParam);
    return c.json(await ruleConflict(db, c.get('caller'), id, await body(c, ruleConflictBodySchema)));
  });
  return r;
}
