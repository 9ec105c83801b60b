// Load test with autocannon: 200 simulated reps against the server on
// PostgreSQL (a separate process, as in production), each cycling through
// push an edit → pull → claim a customer → look one up, for 60 s
// (BENCH_LOAD_SECONDS to change). Reports throughput, p50/p99 latency,
// errors and non-2xx answers (must be 0) and the server's RSS; next to it the
// same load on the empty health route of the same server.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { createToken } from '@/server/auth/tokens';
import { openDatabase } from '@/server/db/connect';
import { migrate } from '@/server/db/migrate';
import { teams, users } from '@/server/db/schema';
import { freePort } from '../test/free-port';
import { startCluster } from '../test/server/harness/postgres-cluster';
import { spawnServer } from '../test/server/harness/spawn-server';
import { round, type Figure } from './figures';

const REPS = 200;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);


const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function cannon(url: string, tokens: string[], mixed: boolean, seconds: number): Promise<autocannon.Result> {
  let next = 0;
  let seq = 0;
  let cycles = 0;
  // One cycle (push, pull, claim, look up) is one rep's turn: autocannon gives
  // each cycle a fresh context, so the rep and a unique cycle number live there.
  const rep = (req: autocannon.Request, ctx: Record<string, unknown>) => {
    if (typeof ctx.rep !== 'number') {
      ctx.rep = next++ % tokens.length;
      ctx.n = ++cycles;
    }
    const c = ctx as { rep: number; n: number };
    return { c, req: { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[c.rep]}` } } };
  };
  const hlc = (node: string) => `${String(Date.now()).padStart(15, '0')}:${String(++seq % 100_000).padStart(5, '0')}:${node}`;
  const requests: autocannon.Request[] = mixed
    ? [
        {
          method: 'POST',
          path: '/v1/sync/push',
          setupRequest: (r, ctx) => {
            const { c, req } = rep(r, ctx as Record<string, unknown>);
            return { ...req, body: JSON.stringify({ clientId: `load-client-${c.rep}`, mutations: [{ id: `m-${c.rep}-${c.n}`, packetKey: `hubspot:load:${c.rep}`, op: { kind: 'set', path: 'salesNotes', value: `note ${c.n}` }, hlc: hlc(`r${c.rep}`) }] }) };
          },
        },
        { method: 'GET', path: '/v1/sync/pull?cursor=0&limit=50', setupRequest: (r, ctx) => rep(r, ctx as Record<string, unknown>).req },
        {
          method: 'POST',
          path: '/v1/claims',
          setupRequest: (r, ctx) => {
            const { c, req } = rep(r, ctx as Record<string, unknown>);
            return { ...req, body: JSON.stringify({ customer: `负载客户 ${c.rep}-${c.n}`, keys: [{ kind: 'company', value: `负载测试客户${c.rep}号${c.n}有限公司` }] }) };
          },
        },
        {
          method: 'GET',
          path: '/v1/claims/lookup',
          setupRequest: (r, ctx) => {
            const { c, req } = rep(r, ctx as Record<string, unknown>);
            return { ...req, path: `/v1/claims/lookup?kind=company&value=${encodeURIComponent(`负载测试客户${c.rep}号${Math.max(1, c.n - REPS)}`)}` };
          },
        },
      ]
    : [{ method: 'GET', path: '/v1/health' }];
  return autocannon({
    url,
    connections: REPS,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests,
  });
}

export async function run(): Promise<Figure[]> {
  const cluster = await startCluster();
  let server: ChildProcess | null = null;
  try {
    cluster.createDatabase('load');
    const url = cluster.url('load');
    const database = await openDatabase({ databaseUrl: url });
    await migrate(database);
    const [team] = await database.db.insert(teams).values({ name: 'Load' }).returning();
    const tokens: string[] = [];
    for (let i = 0; i < REPS; i++) {
      const [u] = await database.db.insert(users).values({ teamId: team!.id, name: `Rep ${i}`, role: 'rep', channel: 'direct' }).returning();
      tokens.push((await createToken(database.db, u!.id)).token);
    }
    await database.close();
    const port = await freePort();
    // Reps here send far more than a person would: lift the per-token limit for the test.
    server = await spawnServer(url, port, { BATON_RATE_LIMIT: '100000000' });
    const base = `http://127.0.0.1:${port}`;
    const idle = rssMiB(server.pid!);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(server!.pid!))), 250);
    const empty = await cannon(base, tokens, false, Math.min(10, SECONDS));
    const load = await cannon(base, tokens, true, SECONDS);
    clearInterval(sampler);
    const failures = load.errors + load.timeouts + load.non2xx;
    const codes = Object.entries((load as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats).map(([k, v]) => `${k}×${v.count}`).join(', ');
    return [
      {
        name: `load: ${REPS} reps push/pull/claim/look up for ${SECONDS} s (PostgreSQL, autocannon)`,
        unit: 'ms',
        median: load.latency.p50,
        p99: load.latency.p99,
        runs: load.requests.total,
        reference: { name: 'empty health route, same server and load', median: empty.latency.p50 },
        ratio: round(load.latency.p50 / Math.max(empty.latency.p50, 0.01)),
        note: `${round(load.requests.average, 0)} req/s (empty route ${round(empty.requests.average, 0)} req/s); p99 ${load.latency.p99} ms (empty ${empty.latency.p99} ms); errors ${load.errors}, timeouts ${load.timeouts}, non-2xx ${load.non2xx}${failures ? ' — FAILURES' : ''} (answers ${codes}); server RSS ${round(idle, 0)} MiB idle, ${round(peak, 0)} MiB peak`,
      },
      { name: 'load: throughput', unit: 'req/s', median: round(load.requests.average, 0), runs: SECONDS, reference: { name: 'empty health route', median: round(empty.requests.average, 0) }, ratio: round(empty.requests.average / Math.max(load.requests.average, 1)) },
      { name: 'load: failed requests (errors + timeouts + non-2xx)', unit: 'count', median: failures, runs: load.requests.total },
      { name: 'load: server RSS, peak under load', unit: 'MiB', median: round(peak, 0), runs: 1, reference: { name: 'idle after start', median: round(idle, 0) } },
    ];
  } finally {
    server?.kill('SIGTERM');
    cluster.stop();
  }
}
