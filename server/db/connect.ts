// One schema, two drivers: PGlite on a data directory by default (nothing to
// install), PostgreSQL when DATABASE_URL is given. The server keeps no state of
// its own, so several processes can share one PostgreSQL.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** run SQL text (several statements allowed, no parameters) */
  exec(sql: string): Promise<void>;
  /** PostgreSQL pool counts (connections open, idle, requests waiting); drills check for leaks */
  poolStats?: () => { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

type PgClient = pg.PoolClient & { __batonBeginGuard?: true };

/**
 * drizzle-orm 0.45's node-postgres transaction() sends BEGIN before its
 * try/finally, so a BEGIN that fails (the database went away under a
 * checked-out connection) never releases the connection: each outage could
 * shrink the pool for good (found by test/drills/database-down.test.ts). This pool
 * releases such a connection, with the error so pg discards it.
 */
class GuardedPool extends pg.Pool {
  override async connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    if (callback) return super.connect(callback);
    return super.connect().then((c) => {
      const client = c as PgClient;
      if (!client.__batonBeginGuard) {
        client.__batonBeginGuard = true;
        const query = client.query.bind(client) as (...a: unknown[]) => unknown;
        (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...args: unknown[]) => {
          const result = query(...args);
          const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
          if (result instanceof Promise && typeof text === 'string' && /^\s*begin\b/i.test(text)) {
            result.catch((err: unknown) => client.release(err instanceof Error ? err : new Error(String(err))));
          }
          return result;
        };
      }
      return client;
    });
  }
}

export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir?: string | undefined; poolSize?: number }): Promise<Database> {
  if (opts.databaseUrl) {
    // A database that is down answers fast (503 + Retry-After), never a hung request.
    const pool = new GuardedPool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
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
  const client = new PGlite(dir, { extensions: { btree_gist } });
  await client.waitReady;
  return database('pglite', drizzlePglite(client, { schema }), (sql) => client.exec(sql), () => client.close());
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
