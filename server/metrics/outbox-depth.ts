// Outbox depth, read from the database when metrics are collected (a scrape):
// webhook notices waiting, and those given up on. Both counts use the
// outbox's partial indexes. Every server process reports the same numbers, so
// a cluster's aggregate takes the max, not the sum.
import { sql } from 'drizzle-orm';
import { Gauge } from 'prom-client';
import type { Db } from '../db/connect';

let source: Db | null = null;
let last: Promise<{ pending: number; failed: number } | null> | null = null;

/** The database the outbox gauges read (the serving app's). */
export function watchOutbox(db: Db): void {
  source = db;
}

/** One read per scrape (both gauges share it), at most 2 s; a database that is away leaves the last values. */
function read(): Promise<{ pending: number; failed: number } | null> {
  if (!source) return Promise.resolve(null);
  last ??= Promise.race([
    source
      .execute(
        sql`SELECT (SELECT count(*) FROM webhook_outbox WHERE delivered_at IS NULL AND failed_at IS NULL)::int AS pending,
                   (SELECT count(*) FROM webhook_outbox WHERE failed_at IS NOT NULL)::int AS failed`,
      )
      .then((r) => (r as unknown as { rows: { pending: number; failed: number }[] }).rows[0] ?? null),
    new Promise<null>((ok) => setTimeout(() => ok(null), 2_000).unref()),
  ])
    .catch(() => null)
    .finally(() => setTimeout(() => (last = null), 0));
  return last;
}

const outboxGauge = (name: string, help: string, pick: (r: { pending: number; failed: number }) => number) =>
  new Gauge({
    name,
    help,
    aggregator: 'max',
    async collect() {
      const r = await read();
      if (r) this.set(pick(r));
    },
  });

export const outboxDepth = outboxGauge('baton_outbox_depth', 'Webhook notices waiting to be delivered (the server-side outbox)', (r) => r.pending);
export const outboxFailed = outboxGauge('baton_outbox_failed', 'Webhook notices given up on (kept, with the chat tool’s message, in the admin view)', (r) => r.failed);
