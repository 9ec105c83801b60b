// A statement PostgreSQL parses and plans once per connection, then reuses
// (a named prepared statement, issue 14: the claim look-up's statement took
// ~4 ms to plan and 0.25 ms to run). Only for statements whose text never
// changes (every value a parameter): PostgreSQL keeps one text per name.
// PGlite runs it as any statement (its driver has no named statements).
import type { SQL } from 'drizzle-orm';
import type { Tx } from '../audit';
import type { Db } from './connect';

/** What drizzle's database and transaction objects carry (not in its public types): the dialect that renders SQL and the session that runs it. */
interface DrizzleInternals {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): { execute(): Promise<unknown> } };
}

/** Runs `query` as the prepared statement `name`; the driver's result, as db.execute gives it. */
export function executeNamed<R>(db: Db | Tx, name: string, query: SQL): Promise<{ rows: R[] }> {
  const d = db as unknown as DrizzleInternals;
  return d.session.prepareQuery(d.dialect.sqlToQuery(query), undefined, name, false).execute() as Promise<{ rows: R[] }>;
}
