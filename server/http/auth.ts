// Bearer token → caller (user, team, role), checked on every request: a revoked
// token fails at once because nothing is cached. Then the per-token rate limit,
// counted in the database so every server process shares it.
import { sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { hashToken, type Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { ApiError } from './errors';

export type Env = { Variables: { caller: Caller } };

type CallerRow = { user_id: number | string; team_id: number | string; role: Caller['role']; channel: string | null; department: string | null; name: string; token_id: number | string; count: number; retry: number };

export function requireCaller(db: Db, opts: { perMinute: number }): MiddlewareHandler<Env> {
  return async (c, next) => {
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (!m?.[1]) throw new ApiError(401, 'unauthenticated', 'Send Authorization: Bearer <token>.');
    // The caller and this minute's count in one round trip (every request pays it).
    const res = (await db.execute(sql`
      WITH who AS (
        SELECT u.id AS user_id, u.team_id, u.role, u.channel, u.department, u.name, t.id AS token_id
        FROM tokens t JOIN users u ON u.id = t.user_id
        WHERE t.hash = ${hashToken(m[1])} AND t.revoked_at IS NULL LIMIT 1),
      counted AS (
        INSERT INTO rate_limits (token_id, window_start, count)
        SELECT token_id, date_trunc('minute', now()), 1 FROM who
        ON CONFLICT (token_id, window_start) DO UPDATE SET count = rate_limits.count + 1
        RETURNING count, extract(epoch from (date_trunc('minute', now()) + interval '1 minute' - now()))::int + 1 AS retry)
      SELECT who.*, counted.count, counted.retry FROM who, counted`)) as unknown as { rows: CallerRow[] };
    const row = res.rows[0];
    if (!row) throw new ApiError(401, 'unauthenticated', 'Unknown or revoked token.');
    const caller: Caller = { userId: Number(row.user_id), teamId: Number(row.team_id), role: row.role, channel: row.channel, department: row.department, name: row.name, tokenId: Number(row.token_id) };
    if (row.count > opts.perMinute) {
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
