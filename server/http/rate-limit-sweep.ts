// rate_limits keeps one row per token and minute (./rate-count.ts); only the
// current minute is ever read, so older rows are deleted by the server's
// minute job (server/jobs.ts). A row is kept STALE_AFTER past its minute, so a
// server whose clock runs a little behind the database's still finds its own.
// Bounded: at most `limit` rows a round, so a table grown large before this
// job existed shrinks over a few rounds instead of in one long statement.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect';

const STALE_AFTER = '5 minutes';

/** Deletes up to `limit` rows of windows that started more than STALE_AFTER ago; how many it deleted. */
export async function sweepRateLimits(db: Db, limit = 5_000): Promise<number> {
  const res = (await db.execute(sql`
    WITH gone AS (
      DELETE FROM rate_limits WHERE ctid IN (
        SELECT ctid FROM rate_limits WHERE window_start < now() - ${STALE_AFTER}::interval LIMIT ${limit})
      RETURNING 1)
    SELECT count(*)::int AS n FROM gone`)) as unknown as { rows: { n: number }[] };
  return res.rows[0]!.n;
}
