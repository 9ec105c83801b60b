// /v1/team: the manager's health figures for a period (JSON or CSV) and their
// weekly trends per rep and CSM, and the team's checklist template (read by
// all, changed and previewed by managers).
// The settings' GETs carry an ETag and answer 304 when unchanged (http/revalidate.ts).
import { Hono } from 'hono';
import { healthCsv } from '@/lib/engagement/team-health';
import { engagementBodySchema, healthQuerySchema, healthTrendsQuerySchema, templateBodySchema } from '@/lib/sync/api-schemas';
import type { Db } from '../db/connect';
import { readHealthTrends } from '../health/health-trends';
import { readTeamHealth } from '../health/team-health';
import type { Env } from '../http/auth';
import { revalidated } from '../http/revalidate';
import { body, invalidInput, query } from '../http/validate';
import { previewTemplate, saveTemplate, teamTemplate } from '../packets/team-template';
import { engagementPolicyFor, saveEngagementPolicy } from '../packets/team-engagement';
import { relayPolicyFor, saveRelayPolicy } from '../packets/team-relay';

export function teamRoutes(db: Db) {
  const r = new Hono<Env>();
  r.get('/team/health', async (c) => {
    const q = query(c, healthQuerySchema);
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000);
    if (from >= to) throw invalidInput([{ path: 'from', code: 'beforeTo' }], { where: 'query' });
    const result = await readTeamHealth(db, c.get('caller'), { from, to });
    if (q.format === 'csv') {
      c.header('Content-Disposition', `attachment; filename="baton-team-health-${result.period.from.slice(0, 10)}-${result.period.to.slice(0, 10)}.csv"`);
      return c.body(healthCsv(result.health, result.period), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    return c.json(result);
  });
  r.get('/team/health/trends', async (c) => c.json(await readHealthTrends(db, c.get('caller'), query(c, healthTrendsQuerySchema))));
  r.get('/team/template', revalidated, async (c) => c.json({ template: await teamTemplate(db, c.get('caller').teamId) }));
  r.put('/team/template', async (c) => c.json({ template: await saveTemplate(db, c.get('caller'), await body(c, templateBodySchema, 'template')) }, 201));
  r.post('/team/template/preview', async (c) => c.json(await previewTemplate(db, c.get('caller'), await body(c, templateBodySchema, 'template'))));
  r.get('/team/engagement', revalidated, async (c) => c.json({ policy: await engagementPolicyFor(db, c.get('caller').teamId) }));
  r.put('/team/engagement', async (c) => c.json({ policy: await saveEngagementPolicy(db, c.get('caller'), await body(c, engagementBodySchema, 'engagement')) }, 201));
  r.get('/team/relay', revalidated, async (c) => c.json({ policy: await relayPolicyFor(db, c.get('caller').teamId) }));
  r.put('/team/relay', async (c) => c.json({ policy: await saveRelayPolicy(db, c.get('caller'), await body(c, engagementBodySchema, 'relay')) }, 201));
  return r;
}
