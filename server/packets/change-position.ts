// Where a packet change sits in the pull order, without a team-wide lock.
//
// A change's position is base + the id of the transaction that wrote it
// (pg_current_xact_id(), a 64-bit id that only grows). base is the last value
// the old change_seq sequence handed out (migration 0008), so every position
// is above every cursor a client already holds.
//
// Writers no longer queue: positions are fixed before commit and transactions
// commit in any order. A pull therefore takes only changes below the watermark:
// base + the oldest transaction of this database still in flight when its
// snapshot was taken. Every transaction not yet visible has an id at or above
// that, so a change can never commit behind a cursor that was handed out.
// Transactions of other databases in the cluster cannot write here and are
// left out of the watermark, but only when pg_stat_activity positively names
// their database; anything unknown holds the watermark back (safe: a change
// comes one pull later, never lost).
import { sql } from 'drizzle-orm';

const BASE = sql`(SELECT last_value FROM change_seq)`;

/** The position of a change written in the current transaction (bigint). */
export const changePosition = sql`${BASE} + pg_current_xact_id()::text::bigint`;

/** Positions below this are final: nothing can commit there any more (bigint, one value per statement). */
export const pullWatermark = sql`(SELECT ${BASE} + COALESCE(
  (SELECT min(x::text::bigint) FROM pg_snapshot_xip(pg_current_snapshot()) AS x
    WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a
      WHERE a.backend_xid::text = (x::text::bigint % 4294967296)::text AND a.datname IS DISTINCT FROM current_database())),
  pg_snapshot_xmax(pg_current_snapshot())::text::bigint))`;

/**
 * After a logical restore (pg_dump into a new cluster) transaction ids start
 * low again while stored positions stay high; new changes would sort behind
 * cursors clients hold. Raise base above every stored position then. In normal
 * running every stored position is below base + the next transaction id, so
 * this changes nothing (safe to run at each start, from several servers).
 */
export const keepPositionsAhead = sql`SELECT setval('change_seq', m.top)
  FROM (SELECT max(seq) AS top FROM packets) m
  WHERE m.top >= ${BASE} + pg_snapshot_xmax(pg_current_snapshot())::text::bigint`;
