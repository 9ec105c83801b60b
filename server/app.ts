// The HTTP app: /v1, JSON, every input validated, every error JSON.
import { Hono } from 'hono';
import type { Db } from './db/connect';
import { requireCaller, type Env } from './http/auth';
import { errorResponse } from './http/errors';
import { limitBody } from './http/body-limit';
import { requestLog } from './http/request-log';
import { defaultLogger, type Logger } from './log/logger';
import { httpMetrics } from './metrics/http-metrics';
import { watchOutbox } from './metrics/outbox-depth';
import type { Lifecycle } from './health/readiness';
import { healthRoutes } from './routes/health';
import { metricsRoute } from './routes/metrics';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { claimRoutes } from './routes/claims';
import { teamRoutes } from './routes/team';
import { openApiDocument } from './routes/openapi';
import { packetRoutes } from './routes/packets';
import { draftingRoutes } from './routes/drafting';
import { retrospectiveRoutes } from './routes/retrospectives';
import { reassignRoutes } from './routes/reassign';
import { signInAdminRoutes } from './routes/sign-in-admin';
import { webhookRoutes } from './routes/webhooks';

export interface AppOptions {
  maxBodyBytes?: number;
  requestsPerMinute?: number;
  /** JSON request logs (default: errors only, to stderr) */
  logger?: Logger;
  /** the bearer token GET /metrics asks for; without one /metrics is off on this app */
  metricsToken?: string | undefined;
  /** shared with the graceful shutdown: /v1/health/ready answers 503 once it stops */
  lifecycle?: Lifecycle;
}

export function createApp(db: Db, opts: AppOptions = {}) {
  const app = new Hono<Env>();
  app.onError(errorResponse);
  app.use('*', requestLog(opts.logger ?? defaultLogger()));
  app.use('*', httpMetrics());
  watchOutbox(db);
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}`, path: null } }, 404));
  // The extension calls from its own origin; no cookies are used, tokens travel in a header.
  app.use('*', async (c, next) => {
    await next();
    // On the answer's own headers: c.header() after the answer is made builds it
    // again as a full web Response (issue 14: a seventh of an empty request's CPU).
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    // The settings' ETags (http/revalidate.ts), for a client bound by CORS.
    c.res.headers.set('Access-Control-Expose-Headers', 'ETag');
  });
  app.options('*', (c) =>
    c.body(null, 204, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': 'authorization, content-type, if-none-match, x-request-id',
      'Access-Control-Max-Age': '600',
    }),
  );
  app.use('*', limitBody(opts.maxBodyBytes ?? 1024 * 1024));
  app.route('/v1', healthRoutes(db, opts.lifecycle ?? { stopping: false }));
  app.route('/', metricsRoute(opts.metricsToken));
  app.get('/v1/openapi.json', (c) => c.json(openApiDocument()));
  // Sign-in is how a person without a token gets one: before the token check.
  app.route('/v1', authRoutes(db));
  app.use('/v1/*', requireCaller(db, { perMinute: opts.requestsPerMinute ?? 1200 }));
  app.route('/v1', packetRoutes(db));
  app.route('/v1', adminRoutes(db));
  app.route('/v1', claimRoutes(db));
  app.route('/v1', teamRoutes(db));
  app.route('/v1', retrospectiveRoutes(db));
  app.route('/v1', webhookRoutes(db));
  app.route('/v1', signInAdminRoutes(db));
  app.route('/v1', draftingRoutes(db));
  app.route('/v1', reassignRoutes(db));
  return app;
}
