// Applies server/db/migrations/*.sql in order, once each, under an advisory
// lock so two servers starting together do not race.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database, Db } from './connect';
import { keepPositionsAhead } from '../packets/change-position';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function migrate(database: Database): Promise<string[]> {
  const applied: string[] = [];
  await database.exec('CREATE TABLE IF NOT EXISTS baton_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7304221)`);
    const done = new Set(
      ((await tx.execute(sql`SELECT name FROM baton_migrations`)) as unknown as { rows: { name: string }[] }).rows.map((r) => r.name),
    );
    for (const file of migrationFiles()) {
      if (done.has(file)) continue;
      for (const statement of splitStatements(readFileSync(join(DIR, file), 'utf8'))) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO baton_migrations (name) VALUES (${file})`);
      applied.push(file);
    }
    await tx.execute(keepPositionsAhead);
  });
  return applied;
}

/** The migration files this server version carries, in order. */
export const migrationFiles = (): string[] => readdirSync(DIR).filter((f) => f.endsWith('.sql')).sort();

/** Migrations this server carries that the database has not applied (all of them on a database never migrated). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  let done: Set<string>;
  try {
    done = new Set(((await db.execute(sql`SELECT name FROM baton_migrations`)) as unknown as { rows: { name: string }[] }).rows.map((r) => r.name));
  } catch (e) {
    if ((e as { code?: string }).code === '42P01' || (e as { cause?: { code?: string } }).cause?.code === '42P01') return migrationFiles();
    throw e;
  }
  return migrationFiles().filter((f) => !done.has(f));
}

/** Migrations are plain DDL (no function bodies), so ';' at a line end ends a statement. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*\n/)
    .map((s) => s.trim().replace(/;$/, ''))
    .filter(Boolean);
}
