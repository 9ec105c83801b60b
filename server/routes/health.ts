// The health endpoints, open (no token), for a load balancer, systemd or an
// orchestrator: /v1/health and /v1/health/live say the process answers;
// /v1/health/ready says it may take traffic (health/readiness.ts), else 503.
import { Hono } from 'hono';
import type { Db } from '../db/connect';
import { readiness, type Lifecycle } from '../health/readiness';

export function healthRoutes(db: Db, lifecycle: Lifecycle) {
  const r = new Hono();
  r.get('/health', (c) => c.json({ ok: true }));
  r.get('/health/live', (c) => c.json({ ok: true }));
  r.get('/health/ready', async (c) => {
    const state = await readiness(db, lifecycle);
    if (state.ready) return c.json({ ready: true });
    c.header('Retry-After', '5');
    return c.json({ ready: false, error: { code: 'not_ready', reason: state.reason, message: state.message, path: null } }, 503);
  });
  return r;
}
