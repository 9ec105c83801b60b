// The background's HTTP client for the sync server: the base URL and bearer
// token of the signed-in person, a timeout on every request, and the mapping
// of failures to what the sync loop does next — retry later with backoff
// (ServerUnreachable), or stop and ask to sign in again (TokenRefused).
// Bodies are read through a zod schema (lib/sync/api-responses.ts,
// lib/claims/api-responses.ts), never cast.
import type { z } from 'zod';

/** The network failed, the request timed out, or the server is busy or down (429, 5xx): try again later. */
export class ServerUnreachable extends Error {}

/** 401: the token was revoked or never valid; syncing stops until the person signs in again. */
export class TokenRefused extends Error {
  constructor() {
    super('The server no longer accepts this token; sign in again.');
  }
}

/** Where to send and as whom: the server's origin and the bearer token. */
export interface Endpoint {
  serverUrl: string;
  token: string;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SendOptions {
  /** sent as JSON */
  body?: unknown;
  headers?: Record<string, string>;
  /** default: the client's timeout */
  timeoutMs?: number;
}

export interface ServerClient {
  /** One request to `path` (e.g. "/v1/sync/pull?cursor=3") on the endpoint's server. Throws ServerUnreachable when no answer came. */
  send(to: Endpoint, method: Method, path: string, opts?: SendOptions): Promise<Response>;
}

/** `fetchImpl` is injected (tests count calls or cut the network); `timeoutMs` bounds each request (default 20 s). */
export function createServerClient(fetchImpl: typeof fetch, timeoutMs = 20_000): ServerClient {
  return {
    async send(to, method, path, opts = {}) {
      const json = opts.body !== undefined;
      try {
        return await fetchImpl(new URL(path, to.serverUrl).toString(), {
          method,
          headers: { authorization: `Bearer ${to.token}`, ...(json ? { 'content-type': 'application/json' } : {}), ...opts.headers },
          ...(json ? { body: JSON.stringify(opts.body) } : {}),
          signal: AbortSignal.timeout(opts.timeoutMs ?? timeoutMs),
        });
      } catch (e) {
        throw new ServerUnreachable(e instanceof Error ? e.message : String(e));
      }
    },
  };
}

/** For the sync loop: 401 throws TokenRefused; 429 and 5xx throw ServerUnreachable ("server answered 503"). */
export function failOnSyncError(res: Response): void {
  if (res.status === 401) throw new TokenRefused();
  if (res.status >= 500 || res.status === 429) throw new ServerUnreachable(`server answered ${res.status}`);
}

/** The body parsed with `schema`; null when it is not JSON or not that shape. */
export async function readAs<S extends z.ZodType>(res: Response, schema: S): Promise<z.output<S> | null> {
  const json: unknown = await res.json().catch(() => undefined);
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
