// Drill: back up under write load, restore into a new database, and find
// every acknowledged mutation and claim there. For PostgreSQL
// (`npm run server -- backup` runs pg_dump against the live database while
// reps keep pushing edits and claiming customers; `restore` runs pg_restore
// into a new database) and for the embedded database (the running server
// dumps its own data directory on the backup command's request; `restore`
// unpacks it into a new data directory). Prints the counts.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/server/db/connect';
import { migrate, pendingMigrations } from '@/server/db/migrate';
import { freePort } from '../free-port';
import { startCluster, type Cluster } from '../server/harness/postgres-cluster';
import { runCli } from '../server/harness/run-cli';
import { hlc, seedTeam, type Seeded } from '../server/harness/seed';
import { spawnServer } from '../server/harness/spawn-server';

const CLIENTS = 6;
const tmp = mkdtempSync(join(tmpdir(), 'bk-'));
let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster();
});
afterAll(() => {
  cluster?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

interface Acked {
  mutations: Map<string, number>;
  claims: Map<number, number>;
}

/** Reps pushing edits and claiming customers on `base` until `stop()`; each acknowledgement with the time it arrived. */
function writeLoad(base: string, team: Seeded) {
  const acked: Acked = { mutations: new Map(), claims: new Map() };
  let stopped = false;
  let n = 0;
  const one = async (c: number) => {
    const token = c % 2 ? team.tokens.rep2 : team.tokens.rep;
    while (!stopped) {
      const id = `bk-${c}-${n++}`;
      const push = await fetch(`${base}/v1/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: `bk-client-${c}`, mutations: [{ id, packetKey: `hubspot:1:${c}`, op: { kind: 'add', list: 'followUps', item: { id, summary: id } }, hlc: hlc(`c${c}`) }] }),
      });
      if (push.status === 200) for (const r of ((await push.json()) as { results: { id: string; status?: string }[] }).results) acked.mutations.set(r.id, Date.now());
      else await push.arrayBuffer();
      const name = `备份演练客户 ${c}-${n}`;
      const claim = await fetch(`${base}/v1/claims`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ customer: name, keys: [{ kind: 'company', value: name }] }) });
      if (claim.status === 201) acked.claims.set(((await claim.json()) as { claim: { id: number } }).claim.id, Date.now());
      else await claim.arrayBuffer();
    }
  };
  const running = Promise.all(Array.from({ length: CLIENTS }, (_, c) => one(c)));
  return { acked, stop: () => ((stopped = true), running) };
}

async function stored(database: Database) {
  const m = (await database.db.execute(sql`SELECT mutation_id FROM mutations WHERE client_id LIKE 'bk-client-%'`)) as unknown as { rows: { mutation_id: string }[] };
  const c = (await database.db.execute(sql`SELECT id FROM claims`)) as unknown as { rows: { id: number }[] };
  return { mutations: new Set(m.rows.map((r) => r.mutation_id)), claims: new Set(c.rows.map((r) => Number(r.id))) };
}

/** Runs the load, the backup command in the middle of it, then the restore; checks and prints. */
async function drill(label: string, server: ChildProcess, port: number, team: Seeded, env: Record<string, string>, restoreEnv: Record<string, string>, openRestored: () => Promise<Database>) {
  const file = join(tmp, `${label}.backup`);
  const load = writeLoad(`http://127.0.0.1:${port}`, team);
  try {
    for (let t = 0; (load.acked.mutations.size < 30 || load.acked.claims.size < 10) && t < 60_000; t += 100) await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const backup = await runCli(['backup', file], env);
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    const before = { mutations: [...load.acked.mutations].filter(([, at]) => at < started).map(([id]) => id), claims: [...load.acked.claims].filter(([, at]) => at < started).map(([id]) => id) };
    await new Promise((r) => setTimeout(r, 500)); // writes go on after the backup, too
    await load.stop();
    const restore = await runCli(['restore', file], restoreEnv);
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    const restored = await openRestored();
    try {
      const got = await stored(restored);
      const missing = { mutations: before.mutations.filter((id) => !got.mutations.has(id)), claims: before.claims.filter((id) => !got.claims.has(id)) };
      console.log(
        `backup/restore drill (${label}): ${CLIENTS} writers; acknowledged before the backup began: ${before.mutations.length} mutations, ${before.claims.length} claims; ` +
          `in the restored database: ${got.mutations.size} mutations, ${got.claims.size} claims (missing: ${missing.mutations.length}, ${missing.claims.length}); ` +
          `acknowledged in all: ${load.acked.mutations.size} mutations, ${load.acked.claims.size} claims; backup ${statSync(file).size} bytes\n  ${backup.out.trim()}\n  ${restore.out.trim()}`,
      );
      expect(before.mutations.length).toBeGreaterThan(0);
      expect(before.claims.length).toBeGreaterThan(0);
      expect(missing).toEqual({ mutations: [], claims: [] });
      expect(await pendingMigrations(restored.db)).toEqual([]);
    } finally {
      await restored.close();
    }
  } finally {
    await load.stop();
    server.kill('SIGTERM');
  }
}

describe('backup under write load, restore into a new database', () => {
  it('PostgreSQL: pg_dump while writing, pg_restore into a new database', async () => {
    cluster.createDatabase('live');
    const database = await openDatabase({ databaseUrl: cluster.url('live') });
    await migrate(database);
    const team = await seedTeam(database, 'Backup');
    await database.close();
    const port = await freePort();
    const server = await spawnServer(cluster.url('live'), port, { BATON_RATE_LIMIT: '1000000' });
    cluster.createDatabase('restored');
    await drill('postgres', server, port, team, { DATABASE_URL: cluster.url('live') }, { DATABASE_URL: cluster.url('restored') }, () => openDatabase({ databaseUrl: cluster.url('restored') }));
  });

  it('embedded database: the running server dumps its data directory, restored into a new one', async () => {
    const dataDir = join(tmp, 'live');
    const database = await openDatabase({ dataDir });
    await migrate(database);
    const team = await seedTeam(database, 'Backup');
    await database.close();
    const port = await freePort();
    const server = await spawnServer('', port, { BATON_DATA_DIR: dataDir, BATON_RATE_LIMIT: '1000000' });
    // A second process on the directory would lose its writes and damage it: an admin command is refused while the server runs.
    const beside = await runCli(['team', 'create', '--name', 'Beside the server'], { BATON_DATA_DIR: dataDir });
    expect(beside.code).toBe(1);
    expect(beside.err).toContain('a Baton server is running on the embedded database');
    const restoredDir = join(tmp, 'restored');
    await drill('embedded', server, port, team, { BATON_DATA_DIR: dataDir }, { BATON_DATA_DIR: restoredDir }, () => openDatabase({ dataDir: restoredDir }));
  });
});
