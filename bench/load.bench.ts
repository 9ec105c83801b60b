// Realistically paced load against the server process on PostgreSQL (as in
// production): each rep edits every 2 s (a push), pulls every 10 s from their
// own cursor, and once a minute types a customer's name (a look-up per pause
// in typing, six in all) and claims it. Open loop: requests go out on the
// reps' schedule whether or not earlier ones have come back, so a slow server
// shows as latency, not as fewer requests.
// - 200 reps: p99 next to the empty health route paced at the same rate;
// - the knee: reps are raised until p99 passes 200 ms;
// - 1 server process against 2 (node:cluster), same load, same run.
// BENCH_LOAD_SECONDS: seconds per step (default 20).
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hashToken } from '@/server/auth/tokens';
import { openDatabase } from '@/server/db/connect';
import { migrate } from '@/server/db/migrate';
import { teams, tokens as tokenTable, users } from '@/server/db/schema';
import { freePort } from '../test/free-port';
import { startCluster } from '../test/server/harness/postgres-cluster';
import { spawnServer } from '../test/server/harness/spawn-server';
import { quantile, round, type Figure } from './figures';
import { request } from './http-client';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const STEPS = [200, 500, 1000, 2000, 3000, 4000];
const KNEE_MS = 200;
const MAX_REPS = STEPS[STEPS.length - 1]!;

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

interface Run {
  latencies: number[];
  failures: number;
  requests: number;
  seconds: number;
}

/** One rep's schedule: what to send and when (ms from start), over `ms`. */
function schedule(rep: number, ms: number, healthOnly: boolean): { at: number; kind: 'push' | 'pull' | 'lookup' | 'claim' | 'health' }[] {
  const out: { at: number; kind: 'push' | 'pull' | 'lookup' | 'claim' | 'health' }[] = [];
  // Spread the reps' phases so they do not all fire together.
  const phase = (period: number) => ((rep * 7919) % 1000) / 1000 * period;
  const every = (period: number, kind: 'push' | 'pull' | 'claim') => {
    for (let t = phase(period); t < ms; t += period) out.push({ at: t, kind });
  };
  every(2_000, 'push');
  every(10_000, 'pull');
  every(60_000, 'claim');
  for (const c of out.filter((x) => x.kind === 'claim')) for (let i = 1; i <= 6; i++) out.push({ at: Math.max(0, c.at - (7 - i) * 300), kind: 'lookup' });
  return healthOnly ? out.map((x) => ({ at: x.at, kind: 'health' as const })) : out;
}

async function paced(base: string, tokens: string[], reps: number, seconds: number, healthOnly = false): Promise<Run> {
  const latencies: number[] = [];
  let failures = 0;
  const t0 = performance.now();
  const ms = seconds * 1000;
  const sends: Promise<void>[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const token = tokens[rep]!;
    let cursor = 0;
    let edit = 0;
    let claim = 0;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const run = async (kind: ReturnType<typeof schedule>[number]['kind']) => {
      const customer = `负载测试客户${rep}号${claim + 1}有限公司`;
      const opts =
        kind === 'push'
          ? { method: 'POST' as const, path: '/v1/sync/push', body: JSON.stringify({ clientId: `load-client-${rep}`, mutations: [{ id: `m-${rep}-${++edit}-${t0}`, packetKey: `hubspot:load:${rep}`, op: { kind: 'set', path: 'salesNotes', value: `note ${edit}` }, hlc: `${String(Date.now()).padStart(15, '0')}:${String(edit % 100_000).padStart(5, '0')}:r${rep}` }] }) }
          : kind === 'pull'
            ? { method: 'GET' as const, path: `/v1/sync/pull?cursor=${cursor}&limit=50` }
            : kind === 'claim'
              ? { method: 'POST' as const, path: '/v1/claims', body: JSON.stringify({ customer, keys: [{ kind: 'company', value: `${customer}-${t0}` }] }) }
              : kind === 'lookup'
                ? { method: 'GET' as const, path: `/v1/claims/lookup?kind=company&value=${encodeURIComponent(customer.slice(0, 8 + (edit % 8)))}` }
                : { method: 'GET' as const, path: '/v1/health' };
      if (kind === 'claim') claim++;
      const s = performance.now();
      try {
        const res = await request(`${base}${opts.path}`, { ...opts, headers });
        if (res.status >= 300) failures++;
        else if (kind === 'pull') cursor = (JSON.parse(res.text) as { cursor: number }).cursor;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - s);
    };
    for (const item of schedule(rep, ms, healthOnly)) {
      sends.push(new Promise<void>((done) => setTimeout(() => void run(item.kind).finally(done), item.at)));
    }
  }
  await Promise.all(sends);
  return { latencies, failures, requests: latencies.length, seconds: (performance.now() - t0) / 1000 };
}

const p99 = (r: Run) => round(quantile(r.latencies, 0.99));
const p50 = (r: Run) => round(quantile(r.latencies, 0.5));

/** Raises reps step by step until p99 passes KNEE_MS; the last step under it is the knee. */
async function knee(base: string, tokens: string[], seconds: number) {
  const steps: { reps: number; run: Run }[] = [];
  for (const reps of STEPS) {
    const run = await paced(base, tokens, reps, seconds);
    steps.push({ reps, run });
    if (p99(run) > KNEE_MS) break;
  }
  const under = steps.filter((s) => p99(s.run) <= KNEE_MS);
  const crossed = steps.find((s) => p99(s.run) > KNEE_MS);
  return { knee: under.length ? under[under.length - 1]!.reps : 0, crossed: crossed?.reps ?? null, steps };
}

export async function run(): Promise<Figure[]> {
  const cluster = await startCluster();
  const servers: ChildProcess[] = [];
  try {
    cluster.createDatabase('load');
    const url = cluster.url('load');
    const database = await openDatabase({ databaseUrl: url });
    await migrate(database);
    const [team] = await database.db.insert(teams).values({ name: 'Load' }).returning();
    const people = await database.db
      .insert(users)
      .values(Array.from({ length: MAX_REPS }, (_, i) => ({ teamId: team!.id, name: `Rep ${i}`, role: 'rep' as const, channel: 'direct' })))
      .returning({ id: users.id });
    const tokens = people.map((p) => `bt_load_${p.id}_${Math.random().toString(36).slice(2)}`);
    for (let i = 0; i < people.length; i += 1000)
      await database.db.insert(tokenTable).values(people.slice(i, i + 1000).map((p, j) => ({ userId: p.id, hash: hashToken(tokens[i + j]!) })));
    await database.close();

    const start = async (workers: number) => {
      const port = await freePort();
      // Paced reps stay far under the per-token limit; lifted anyway so a slow step cannot trip it.
      const server = await spawnServer(url, port, { BATON_RATE_LIMIT: '10000000', BATON_WORKERS: String(workers) });
      servers.push(server);
      return { base: `http://127.0.0.1:${port}`, server };
    };
    const one = await start(1);
    const idle = rssMiB(one.server.pid!);
    const empty = await paced(one.base, tokens, 200, SECONDS, true);
    const at200 = await paced(one.base, tokens, 200, SECONDS);
    const peak = rssMiB(one.server.pid!);
    const knee1 = await knee(one.base, tokens, SECONDS);
    one.server.kill('SIGTERM');
    const two = await start(2);
    const knee2 = await knee(two.base, tokens, SECONDS);
    const steps = (k: typeof knee1) => k.steps.map((s) => `${s.reps} reps p99 ${p99(s.run)} ms (${round(s.run.requests / s.run.seconds, 0)} req/s, ${s.run.failures} failed)`).join('; ');
    const kneeText = (k: typeof knee1) => (k.crossed ? `${k.knee} reps (p99 passed ${KNEE_MS} ms at ${k.crossed})` : `beyond ${k.knee} reps (p99 under ${KNEE_MS} ms at every step)`);
    const emptyRef = { name: 'empty health route, same pace and server', median: p50(empty), p95: round(quantile(empty.latencies, 0.95)), p99: p99(empty) };
    return [
      {
        name: `load: 200 reps paced (edit 2 s, pull 10 s, claim 1 min, look-ups while typing), 1 process`,
        unit: 'ms',
        median: p50(at200),
        p95: round(quantile(at200.latencies, 0.95)),
        p99: p99(at200),
        runs: at200.requests,
        reference: emptyRef,
        ratio: round(p99(at200) / Math.max(p99(empty), 0.01)),
        ratioOf: 'p99',
        goal: 'p99 ≤ 50 ms',
        note: `${round(at200.requests / at200.seconds, 0)} req/s over ${SECONDS} s; failed ${at200.failures}; server RSS ${round(idle, 0)} MiB idle, ${round(peak, 0)} MiB after`,
      },
      { name: 'load: failed requests at 200 reps', unit: 'count', median: at200.failures, runs: at200.requests, goal: '0' },
      {
        name: `load: knee (reps until p99 > ${KNEE_MS} ms), 1 process`,
        unit: 'reps',
        median: knee1.knee,
        runs: knee1.steps.length,
        goal: '≥ 2,000 reps',
        note: `${kneeText(knee1)} — ${steps(knee1)}`,
      },
      {
        name: `load: knee (reps until p99 > ${KNEE_MS} ms), 2 processes`,
        unit: 'reps',
        median: knee2.knee,
        runs: knee2.steps.length,
        reference: { name: '1 process, same run', median: knee1.knee },
        ratio: round(knee2.knee / Math.max(knee1.knee, 1)),
        goal: '≥ 2,000 reps, and above 1 process',
        note: `${kneeText(knee2)} — ${steps(knee2)}. The client, the server processes and PostgreSQL share the machine's cores.`,
      },
    ];
  } finally {
    for (const s of servers) s.kill('SIGTERM');
    cluster.stop();
  }
}
