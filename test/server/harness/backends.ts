// Every server test runs against both drivers: PGlite in memory and a real
// PostgreSQL database of its own in the run's cluster.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '@/server/db/connect';
import { migrate } from '@/server/db/migrate';

export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export async function freshDatabase(kind: Backend): Promise<Database & { url?: string }> {
  if (kind === 'pglite') {
    const d = await openDatabase({ dataDir: 'memory://' });
    await migrate(d);
    return d;
  }
  const base = inject('pgBaseUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = base.replace(/\/postgres$/, `/${name}`);
  const d = await openDatabase({ databaseUrl: url, poolSize: 20 });
  await migrate(d);
  return { ...d, url };
}
