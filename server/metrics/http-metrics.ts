// Request counts and latency by route pattern (never the raw path: deal keys
// and customer names would make a series per record). A counter increment and
// a histogram observation: microseconds, on every request.
import type { MiddlewareHandler } from 'hono';
import { routeLabel } from '../http/route-label';
import { httpDuration, httpRequests } from './series';

export function httpMetrics(): MiddlewareHandler {
  return async (c, next) => {
    const t0 = performance.now();
    await next();
    const route = routeLabel(c);
    httpRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
    httpDuration.observe({ method: c.req.method, route }, (performance.now() - t0) / 1000);
  };
}
