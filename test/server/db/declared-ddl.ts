// What server/db/schema.ts declares, written out as DDL for a scratch schema:
// the database then normalises the declaration exactly as it normalises the
// migrations (types, defaults, predicates), so the two compare line by line.
import { is, SQL } from 'drizzle-orm';
import { getTableConfig, IndexedColumn, PgDialect, PgTable, isPgSequence, type PgSequence } from 'drizzle-orm/pg-core';
import type { Exclusion } from '@/server/db/schema';

export type TableConfig = ReturnType<typeof getTableConfig>;

/** The tables, free sequences and exclusion constraints a schema module exports. */
export interface Declaration {
  tables: TableConfig[];
  sequences: PgSequence[];
  exclusions: readonly Exclusion[];
}

export function declarationOf(module: Record<string, unknown>, exclusions: readonly Exclusion[]): Declaration {
  const values = Object.values(module);
  return {
    tables: values.filter((v): v is PgTable => is(v, PgTable)).map((t) => getTableConfig(t)),
    sequences: values.filter(isPgSequence),
    exclusions,
  };
}

const dialect = new PgDialect();
const q = (name: string) => `"${name}"`;

/** SQL text of a Drizzle `sql` fragment; bare column names, no parameters (a DDL cannot take them). */
function render(fragment: SQL): string {
  const { sql, params } = dialect.sqlToQuery(fragment, 'indexes');
  if (params.length) throw new Error(`schema.ts: a DDL fragment takes no parameters: ${sql}`);
  return sql;
}

function literal(value: unknown): string {
  if (is(value, SQL)) return render(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

function indexColumn(c: unknown): string {
  if (is(c, SQL)) return render(c);
  if (is(c, IndexedColumn) && c.name) return q(c.name);
  throw new Error('schema.ts: an index column is neither a column nor SQL');
}

function createTable(schema: string, t: TableConfig): string[] {
  const table = `${q(schema)}.${q(t.name)}`;
  const lines = t.columns.map(
    (c) => `${q(c.name)} ${c.getSQLType()}${c.notNull ? ' NOT NULL' : ''}${c.default !== undefined ? ` DEFAULT ${literal(c.default)}` : ''}`,
  );
  const pk = [...t.columns.filter((c) => c.primary).map((c) => c.name), ...t.primaryKeys.flatMap((p) => p.columns.map((c) => c.name))];
  if (pk.length) lines.push(`PRIMARY KEY (${pk.map(q).join(', ')})`);
  for (const c of t.columns.filter((c) => c.isUnique)) lines.push(`CONSTRAINT ${q(c.uniqueName!)} UNIQUE (${q(c.name)})`);
  for (const u of t.uniqueConstraints) lines.push(`CONSTRAINT ${q(u.getName()!)} UNIQUE (${u.columns.map((c) => q(c.name)).join(', ')})`);
  for (const c of t.checks) lines.push(`CONSTRAINT ${q(c.name)} CHECK (${render(c.value)})`);
  const statements = [`CREATE TABLE ${table} (\n  ${lines.join(',\n  ')}\n)`];
  for (const i of t.indexes) {
    const { name, unique, method, columns, where } = i.config;
    const cols = columns.map(indexColumn);
    statements.push(
      `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${q(name!)} ON ${table} USING ${method ?? 'btree'} (${cols.join(', ')})${where ? ` WHERE ${render(where)}` : ''}`,
    );
  }
  return statements;
}

function foreignKeys(schema: string, t: TableConfig): string[] {
  return t.foreignKeys.map((fk) => {
    const r = fk.reference();
    const target = getTableConfig(r.foreignTable).name;
    return (
      `ALTER TABLE ${q(schema)}.${q(t.name)} ADD FOREIGN KEY (${r.columns.map((c) => q(c.name)).join(', ')}) ` +
      `REFERENCES ${q(schema)}.${q(target)} (${r.foreignColumns.map((c) => q(c.name)).join(', ')})` +
      `${fk.onDelete ? ` ON DELETE ${fk.onDelete}` : ''}${fk.onUpdate ? ` ON UPDATE ${fk.onUpdate}` : ''}`
    );
  });
}

function exclusion(schema: string, x: Exclusion): string {
  const elements = x.elements.map(([column, op]) => `${q(column)} WITH ${op}`).join(', ');
  return `ALTER TABLE ${q(schema)}.${q(x.table)} ADD CONSTRAINT ${q(x.name)} EXCLUDE USING ${x.using} (${elements})${x.where ? ` WHERE (${render(x.where)})` : ''}`;
}

/** DDL statements creating the declaration in `schema` (which must exist and be first on the search path). */
export function declaredDdl(schema: string, d: Declaration): string[] {
  return [
    ...d.sequences.map((s) => `CREATE SEQUENCE ${q(schema)}.${q(s.seqName!)}`),
    ...d.tables.flatMap((t) => createTable(schema, t)),
    ...d.tables.flatMap((t) => foreignKeys(schema, t)),
    ...d.exclusions.map((x) => exclusion(schema, x)),
  ];
}
