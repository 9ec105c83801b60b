// Drill: the server as its own process on PostgreSQL, as systemd runs it.
// 1. A metrics scrape (with the metrics token) holds the named series —
//    requests and latency by route pattern, sync lag, outbox depth, webhook
//    failures — with values from what was just done: pushes, a notice for a
//    chat robot that refuses connections.
// 2. PostgreSQL is stopped (pg_ctl stop): /v1/health/ready answers 503
//    database_unreachable while /v1/health/live stays 200; PostgreSQL is
//    started again: ready is 200 again by itself.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/server/db/connect';
import { migrate } from '@/server/db/migrate';
import { enqueueNotice } from '@/server/webhooks/outbox';
import { freePort } from '../free-port';
import { startCluster, type Cluster } from '../server/harness/postgres-cluster';
import { formatHlc } from '@/lib/sync/hlc';
import { seedTeam, type Seeded } from '../server/harness/seed';
import { spawnServer } from '../server/harness/spawn-server';

const METRICS_TOKEN = 'drill-metrics-token-0123456789';

describe('health and metrics of a running server', () => {
  let cluster: Cluster;
  let database: Database;
  let team: Seeded;
  let server: ChildProcess;
  let base: string;
  let metricsPort: number;
  beforeAll(async () => {
    cluster = await startCluster();
    cluster.createDatabase('drill');
    database = await openDatabase({ databaseUrl: cluster.url('drill'), poolSize: 2 });
    await migrate(database);
    team = await seedTeam(database, 'Ops');
    const port = await freePort();
    metricsPort = await freePort();
    server = await spawnServer(cluster.url('drill'), port, { BATON_METRICS_TOKEN: METRICS_TOKEN, BATON_METRICS_PORT: String(metricsPort) });
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    server?.kill('SIGTERM');
    await database?.close();
    cluster?.stop();
  });

  const scrape = async () => (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"[\]().*+?^$|\\]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

  it('a metrics scrape contains the named series', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401); // the token is asked for
    const robot = await freePort(); // nothing listens: every send fails
    const hook = await fetch(`${base}/v1/webhooks`, { method: 'POST', headers: { authorization: `Bearer ${team.tokens.manager}`, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'feishu', url: `http://127.0.0.1:${robot}/hook` }) });
    expect(hook.status).toBe(201);
    await database.db.transaction((tx) => enqueueNotice(tx, team.teamId, 'drill-notice', { event: 'webhook.test', title: 'Drill', lines: ['a notice for a robot that is down'] }));
    for (let i = 0; i < 5; i++) {
      const id = `metrics-${i}`;
      const res = await fetch(`${base}/v1/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${team.tokens.rep}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'metrics-drill', mutations: [{ id, packetKey: `hubspot:1:m${i}`, op: { kind: 'add', list: 'followUps', item: { id, summary: id } }, hlc: formatHlc({ wall: Date.now(), counter: 0 }, 'm') }] }),
      });
      expect(res.status).toBe(200);
    }
    expect((await fetch(`${base}/v1/packets/hubspot%3A1%3Am0`, { headers: { authorization: `Bearer ${team.tokens.rep}` } })).status).toBe(200);
    // The server's delivery job tries the robot within seconds.
    let text = '';
    for (let t = 0; t < 60_000; t += 500) {
      text = await scrape();
      if (value(text, 'baton_webhook_failures_total{kind="feishu",outcome="retry"}') >= 1) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const named = ['baton_http_requests_total', 'baton_http_request_duration_seconds', 'baton_sync_lag_seconds', 'baton_outbox_depth', 'baton_webhook_failures_total'];
    console.log(`metrics drill: ${text.split('\n').filter((l) => named.some((n) => l.startsWith(n)) && !l.includes('_bucket')).join('\n  ')}`);
    for (const n of named) expect(text).toContain(`# TYPE ${n} `);
    expect(value(text, 'baton_http_requests_total{method="POST",route="/v1/sync/push",status="200"}')).toBe(5);
    expect(value(text, 'baton_http_request_duration_seconds_count{method="GET",route="/v1/packets/:key"}')).toBe(1);
    expect(text).not.toContain('hubspot'); // a route pattern, never a record's path
    expect(value(text, 'baton_sync_lag_seconds_count')).toBe(5);
    expect(value(text, 'baton_sync_lag_seconds_bucket{le="60"}')).toBe(5); // edits made just now arrive within the minute
    expect(value(text, 'baton_outbox_depth')).toBe(1);
    expect(value(text, 'baton_webhook_failures_total{kind="feishu",outcome="retry"}')).toBeGreaterThanOrEqual(1);
    // The metrics port (for a scraper on a private network) serves the same series without a token, and nothing else.
    const onPort = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(value(onPort, 'baton_http_requests_total{method="POST",route="/v1/sync/push",status="200"}')).toBe(5);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/v1/health/live`)).status).toBe(404);
  });

  it('/v1/health/ready goes not-ready while PostgreSQL is stopped and ready again after it is started', async () => {
    const ready = async () => {
      const res = await fetch(`${base}/v1/health/ready`, { signal: AbortSignal.timeout(20_000) });
      return { status: res.status, body: (await res.json()) as { ready: boolean; error?: { reason: string } } };
    };
    const until = async (want: number) => {
      const t0 = Date.now();
      for (;;) {
        const r = await ready();
        if (r.status === want || Date.now() - t0 > 60_000) return { ...r, ms: Date.now() - t0 };
        await new Promise((ok) => setTimeout(ok, 250));
      }
    };
    expect((await ready()).status).toBe(200);
    cluster.pause(); // pg_ctl stop
    const down = await until(503);
    const live = await fetch(`${base}/v1/health/live`);
    cluster.resume(); // pg_ctl start
    const up = await until(200);
    console.log(`readiness drill: PostgreSQL stopped → ready ${down.status} ${JSON.stringify(down.body)} after ${down.ms} ms, live ${live.status}; started → ready ${up.status} after ${up.ms} ms`);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ready: false, error: { reason: 'database_unreachable' } });
    expect(live.status).toBe(200);
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ ready: true });
  });
});
