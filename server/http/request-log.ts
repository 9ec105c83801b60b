// Every request gets an id: the caller's X-Request-Id when it is a plain token
// (a proxy's or the extension's), else a new UUID; it is answered in
// X-Request-Id and carried by the request's log line, so one request can be
// followed through a reverse proxy and the server. The line holds the route
// pattern (/v1/packets/:key), never the path or query, which carry deal keys,
// customer names and phone numbers.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log/logger';
import { ApiError } from './errors';
import { routeLabel } from './route-label';

const GIVEN_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** What of an unexpected error may be logged: its kind, SQLSTATE and stack frames — not its message, which may quote SQL parameters. */
function errorShape(err: Error): Record<string, unknown> {
  const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 12).map((l) => l.trim());
  const code = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  return { type: err.name, ...(typeof code === 'string' ? { code } : {}), frames };
}

export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const reqId = given && GIVEN_ID.test(given) ? given : randomUUID();
    const t0 = performance.now();
    await next();
    c.res.headers.set('X-Request-Id', reqId); // not c.header(): see app.ts
    const status = c.res.status;
    const line = { reqId, method: c.req.method, route: routeLabel(c), status, ms: Math.round((performance.now() - t0) * 10) / 10 };
    // A 5xx the server chose (a team's model unreachable, the database away) is a warning with its code; only a bug gets stack frames.
    if (status >= 500 && c.error instanceof ApiError) logger.warn({ ...line, code: c.error.code }, 'request not served');
    else if (status >= 500 && c.error) logger.error({ ...line, err: errorShape(c.error) }, 'request failed');
    else logger.info(line, 'request');
  };
}
