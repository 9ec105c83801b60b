// Several server processes on one machine (server/processes.ts): two workers
// share the port and serve as one; after the primary is killed, a new server
// gets the port back and serves what the workers wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/server/db/connect';
import { freePort } from '../../free-port';
import { freshDatabase } from '../harness/backends';
import { hlc, seedTeam, type Seeded } from '../harness/seed';
import { spawnServer } from '../harness/spawn-server';

describe('serve --workers 2 (PostgreSQL)', () => {
  let database: Database & { url?: string };
  let team: Seeded;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    team = await seedTeam(database, 'Workers');
  });
  afterAll(() => database?.close());

  it('two workers answer on one port; after the primary is killed a new server gets the port and serves what the workers wrote', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await spawnServer(database.url!, port, { BATON_WORKERS: '2' });
    const headers = { authorization: `Bearer ${team.tokens.rep}`, 'content-type': 'application/json' };
    const pushes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${base}/v1/sync/push`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ clientId: 'workers-client', mutations: [{ id: `w-${i}`, packetKey: `hubspot:workers:${i % 4}`, op: { kind: 'add', list: 'followUps', item: { id: `f${i}`, summary: `call ${i}` } }, hlc: hlc('w') }] }),
        }).then((r) => r.status),
      ),
    );
    expect(pushes).toEqual(Array(20).fill(200));
    first.kill('SIGKILL');
    await new Promise<void>((done) => first.once('exit', () => done()));
    // The workers go with their primary: a new server binds the same port and serves what they wrote.
    let second: Awaited<ReturnType<typeof spawnServer>> | null = null;
    for (let tries = 0; !second && tries < 50; tries++) second = await spawnServer(database.url!, port).catch(() => new Promise<null>((r) => setTimeout(() => r(null), 200)));
    try {
      const pulled = (await (await fetch(`${base}/v1/sync/pull?cursor=0`, { headers })).json()) as { packets: { followUps: unknown[] }[] };
      expect(pulled.packets.flatMap((p) => p.followUps)).toHaveLength(20);
    } finally {
      second?.kill('SIGTERM');
    }
  }, 120_000);
});
