// Claims on PostgreSQL, through real HTTP (the Node server the CLI runs):
// - claim-create throughput and latency under 50 concurrent clients, next to
//   a raw single-row INSERT on the same pool, same concurrency, same run;
// - key look-up latency with 1,000,000 claims in the table, next to the raw
//   indexed SELECT of the same key.
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createApp } from '@/server/app';
import { createToken } from '@/server/auth/tokens';
import type { Database } from '@/server/db/connect';
import { teams, users } from '@/server/db/schema';
import { freePort } from '../test/free-port';
import { withBenchDatabase } from './bench-database';
import { quantile, round, summarize, type Figure } from './figures';
import { SERVE_OPTIONS } from '../server/http/serve-options';
import { request } from './http-client';

const CLIENTS = 50;
const CLAIMS = 5_000;
const BULK = 1_000_000;
const LOOKUPS = 2_000;

/** Runs `n` jobs over `clients` concurrent workers; latencies in ms and wall time. */
async function concurrently(n: number, clients: number, job: (i: number, worker: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, w) => {
      for (let i = next++; i < n; i = next++) {
        const s = performance.now();
        await job(i, w);
        latencies.push(performance.now() - s);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - t0 };
}

const p99 = (v: number[]) => round(quantile(v, 0.99));

async function measure(database: Database): Promise<Figure[]> {
  const [team] = await database.db.insert(teams).values({ name: 'bench' }).returning();
  const tokens: string[] = [];
  const userIds: number[] = [];
  // One rep per client, as in a real team: each has its own token and rate limit.
  for (let i = 0; i < CLIENTS; i++) {
    const [u] = await database.db.insert(users).values({ teamId: team!.id, name: `Rep ${i}`, role: 'rep', channel: 'direct' }).returning();
    userIds.push(u!.id);
    tokens.push((await createToken(database.db, u!.id)).token);
  }
  const port = await freePort();
  const server = serve({ fetch: createApp(database.db).fetch, port, hostname: '127.0.0.1', ...SERVE_OPTIONS });
  const base = `http://127.0.0.1:${port}`;
  try {
    // Warm-up: connections, JIT, plan caches.
    await concurrently(200, CLIENTS, async (i, w) => {
      await request(`${base}/v1/claims`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[w]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ customer: `Warm ${i}`, keys: [{ kind: 'company', value: `Warmup Customer ${i}` }] }),
      });
    });
    // The ceiling HTTP itself sets on this machine: the empty health route, same client and concurrency.
    const empty = await concurrently(CLAIMS, CLIENTS, async () => {
      await request(`${base}/v1/health`);
    });
    // The same with a token: the middleware chain (token, rate count, log, metrics, body limit) and no route behind it (404).
    const authed = await concurrently(CLAIMS, CLIENTS, async (_, w) => {
      await request(`${base}/v1/no-such-route`, { headers: { authorization: `Bearer ${tokens[w]}` } });
    });

    const create = await concurrently(CLAIMS, CLIENTS, async (i, w) => {
      const r = await request(`${base}/v1/claims`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[w]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ customer: `客户 ${i}`, keys: [{ kind: 'company', value: `深圳市测试客户${i}号有限公司` }, { kind: 'phone', value: `+86 138${String(10_000_000 + i)}` }] }),
      });
      if (r.status !== 201) throw new Error(`claim ${i}: ${r.status} ${r.text}`);
    });
    const raw = await concurrently(CLAIMS, CLIENTS, async (i, w) => {
      await database.db.execute(
        sql`INSERT INTO claims (team_id, user_id, customer, policy_version, expires_at, stages) VALUES (${team!.id}, ${userIds[w]!}, ${`raw ${i}`}, 1, now() + interval '14 days', '[]'::jsonb)`,
      );
    });
    const perSecond = (run: { wallMs: number }) => round(CLAIMS / (run.wallMs / 1000), 0);

    // 1,000,000 claims: a third live, the rest expired (in the pool), each with one company key.
    await database.db.execute(sql`
      INSERT INTO claims (id, team_id, user_id, customer, policy_version, claimed_at, expires_at, stages)
      SELECT 10000000 + g, ${team!.id}, ${userIds[0]!}, 'Bulk ' || g, 1, now() - interval '20 days', now() + (CASE WHEN g % 3 = 0 THEN 1 ELSE -1 END) * interval '6 days', '[]'::jsonb
      FROM generate_series(1, ${BULK}) g`);
    await database.db.execute(sql`
      INSERT INTO claim_keys (claim_id, team_id, key, expires_at, ended)
      SELECT 10000000 + g, ${team!.id}, 'company:bulkcustomer' || g, now() + (CASE WHEN g % 3 = 0 THEN 1 ELSE -1 END) * interval '6 days', false
      FROM generate_series(1, ${BULK}) g`);
    await database.db.execute(sql`ANALYZE claims`);
    await database.db.execute(sql`ANALYZE claim_keys`);
    const [count] = ((await database.db.execute(sql`SELECT count(*)::int AS n FROM claims`)) as unknown as { rows: { n: number }[] }).rows;

    // Hits (live and pooled) and misses, spelled the way people type them.
    const pick = (i: number) => (i % 4 === 3 ? `No Such Customer ${i}` : `BULK  customer ${1 + ((i * 7919) % BULK)}`);
    const statuses = new Map<string, number>();
    const lookups = await concurrently(LOOKUPS, 1, async (i) => {
      const r = await request(`${base}/v1/claims/lookup?kind=company&value=${encodeURIComponent(pick(i))}`, { headers: { authorization: `Bearer ${tokens[1 + (i % (CLIENTS - 1))]}` } });
      const body = JSON.parse(r.text) as { status: string };
      statuses.set(body.status, (statuses.get(body.status) ?? 0) + 1);
    });
    const selects = await concurrently(LOOKUPS, 1, async (i) => {
      const key = `company:bulkcustomer${1 + ((i * 7919) % BULK)}`;
      await database.db.execute(sql`SELECT claim_id, expires_at FROM claim_keys WHERE team_id = ${team!.id} AND key = ${key} AND NOT ended AND expires_at > now() LIMIT 1`);
    });

    const rawRef = (v: number[], name: string) => ({ name, median: round(quantile(v, 0.5)), p95: round(quantile(v, 0.95)), p99: p99(v) });
    const created = perSecond(create);
    return [
      {
        ...summarize(`claim create, ${CLIENTS} clients (PostgreSQL, HTTP)`, 'ms', create.latencies, { reference: rawRef(raw.latencies, 'raw single-row INSERT, same pool and concurrency') }),
        p99: p99(create.latencies),
        ratio: round(quantile(create.latencies, 0.5) / quantile(raw.latencies, 0.5)),
        note: `each claim 2 keys (company + phone), one rep (token) per client; ${created} claims/s vs raw ${perSecond(raw)} inserts/s`,
      },
      {
        ...summarize(`claim create p99, ${CLIENTS} clients`, 'ms', create.latencies, { reference: rawRef(raw.latencies, 'raw single-row INSERT') }),
        p99: p99(create.latencies),
        ratio: round(p99(create.latencies) / p99(raw.latencies)),
        ratioOf: 'p99',
        goal: 'p99 ≤ ×3 the raw p99',
      },
      {
        name: `claim create throughput, ${CLIENTS} clients`,
        unit: 'claims/s',
        median: created,
        runs: CLAIMS,
        reference: { name: 'raw single-row INSERTs/s', median: perSecond(raw) },
        ratio: round(created / perSecond(raw), 3),
        goal: '≥ ×0.3 the raw rate',
      },
      {
        name: `empty health route, ${CLIENTS} clients (the ceiling HTTP sets)`,
        unit: 'requests/s',
        median: perSecond(empty),
        p99: p99(empty.latencies),
        runs: CLAIMS,
        reference: { name: 'raw single-row INSERTs/s', median: perSecond(raw) },
        ratio: round(perSecond(empty) / perSecond(raw), 3),
        note: `same client (node:http, kept-alive) and concurrency, no token, no database: what any route of this server can at most answer here; the claim goal is ×0.3 of the raw rate`,
      },
      {
        name: `empty authenticated request, ${CLIENTS} clients`,
        unit: 'requests/s',
        median: perSecond(authed),
        p99: p99(authed.latencies),
        runs: CLAIMS,
        reference: { name: 'empty health route (no token)', median: perSecond(empty), p99: p99(empty.latencies) },
        ratio: round(perSecond(authed) / perSecond(empty), 3),
        note: 'a path no route answers, behind the token check: what the token, rate count, request log, metrics and body limit cost each request',
      },
      {
        ...summarize(`key look-up with ${count!.n.toLocaleString('en')} claims (PostgreSQL, HTTP)`, 'ms', lookups.latencies, { reference: rawRef(selects.latencies, 'raw indexed SELECT') }),
        p99: p99(lookups.latencies),
        ratio: round(quantile(lookups.latencies, 0.5) / quantile(selects.latencies, 0.5)),
        note: `one client; answers ${[...statuses].map(([k, v]) => `${k} ${v}`).join(', ')}`,
      },
      {
        ...summarize(`key look-up p99 with ${count!.n.toLocaleString('en')} claims`, 'ms', lookups.latencies, { reference: rawRef(selects.latencies, 'raw indexed SELECT') }),
        p99: p99(lookups.latencies),
        ratio: round(p99(lookups.latencies) / p99(selects.latencies)),
        ratioOf: 'p99',
        goal: 'p99 ≤ ×3 the raw p99',
      },
    ];
  } finally {
    await new Promise<void>((ok) => server.close(() => ok()));
  }
}

export async function run(): Promise<Figure[]> {
  return withBenchDatabase('bench_claims', 20, measure);
}
