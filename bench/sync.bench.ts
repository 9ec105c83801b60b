// Sync server throughput on PGlite and on PostgreSQL: push of 1,000 mutations
// and pull of 10,000 changed packets through the HTTP app, each next to a raw
// multi-row INSERT / SELECT of the same rows on the same connection.
import { sql } from 'drizzle-orm';
import { newPacket } from '@/lib/packet/schema';
import { emptySnapshot } from '@/lib/crm/types';
import { openDatabase, type Database } from '@/server/db/connect';
import { migrate } from '@/server/db/migrate';
import { client, seedTeam } from '../test/server/harness/seed';
import { quantile, round, type Figure } from './figures';
import { reservePositions } from './bulk-positions';
import { withBenchDatabase } from './bench-database';

const RUNS = 3;

async function measure(database: Database, label: string): Promise<Figure[]> {
  const pushMs: number[] = [];
  const insertMs: number[] = [];
  const pullMs: number[] = [];
  const selectMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const team = await seedTeam(database, `bench ${run}`);
    const call = client(database, { requestsPerMinute: 1e9, maxBodyBytes: 16 * 1024 * 1024 });
    let clock = 0;
    const mutations = Array.from({ length: 1000 }, (_, i) => ({
      id: `r${run}-m${i}`,
      packetKey: `zoho:bench${run}:${Math.floor(i / 100)}`,
      op: { kind: 'add', list: 'followUps', item: { id: `f${i}`, summary: `call ${i}` } },
      hlc: `${String(1_790_000_000_000 + ++clock).padStart(15, '0')}:00000:bench`,
    }));
    let t = performance.now();
    for (let i = 0; i < mutations.length; i += 200) {
      const r = await call(team.tokens.rep, 'POST', '/v1/sync/push', { clientId: `bench-client-${run}`, mutations: mutations.slice(i, i + 200) });
      if (r.status !== 200) throw new Error(`push ${r.status}`);
    }
    pushMs.push(performance.now() - t);

    await database.exec(`CREATE TABLE IF NOT EXISTS bench_raw (team bigint, id text, body jsonb); TRUNCATE bench_raw`);
    const values = mutations.map((m) => sql`(${team.teamId}, ${m.id}, ${JSON.stringify(m.op)}::jsonb)`);
    t = performance.now();
    await database.db.execute(sql`INSERT INTO bench_raw (team, id, body) VALUES ${sql.join(values, sql`, `)}`);
    insertMs.push(performance.now() - t);

    // 10,000 changed packets visible to the manager.
    const first = await reservePositions(database, 10_000);
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const p = newPacket({ crm: 'hubspot', tenant: `t${run}`, recordId: String(i) }, emptySnapshot(), '', new Date());
      return sql`(${team.teamId}, ${p.key}, ${team.userIds.rep}, 'draft', ${JSON.stringify(p)}::jsonb, ${first + i})`;
    });
    for (let i = 0; i < rows.length; i += 1000) {
      await database.db.execute(sql`INSERT INTO packets (team_id, key, owner_user_id, status, data, seq) VALUES ${sql.join(rows.slice(i, i + 1000), sql`, `)}`);
    }
    t = performance.now();
    let cursor = 0;
    let got = 0;
    for (;;) {
      const r = await call(team.tokens.manager, 'GET', `/v1/sync/pull?cursor=${cursor}&limit=1000`);
      got += (r.json.packets as unknown[]).length;
      cursor = r.json.cursor as number;
      if (!r.json.more) break;
    }
    pullMs.push(performance.now() - t);
    if (got < 10_000) throw new Error(`pulled only ${got}`);
    t = performance.now();
    await database.db.execute(sql`SELECT key, data, seq FROM packets WHERE team_id = ${team.teamId} ORDER BY seq`);
    selectMs.push(performance.now() - t);
  }
  const fig = (name: string, v: number[], refName: string, ref: number[], goal?: string): Figure => {
    const median = round(quantile(v, 0.5));
    const refMedian = round(quantile(ref, 0.5));
    return { name: `${name} (${label})`, unit: 'ms', median, p95: round(quantile(v, 0.95)), runs: v.length, reference: { name: refName, median: refMedian, p95: round(quantile(ref, 0.95)) }, ratio: round(median / refMedian), ...(goal ? { goal } : {}) };
  };
  return [
    // Issue 14: a push at ≥ ×0.3 a raw multi-row INSERT's rate, i.e. taking at most ×3.3 its time.
    fig('push 1,000 mutations', pushMs, 'raw multi-row INSERT of 1,000 rows', insertMs, '≤ ×3.3 (≥ ×0.3 the raw rate)'),
    fig('pull 10,000 changes', pullMs, 'raw SELECT of the same 10,000 rows', selectMs),
  ];
}

export async function run(): Promise<Figure[]> {
  const out: Figure[] = [];
  const lite = await openDatabase({ dataDir: 'memory://' });
  await migrate(lite);
  out.push(...(await measure(lite, 'PGlite')));
  await lite.close();

  out.push(...(await withBenchDatabase('bench', 10, (pg) => measure(pg, 'PostgreSQL'))));
  return out;
}
