// One schema, two drivers: PGlite on a data directory by default (nothing to
// install), PostgreSQL when DATABASE_URL is given. The server keeps no state of
// its own, so several processes can share one PostgreSQL.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
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
  close(): Promise<void>;
}

export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir?: string | undefined; poolSize?: number }): Promise<Database> {
  if (opts.databaseUrl) {
    // A database that is down answers fast (503 + Retry-After), never a hung request.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
    // A dropped connection must not crash the server; the request fails (503) and is retried.
    // Idle clients report through the pool, checked-out ones on themselves.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    return {
      db: drizzlePg(pool, { schema }) as unknown as Db,
      kind: 'postgres',
      exec: async (sql) => {
        await pool.query(sql);
      },
      close: () => pool.end(),
    };
  }
  const dir = opts.dataDir;
  if (dir && !dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  await client.waitReady;
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    exec: async (sql) => {
      await client.exec(sql);
    },
    close: () => client.close(),
  };
}
