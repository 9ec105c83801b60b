// What a database schema holds, read from pg_catalog as sorted lines in the
// database's own normal form: one line per column (type, nullability,
// default), constraint (primary key, unique, foreign key, check, exclusion),
// index (method, columns, predicate) and sequence.
import { sql } from 'drizzle-orm';
import type { Database } from '@/server/db/connect';

type Rows = { rows: Record<string, unknown>[] };

/** The migrator's own bookkeeping table is not part of Baton's schema. */
const IGNORED_TABLE = 'baton_migrations';

export async function describeSchema(database: Database, schema: string): Promise<string[]> {
  return database.db.transaction(async (tx) => {
    // Names in the schema read print unqualified (regclass, foreign key targets).
    await tx.execute(sql.raw(`SET LOCAL search_path = "${schema}", public`));
    const read = async (query: ReturnType<typeof sql>) => ((await tx.execute(query)) as unknown as Rows).rows.map((r) => String(r.line));
    const lines = [
      ...(await read(sql`
        SELECT c.relname || ' column ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
               || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
               || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') AS line
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
          LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
         WHERE n.nspname = ${schema} AND c.relkind = 'r' AND c.relname <> ${IGNORED_TABLE}`)),
      ...(await read(sql`
        SELECT c.relname || ' constraint ' || k.conname || ' ' || pg_get_constraintdef(k.oid) AS line
          FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = ${schema} AND c.relname <> ${IGNORED_TABLE}`)),
      ...(await read(sql`
        SELECT c.relname || ' index ' || replace(pg_get_indexdef(i.indexrelid), ' ON ' || quote_ident(n.nspname) || '.', ' ON ') AS line
          FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = ${schema} AND c.relname <> ${IGNORED_TABLE}`)),
      ...(await read(sql`
        SELECT 'sequence ' || c.relname AS line
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = ${schema} AND c.relkind = 'S'`)),
    ];
    return lines.sort();
  });
}

/** Creates `schema` afresh and runs `ddl` in it. */
export async function createSchema(database: Database, schema: string, ddl: string[]): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    await tx.execute(sql.raw(`CREATE SCHEMA "${schema}"`));
    await tx.execute(sql.raw(`SET LOCAL search_path = "${schema}", public`));
    for (const statement of ddl) await tx.execute(sql.raw(statement));
  });
}
