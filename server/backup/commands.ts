// `npm run server -- backup FILE` and `npm run server -- restore FILE`, on
// whichever database the configuration names: PostgreSQL (DATABASE_URL) with
// pg_dump/pg_restore, else the embedded database's data directory.
import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../db/connect';
import type { ServerConfig } from '../config/config-schema';
import { SetupError } from '../setup/setup-error';
import { requestBackup } from './backup-socket';
import { writeDump, restorePglite } from './pglite-backup';
import { backupPostgres, restorePostgres } from './postgres-backup';

/** Rows in the tables an operator checks after a restore. */
export async function countRows(database: Database): Promise<Record<string, number>> {
  const r = (await database.db.execute(
    sql`SELECT (SELECT count(*) FROM teams)::int AS teams, (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM packets)::int AS packets,
               (SELECT count(*) FROM mutations)::int AS mutations, (SELECT count(*) FROM claims)::int AS claims, (SELECT count(*) FROM webhook_outbox)::int AS outbox`,
  )) as unknown as { rows: Record<string, number>[] };
  return r.rows[0]!;
}

/** Writes a backup to `file`; a line saying what was written. */
export async function backupCommand(config: ServerConfig, file: string): Promise<string> {
  if (config.databaseUrl) {
    await backupPostgres(config.databaseUrl, file);
    return `backed up PostgreSQL (pg_dump, custom format) to ${file}`;
  }
  const asked = await requestBackup(config.dataDir, file);
  if (asked && 'error' in asked) throw new SetupError('backup', `the server running on ${config.dataDir} could not write ${file}: ${asked.error}`);
  if (asked) return `backed up the embedded database (from the running server) to ${file}: ${asked.bytes} bytes`;
  if (!existsSync(config.dataDir)) throw new SetupError('backup', `there is no embedded database in ${config.dataDir}. Name it with --data DIR (or BATON_DATA_DIR), or set DATABASE_URL for PostgreSQL.`);
  const database = await openDatabase({ dataDir: config.dataDir });
  try {
    return `backed up the embedded database in ${config.dataDir} to ${file}: ${await writeDump(database, file)} bytes`;
  } finally {
    await database.close();
  }
}

/** Restores `file` into a new database (the configured one, which must be empty); a line with the restored counts. */
export async function restoreCommand(config: ServerConfig, file: string): Promise<string> {
  if (!existsSync(file)) throw new SetupError('backup', `${file} does not exist.`);
  if (config.databaseUrl) await restorePostgres(config.databaseUrl, file);
  else await restorePglite(file, config.dataDir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const counts = await countRows(database);
    return `restored ${file} into ${config.databaseUrl ? 'the database in DATABASE_URL' : config.dataDir}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`;
  } finally {
    await database.close();
  }
}
