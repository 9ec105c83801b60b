// Bulk-filled packets for benchmarks: each row its own change position, below
// the base (as rows written before migration 0008 are), so a pull pages
// through them as it would through a team's history. Only while nothing else
// writes: it moves the base (server/packets/change-position.ts).
import { sql } from 'drizzle-orm';
import type { Database } from '@/server/db/connect';

/** Reserves `n` positions; the rows take first + 0 … first + n - 1. */
export async function reservePositions(database: Database, n: number): Promise<number> {
  const res = (await database.db.execute(sql`SELECT last_value FROM change_seq`)) as unknown as { rows: { last_value: string | number }[] };
  const last = Number(res.rows[0]!.last_value);
  await database.db.execute(sql`SELECT setval('change_seq', ${last + n})`);
  return last + 1;
}
