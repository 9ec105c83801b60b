// GET /metrics, Prometheus' text format. On the API port it asks for the
// metrics token (BATON_METRICS_TOKEN) and is off without one; on the metrics
// port (BATON_METRICS_PORT, metrics/serve-metrics.ts) it is served without a
// token, for a scraper on a private network.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { register } from '../metrics/series';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** `token`: the bearer token to ask for; null serves without one; undefined turns the route off (404). */
export function metricsRoute(token: string | null | undefined, metrics: () => Promise<string> = () => register.metrics()) {
  const r = new Hono();
  const want = token ? digest(token) : null;
  r.get('/metrics', async (c) => {
    if (token === undefined) return c.json({ error: { code: 'not_found', message: 'Metrics are off on this port: set BATON_METRICS_TOKEN (or BATON_METRICS_PORT).', path: null } }, 404);
    if (want) {
      const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
      if (!m?.[1] || !timingSafeEqual(digest(m[1]), want)) return c.json({ error: { code: 'unauthenticated', message: 'Send Authorization: Bearer <metrics token>.', path: null } }, 401);
    }
    return c.body(await metrics(), 200, { 'content-type': register.contentType });
  });
  return r;
}
