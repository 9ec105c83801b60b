// A primary with one streaming standby (pg_basebackup -R), synchronous: the
// primary answers COMMIT only once the standby has the commit's WAL on disk,
// so a promoted standby holds every commit a client was told about. With
// asynchronous replication a failover can lose acknowledged commits: that is
// PostgreSQL's configuration, not the application (README, "PostgreSQL with
// high availability").
import { rmSync } from 'node:fs';
import { clusterDir, initdb, instance, runPg, type Instance } from './postgres-cluster';

export interface ReplicatedCluster {
  primary: Instance;
  standby: Instance;
  /** libpq multi-host URL naming the primary then the standby, target_session_attrs=read-write */
  url(db: string): string;
  /** the standby's own URL (to read what it holds after promotion) */
  standbyUrl(db: string): string;
  /** pg_ctl promote on the standby; resolves when it takes writes */
  promote(): void;
  stop(): void;
}

export async function startReplicatedCluster(): Promise<ReplicatedCluster> {
  const dir = clusterDir();
  // On the command line, not in postgresql.conf, so pg_basebackup does not copy it: a promoted standby
  // with no standby of its own must not wait for one on every commit.
  const primary = await instance(dir, 'primary', [`synchronous_standby_names='*'`, 'synchronous_commit=on']);
  initdb(primary.data);
  primary.start();
  const standby = await instance(dir, 'standby');
  runPg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', standby.data, '-R', '-X', 'stream', '-c', 'fast']);
  standby.start();
  // Streaming and counted as synchronous before any test write.
  for (let i = 0; primary.psql(`SELECT sync_state FROM pg_stat_replication`).trim() !== 'sync'; i++) {
    if (i > 300) throw new Error('the standby never became a synchronous standby');
    await new Promise((r) => setTimeout(r, 100));
  }
  const at = (port: number, db: string) => `127.0.0.1:${port}/${db}`;
  return {
    primary,
    standby,
    url: (db) => `postgres://postgres@127.0.0.1:${primary.port},${at(standby.port, db)}?target_session_attrs=read-write`,
    standbyUrl: (db) => `postgres://postgres@${at(standby.port, db)}`,
    promote: () => void runPg('pg_ctl', ['-D', standby.data, '-w', 'promote']),
    stop: () => {
      for (const i of [primary, standby]) {
        try {
          i.stop('immediate');
        } catch {
          // already stopped (the drill kills the primary)
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
