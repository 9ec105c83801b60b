// Backup and restore on PostgreSQL with its own tools. pg_dump reads one
// snapshot (a repeatable-read transaction), so a backup taken while the
// servers keep writing holds every transaction committed before it began and
// none half-done. Custom format (-Fc): compressed, read by pg_restore.
import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/connect';
import { SetupError } from '../setup/setup-error';
import { pgTool } from './pg-tools';

/**
 * The connection URL without its password, and the password for PGPASSWORD:
 * a password on the command line is readable by every local user (`ps`).
 */
export function withoutPassword(databaseUrl: string): { url: string; password: string | undefined } {
  const m = /^(postgres(?:ql)?:\/\/[^:@/]*):([^@/]*)@/.exec(databaseUrl);
  if (!m) return { url: databaseUrl, password: undefined };
  return { url: `${m[1]}@${databaseUrl.slice(m[0].length)}`, password: decodeURIComponent(m[2]!) };
}

function run(tool: 'pg_dump' | 'pg_restore', args: string[], what: string, password: string | undefined): Promise<void> {
  const bin = pgTool(tool);
  return new Promise((ok, fail) => {
    const env = password === undefined ? process.env : { ...process.env, PGPASSWORD: password };
    const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => fail(new SetupError('backup', `${what}: ${bin} could not be started (${e.message}).`)));
    child.on('exit', (code) => (code === 0 ? ok() : fail(new SetupError('backup', `${what}: ${tool} failed (exit ${code}): ${err.trim().split('\n').slice(-3).join(' ')}`))));
  });
}

/** Writes a pg_dump custom-format backup of `databaseUrl` to `file`. */
export async function backupPostgres(databaseUrl: string, file: string): Promise<void> {
  const { url, password } = withoutPassword(databaseUrl);
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`], `backing up to ${file}`, password);
}

/** Restores `file` into the (new, empty) database of `databaseUrl`; refuses one that already holds Baton's tables. */
export async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  const database = await openDatabase({ databaseUrl, poolSize: 1 }).catch((e: Error) => {
    throw new SetupError('backup', `the database in DATABASE_URL cannot be opened (${e.message}).`);
  });
  try {
    const r = (await database.db.execute(sql`SELECT to_regclass('baton_migrations') IS NOT NULL AS used`)) as unknown as { rows: { used: boolean }[] };
    if (r.rows[0]?.used)
      throw new SetupError('backup', 'the database in DATABASE_URL already holds a Baton database. Restore into a new, empty one: `createdb baton_restored`, then DATABASE_URL=postgres://…/baton_restored npm run server -- restore FILE.');
  } catch (e) {
    if (e instanceof SetupError) throw e;
    throw new SetupError('backup', `the database in DATABASE_URL does not answer (${(e as Error).message}).`);
  } finally {
    await database.close();
  }
  const { url, password } = withoutPassword(databaseUrl);
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, file], `restoring ${file}`, password);
}
