// Bearer token → caller (user, team, role), then the per-token rate limit.
// The caller is read from the database and kept for a moment
// (server/auth/caller-cache.ts: a token revoked through another server process
// may still work here for up to 2 s); the rate count is shared by every server
// process through the database (./rate-count.ts).
import { sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { callerCacheOf } from '../auth/caller-cache';
import { hashToken, type Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { ApiError } from './errors';
import { rateCounterOf } from './rate-count';

export type Env = { Variables: { caller: Caller } };

type CallerRow = { user_id: number | string; team_id: number | string; role: Caller['role']; channel: string | null; department: string | null; name: string; token_id: number | string };

async function readCaller(db: Db, hash: string): Promise<Caller | null> {
  const res = (await db.execute(sql`
    SELECT u.id AS user_id, u.team_id, u.role, u.channel, u.department, u.name, t.id AS token_id
    FROM tokens t JOIN users u ON u.id = t.user_id
    WHERE t.hash = ${hash} AND t.revoked_at IS NULL AND u.deactivated_at IS NULL LIMIT 1`)) as unknown as { rows: CallerRow[] };
  const row = res.rows[0];
  return row ? { userId: Number(row.user_id), teamId: Number(row.team_id), role: row.role, channel: row.channel, department: row.department, name: row.name, tokenId: Number(row.token_id) } : null;
}

export function requireCaller(db: Db, opts: { perMinute: number }): MiddlewareHandler<Env> {
  const callers = callerCacheOf(db);
  const rates = rateCounterOf(db);
  return async (c, next) => {
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (!m?.[1]) throw new ApiError(401, 'unauthenticated', 'Send Authorization: Bearer <token>.');
    const hash = hashToken(m[1]);
    let caller = callers.get(hash);
    if (!caller) {
      const readAt = Date.now();
      caller = await readCaller(db, hash);
      if (!caller) throw new ApiError(401, 'unauthenticated', 'Unknown or revoked token.');
      callers.set(hash, caller, readAt);
    }
    const { count, retryAfter } = rates.count(caller.tokenId);
    if (count > opts.perMinute) {
      c.header('Retry-After', String(retryAfter));
      throw new ApiError(429, 'rate_limited', `More than ${opts.perMinute} requests a minute; retry in ${retryAfter} s.`);
    }
    c.set('caller', caller);
    await next();
  };
}

export function requireRole(caller: Caller, roles: Caller['role'][], what: string): void {
  if (!roles.includes(caller.role)) throw new ApiError(403, 'forbidden', `Only ${roles.join(', ')} may ${what}.`, null, { allowed: roles });
}
