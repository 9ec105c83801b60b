// Every error leaves as JSON {error: {code, message, path}}: 4xx for the
// caller's mistakes, 503 when the database is away, 500 only for a bug.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly path: string | null = null,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'not found') => new ApiError(404, 'not_found', what);
export const forbidden = (why: string) => new ApiError(403, 'forbidden', why);

const DB_DOWN = /ECONNREFUSED|ECONNRESET|terminating connection|Connection terminated|the database system is (starting up|shutting down)|timeout exceeded when trying to connect|not queryable|Client was closed/i;
// SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, crash, cannot connect now) and
// 25006 (a write reached a read-only server: a standby, mid-failover).
const DB_DOWN_CODE = /^(08\w{3}|57P0[123]|25006)$/;

function databaseAway(err: unknown): boolean {
  for (let x: unknown = err; x; x = (x as { cause?: unknown }).cause) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && DB_DOWN_CODE.test(code)) return true;
    if (x instanceof Error && DB_DOWN.test(x.message)) return true;
  }
  return false;
}

export function errorResponse(err: unknown, c: Context) {
  if (err instanceof ApiError) {
    return c.json({ error: { code: err.code, message: err.message, path: err.path, ...err.extra } }, err.status);
  }
  if (databaseAway(err) || DB_DOWN.test(String(err))) {
    c.header('Retry-After', '5');
    return c.json({ error: { code: 'unavailable', message: 'The database is not reachable; retry shortly.', path: null } }, 503);
  }
  // Logged by http/request-log.ts, without the message (it may quote SQL parameters: names, phones).
  return c.json({ error: { code: 'internal', message: 'Internal error', path: null } }, 500);
}
