// Notifications are written to webhook_outbox in the same transaction as the
// change they announce, then delivered with retries and backoff. A receiver
// that is down loses nothing; the Idempotency-Key header lets it drop repeats.
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '../audit';
import type { Db } from '../db/connect';
import { webhookOutbox, webhooks } from '../db/schema';
import { formatNotice, type Notice } from './format';

export async function enqueueNotice(tx: Tx, teamId: number, eventId: string, notice: Notice): Promise<void> {
  const hooks = await tx.select().from(webhooks).where(eq(webhooks.teamId, teamId));
  for (const h of hooks) {
    await tx
      .insert(webhookOutbox)
      .values({ teamId, webhookId: h.id, idempotencyKey: `${eventId}:${h.id}`, body: formatNotice(h.kind, notice) })
      .onConflictDoNothing();
  }
}

export const backoffMs = (attempts: number) => Math.min(3_600_000, 2_000 * 2 ** Math.min(attempts, 20));

/** Sends what is due; returns how many were delivered. Safe to run from several servers at once. */
export async function deliverDue(db: Db, fetchImpl: typeof fetch = fetch, limit = 20): Promise<number> {
  let delivered = 0;
  await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookOutbox.id, body: webhookOutbox.body, key: webhookOutbox.idempotencyKey, attempts: webhookOutbox.attempts, url: webhooks.url })
      .from(webhookOutbox)
      .innerJoin(webhooks, eq(webhooks.id, webhookOutbox.webhookId))
      .where(and(isNull(webhookOutbox.deliveredAt), lte(webhookOutbox.nextAt, sql`now()`)))
      .orderBy(webhookOutbox.id)
      .limit(limit)
      .for('update', { skipLocked: true, of: webhookOutbox });
    for (const d of due) {
      let error: string | null = null;
      try {
        const res = await fetchImpl(d.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': d.key },
          body: JSON.stringify(d.body),
          signal: AbortSignal.timeout(5000),
        });
        if (!res.ok) error = `HTTP ${res.status}`;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      if (!error) {
        delivered++;
        await tx.update(webhookOutbox).set({ deliveredAt: new Date(), attempts: d.attempts + 1, lastError: null }).where(eq(webhookOutbox.id, d.id));
      } else {
        await tx
          .update(webhookOutbox)
          .set({ attempts: d.attempts + 1, lastError: error.slice(0, 500), nextAt: new Date(Date.now() + backoffMs(d.attempts)) })
          .where(eq(webhookOutbox.id, d.id));
      }
    }
  });
  return delivered;
}
