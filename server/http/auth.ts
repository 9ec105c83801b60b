// Bearer token → caller (user, team, role), checked on every request: a revoked
// token fails at once because nothing is cached. Then the per-token rate limit,
// counted in the database so every server process shares it.
import { sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { callerForToken, type Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { ApiError } from './errors';

export type Env = { Variables: { caller: Caller } };

export function requireCaller(db: Db, opts: { perMinute: number }): MiddlewareHandler<Env> {
  return async (c, next) => {
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (!m?.[1]) throw new ApiError(401, 'unauthenticated', 'Send Authorization: Bearer <token>.');
    const caller = await callerForToken(db, m[1]);
    if (!caller) throw new ApiError(401, 'unauthenticated', 'Unknown or revoked token.');
    const res = (await db.execute(sql`
      INSERT INTO rate_limits (token_id, window_start, count)
      VALUES (${caller.tokenId}, date_trunc('minute', now()), 1)
      ON CONFLICT (token_id, window_start) DO UPDATE SET count = rate_limits.count + 1
      RETURNING count, extract(epoch from (date_trunc('minute', now()) + interval '1 minute' - now()))::int + 1 AS retry`)) as unknown as {
      rows: { count: number; retry: number }[];
    };
    const row = res.rows[0];
    if (row && row.count > opts.perMinute) {
      c.header('Retry-After', String(row.retry));
      throw new ApiError(429, 'rate_limited', `More than ${opts.perMinute} requests a minute; retry in ${row.retry} s.`);
    }
    c.set('caller', caller);
    await next();
  };
}

export function requireRole(caller: Caller, roles: Caller['role'][], what: string): void {
  if (!roles.includes(caller.role)) throw new ApiError(403, 'forbidden', `Only ${roles.join(', ')} may ${what}.`, null, { allowed: roles });
}
