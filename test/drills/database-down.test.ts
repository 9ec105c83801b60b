// Drill: PostgreSQL is stopped under load (30 s with `npm run drills`, a few
// seconds inside `npm test`) while reps keep pushing edits and looking up
// customers. The server must answer 503 with Retry-After (never 500, never
// hang), carry on by itself once the database is back, and lose nothing it
// acknowledged.
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@/server/app';
import { openDatabase, type Database } from '@/server/db/connect';
import { migrate } from '@/server/db/migrate';
import { freePort } from '../free-port';
import { startCluster, type Cluster } from '../server/harness/postgres-cluster';
import { hlc, seedTeam, type Seeded } from '../server/harness/seed';
import { SERVE_OPTIONS } from '../../server/http/serve-options';

const OUTAGE_S = Number(process.env.DRILL_OUTAGE_SECONDS ?? 4);
const CLIENTS = 20;

describe(`PostgreSQL down for ${OUTAGE_S} s under load`, () => {
  let cluster: Cluster;
  let database: Database;
  let team: Seeded;
  beforeAll(async () => {
    cluster = await startCluster();
    cluster.createDatabase('drill');
    database = await openDatabase({ databaseUrl: cluster.url('drill'), poolSize: 10 });
    await migrate(database);
    team = await seedTeam(database, 'Outage');
  });
  afterAll(async () => {
    await database?.close();
    cluster?.stop();
  });

  it('503 with Retry-After while it is away, back by itself, nothing acknowledged lost', async () => {
    const port = await freePort();
    const server = serve({ fetch: createApp(database.db, { requestsPerMinute: 1e6 }).fetch, port, hostname: '127.0.0.1', ...SERVE_OPTIONS });
    const base = `http://127.0.0.1:${port}`;
    const statuses = new Map<string, number>();
    const acked = new Set<string>();
    let maxMs = 0;
    let stop = false;
    let firstOkAfterResume: number | null = null;
    let resumedAt = 0;
    let n = 0;
    const count = (k: string) => statuses.set(k, (statuses.get(k) ?? 0) + 1);

    const client = async (c: number) => {
      while (!stop) {
        const id = `m-${c}-${n++}`;
        const t0 = performance.now();
        const res = await fetch(`${base}/v1/sync/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${team.tokens.rep}`, 'content-type': 'application/json' },
          body: JSON.stringify({ clientId: `drill-client-${c}`, mutations: [{ id, packetKey: `hubspot:1:${c}`, op: { kind: 'add', list: 'followUps', item: { id, summary: id } }, hlc: hlc(`c${c}`) }] }),
          signal: AbortSignal.timeout(30_000),
        });
        maxMs = Math.max(maxMs, performance.now() - t0);
        count(`${res.status}${res.status === 503 && res.headers.get('retry-after') ? ' retry-after' : ''}`);
        if (res.status === 200) {
          for (const r of ((await res.json()) as { results: { id: string }[] }).results) acked.add(r.id);
          if (resumedAt && firstOkAfterResume === null) firstOkAfterResume = performance.now() - resumedAt;
        } else await res.arrayBuffer();
        const look = await fetch(`${base}/v1/claims/lookup?kind=company&value=${encodeURIComponent('深圳演练科技')}`, { headers: { authorization: `Bearer ${team.tokens.rep}` }, signal: AbortSignal.timeout(30_000) });
        count(`lookup ${look.status}${look.status === 503 && look.headers.get('retry-after') ? ' retry-after' : ''}`);
        await look.arrayBuffer();
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    try {
      const load = Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
      await new Promise((r) => setTimeout(r, 1_500));
      cluster.pause();
      await new Promise((r) => setTimeout(r, OUTAGE_S * 1000));
      cluster.resume();
      resumedAt = performance.now();
      // Carry on until the server answers again by itself (bounded), then a little more.
      for (let t = 0; firstOkAfterResume === null && t < 30_000; t += 100) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 1_000));
      stop = true;
      await load;
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
    }
    // No connection may be left checked out after the outage (a leak would shrink the pool for good).
    await new Promise((r) => setTimeout(r, 500));
    const pool = database.poolStats!();

    const inDb = ((await database.db.execute(sql`SELECT count(*)::int AS n FROM mutations WHERE client_id LIKE 'drill-%' AND result = 'applied'`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    console.log(
      `drill: ${CLIENTS} clients, database down ${OUTAGE_S} s; pool after: ${JSON.stringify(pool)}; answers ${[...statuses].map(([k, v]) => `${k}×${v}`).join(', ')}; slowest ${Math.round(maxMs)} ms; first success ${Math.round(firstOkAfterResume ?? -1)} ms after the database returned; ${acked.size} mutations acknowledged, ${inDb} applied`,
    );
    // Only success or "come back later": no 500, no 4xx for requests that were fine.
    expect([...statuses.keys()].filter((k) => !['200', '503 retry-after', 'lookup 200', 'lookup 503 retry-after'].includes(k))).toEqual([]);
    expect(statuses.get('503 retry-after') ?? 0).toBeGreaterThan(0);
    expect(maxMs).toBeLessThan(15_000);
    expect(pool.idle).toBe(pool.total);
    expect(pool.waiting).toBe(0);
    expect(firstOkAfterResume).not.toBeNull();
    const stored = new Set(((await database.db.execute(sql`SELECT mutation_id FROM mutations WHERE client_id LIKE 'drill-%'`)) as unknown as { rows: { mutation_id: string }[] }).rows.map((r) => r.mutation_id));
    expect([...acked].filter((id) => !stored.has(id))).toEqual([]); // every acknowledged edit is there
  });
});
