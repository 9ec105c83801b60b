// Requests a minute per token, shared by every server process through the
// database, without a write per request (issue 14: every request upserted its
// count). Each process counts here and adds what it counted to the shared row
// at most every FLUSH_MS, in one statement for all tokens; the answer is the
// team-wide count. A token is judged on the last shared count plus what this
// process has counted since, so requests to other processes are seen at most
// FLUSH_MS late (and never at all by a process that is not asked again).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect';

export const FLUSH_MS = 1_000;
const MINUTE = 60_000;

interface TokenCount {
  /** start of the minute counted (ms since the epoch) */
  window: number;
  /** the shared count when last added to, this process's additions included */
  shared: number;
  /** counted here, being added to the shared row now */
  sending: number;
  /** counted here since */
  pending: number;
}

export interface RateCounter {
  /** Counts one request of the token; its requests this minute so far and the seconds until the minute ends. */
  count(tokenId: number, now?: number): { count: number; retryAfter: number };
}

function rateCounter(db: Db): RateCounter {
  const counts = new Map<number, TokenCount>();
  let flushing = false;
  let lastFlush = 0;

  async function flush(now: number) {
    flushing = true;
    lastFlush = now;
    const batch: { t: number; w: number; n: number }[] = [];
    for (const [t, c] of counts) {
      if (c.pending) batch.push({ t, w: c.window, n: c.pending });
      c.sending += c.pending;
      c.pending = 0;
    }
    const settle = (apply: (c: TokenCount, b: (typeof batch)[number]) => void) => {
      for (const b of batch) {
        const c = counts.get(b.t);
        if (c && c.window === b.w) apply(c, b);
      }
    };
    try {
      // Sorted by token, so two processes adding at once lock rows in the same order.
      const res = (await db.execute(sql`
        INSERT INTO rate_limits (token_id, window_start, count)
        SELECT j.t, to_timestamp(j.w / 1000.0), j.n FROM json_to_recordset(${JSON.stringify(batch)}::json) AS j(t bigint, w bigint, n int) ORDER BY j.t
        ON CONFLICT (token_id, window_start) DO UPDATE SET count = rate_limits.count + excluded.count
        RETURNING token_id, count`)) as unknown as { rows: { token_id: number | string; count: number }[] };
      const shared = new Map(res.rows.map((r) => [Number(r.token_id), r.count]));
      settle((c, b) => {
        c.shared = Math.max(c.shared, shared.get(b.t) ?? 0);
        c.sending -= b.n;
      });
    } catch {
      // The database is away: keep the counts for the next try (the request itself fails on its own query).
      settle((c, b) => {
        c.sending -= b.n;
        c.pending += b.n;
      });
    } finally {
      flushing = false;
    }
  }

  return {
    count(tokenId, now = Date.now()) {
      const window = now - (now % MINUTE);
      let c = counts.get(tokenId);
      if (!c || c.window !== window) counts.set(tokenId, (c = { window, shared: 0, sending: 0, pending: 0 }));
      c.pending++;
      if (!flushing && now - lastFlush >= FLUSH_MS) {
        for (const [t, old] of counts) if (old.window < window && !old.pending && !old.sending) counts.delete(t);
        void flush(now);
      }
      return { count: c.shared + c.sending + c.pending, retryAfter: Math.ceil((window + MINUTE - now) / 1000) };
    },
  };
}

const counters = new WeakMap<object, RateCounter>();

/** The counter of one database handle (every app on it counts together, as they did in the database). */
export function rateCounterOf(db: Db): RateCounter {
  let c = counters.get(db);
  if (!c) counters.set(db, (c = rateCounter(db)));
  return c;
}
