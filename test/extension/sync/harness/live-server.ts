// The real Baton server for the sync parts' unit tests: in this process, on
// PGlite in memory, over real HTTP on a free port of 127.0.0.1, with a seeded
// team (one user of each role). The parts get the global fetch, or a wrapper
// of it that counts requests and bytes or cuts the network.
import { afterAll, beforeAll } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppOptions } from '@/server/app';
import { openDatabase, type Database } from '@/server/db/connect';
import { migrate } from '@/server/db/migrate';
import type { SyncAuth } from '@/extension/db/sync-auth';
import { seedTeam, type Seeded, type Who } from '../../../server/harness/seed';
import { SERVE_OPTIONS } from '../../../../server/http/serve-options';

export interface LiveServer {
  url: string;
  database: Database;
  team: Seeded;
  /** the signed-in state of `who` on this server, as auth.ts keeps it */
  auth(who: Who): SyncAuth;
  /** a call with `who`'s token, the JSON answer */
  call(who: Who, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
}

/** Starts the server before the file's tests and closes it after. */
export function liveServer(opts: AppOptions = { requestsPerMinute: 100_000 }): LiveServer {
  const live = {} as LiveServer;
  let server: ServerType | null = null;
  beforeAll(async () => {
    live.database = await openDatabase({ dataDir: 'memory://' });
    await migrate(live.database);
    live.team = await seedTeam(live.database, 'A');
    const app = createApp(live.database.db, opts);
    const port = await new Promise<number>((ok) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', ...SERVE_OPTIONS }, (info) => ok(info.port));
    });
    live.url = `http://127.0.0.1:${port}`;
    live.auth = (who) => ({
      serverUrl: live.url,
      token: live.team.tokens[who],
      user: { id: live.team.userIds[who], name: `A ${who}`, role: who === 'rep2' ? 'rep' : who, channel: null },
      team: { id: live.team.teamId, name: 'A' },
    });
    live.call = async (who, method, path, body) => {
      const res = await fetch(new URL(path, live.url), {
        method,
        headers: { authorization: `Bearer ${live.team.tokens[who]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    };
    // PGlite starting and migrating takes seconds on a busy machine.
  }, 120_000);
  afterAll(async () => {
    const s = server as unknown as { close(cb: () => void): void; closeAllConnections?: () => void } | null;
    s?.closeAllConnections?.();
    await new Promise<void>((ok) => (s ? s.close(() => ok()) : ok()));
    await live.database?.close();
  });
  return live;
}

/** The global fetch, counting requests and the bytes of the bodies received. */
export function countingFetch() {
  const counts = { requests: 0, bytes: 0, statuses: [] as number[] };
  const fetchImpl: typeof fetch = async (input, init) => {
    counts.requests++;
    const res = await fetch(input, init);
    counts.statuses.push(res.status);
    counts.bytes += (await res.clone().arrayBuffer()).byteLength;
    return res;
  };
  return { fetch: fetchImpl, counts };
}

/** The global fetch while `up()`; otherwise the network fails as a real one does (a TypeError, no answer). */
export function switchableFetch() {
  let online = true;
  const fetchImpl: typeof fetch = (input, init) => (online ? fetch(input, init) : Promise.reject(new TypeError('fetch failed')));
  return { fetch: fetchImpl, up: () => void (online = true), down: () => void (online = false) };
}
