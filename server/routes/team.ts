// /v1/team/health: the manager's figures for a period, as JSON or CSV.
import { Hono } from 'hono';
import { healthCsv } from '@/lib/engagement/team-health';
import { healthQuerySchema } from '@/lib/sync/api-schemas';
import type { Db } from '../db/connect';
import { readTeamHealth } from '../health/team-health';
import type { Env } from '../http/auth';
import { ApiError } from '../http/errors';
import { query } from '../http/validate';

export function teamRoutes(db: Db) {
  const r = new Hono<Env>();
  r.get('/team/health', async (c) => {
    const q = query(c, healthQuerySchema);
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000);
    if (from >= to) throw new ApiError(400, 'invalid', 'query.from: must be before query.to', 'query.from');
    const result = await readTeamHealth(db, c.get('caller'), { from, to });
    if (q.format === 'csv') {
      c.header('Content-Disposition', `attachment; filename="baton-team-health-${result.period.from.slice(0, 10)}-${result.period.to.slice(0, 10)}.csv"`);
      return c.body(healthCsv(result.health, result.period), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    return c.json(result);
  });
  return r;
}
