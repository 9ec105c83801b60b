// A body over the limit always gets a clean 413, whether its size is declared
// (Content-Length) or only found while reading (chunked), and however slowly
// it arrives: never a connection reset that loses the answer. Real server
// process (server/cli.ts serve), real sockets, uploads that take longer than
// the server takes to answer.
import http from 'node:http';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/server/db/connect';
import { freePort } from '../../free-port';
import { freshDatabase } from '../harness/backends';
import { seedTeam, type Seeded } from '../harness/seed';
import { slowUpload } from '../harness/slow-upload';
import { spawnServer } from '../harness/spawn-server';

const MB = 1024 * 1024;

describe('oversized request bodies', () => {
  let database: Database & { url?: string };
  let team: Seeded;
  let server: ChildProcess;
  let port: number;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    team = await seedTeam(database, 'Big bodies');
    port = await freePort();
    server = await spawnServer(database.url!, port, { BATON_RATE_LIMIT: '100000' });
  });
  afterAll(async () => {
    server?.kill('SIGTERM');
    await database?.close();
  });

  it('slow uploads over the limit, declared and chunked, side by side: each gets 413 too_large, none a reset', async () => {
    const uploads = Array.from({ length: 16 }, (_, i) => slowUpload(port, team.tokens.rep, 3 * MB, i % 2 === 0, 25));
    const answers = await Promise.all(uploads);
    for (const a of answers) {
      expect(a.error).toBeUndefined();
      expect(a.status).toBe(413);
      expect(JSON.parse(a.body!).error.code).toBe('too_large');
    }
  }, 120_000);

  it('the same connection still answers after a refused body was drained', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<number>((ok, fail) => {
        http.get({ host: '127.0.0.1', port, path: '/v1/health', agent }, (res) => (res.resume(), res.on('end', () => ok(res.statusCode!)))).on('error', fail);
      });
    const big = await new Promise<number>((ok, fail) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/sync/push', agent, headers: { 'content-type': 'application/json', 'content-length': 2 * MB } }, (res) => (res.resume(), res.on('end', () => ok(res.statusCode!))));
      req.on('error', fail);
      req.end(Buffer.alloc(2 * MB, 0x20));
    });
    expect(big).toBe(413);
    expect(await get()).toBe(200);
    agent.destroy();
  }, 60_000);
});
