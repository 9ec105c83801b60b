// One schema, two drivers: PGlite on a data directory by default (nothing to
// install), PostgreSQL when DATABASE_URL is given. The server keeps no state of
// its own, so several processes can share one PostgreSQL.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { parseDatabaseUrl } from './database-url';
import { FailoverPool } from './failover-pool';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** run SQL text (several statements allowed, no parameters) */
  exec(sql: string): Promise<void>;
  /** PostgreSQL pool counts (connections open, idle, requests waiting); drills check for leaks */
  poolStats?: () => { total: number; idle: number; waiting: number };
  /** PGlite: a consistent tar.gz of the data directory, taken between two queries (server/backup/pglite-backup.ts) */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir?: string | undefined; poolSize?: number; /** PGlite: start from this data directory dump (a restore) */ loadDataDir?: Blob }): Promise<Database> {
  if (opts.databaseUrl) {
    // A database that is down answers fast (503 + Retry-After), never a hung request.
    // DATABASE_URL may name a primary and its standbys (libpq multi-host form): connections follow a promotion.
    const pool = new FailoverPool(parseDatabaseUrl(opts.databaseUrl), { max: opts.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
    // A dropped connection must not crash the server; the request fails (503) and is retried.
    // Idle clients report through the pool, checked-out ones on themselves.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    return {
      ...database('postgres', drizzlePg(pool, { schema }), (sql) => pool.query(sql), () => pool.end()),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
  }
  const dir = opts.dataDir;
  if (dir && !dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir, { extensions: { btree_gist }, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  await client.waitReady;
  return {
    ...database('pglite', drizzlePglite(client, { schema }), (sql) => client.exec(sql), () => client.close()),
    dumpDataDir: async () => {
      await client.exec('CHECKPOINT');
      return client.dumpDataDir('gzip');
    },
  };
}

/** The driver-neutral face of either driver: `run` executes SQL text whose result nobody reads. */
function database(kind: Database['kind'], db: unknown, run: (sql: string) => Promise<unknown>, close: () => Promise<void>): Database {
  return {
    db: db as Db,
    kind,
    exec: async (sql) => {
      await run(sql);
    },
    close,
  };
}
