// Notifications are written to webhook_outbox in the same transaction as the
// change they announce, then delivered (./deliver) with retries, paced to each
// tool's limits. A receiver that is down loses nothing; the Idempotency-Key
// header lets it drop repeats.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../audit';
import { users, webhookOutbox, webhooks } from '../db/schema';
import type { Notice } from './format';
import type { Mention } from './providers/types';

export { backoffMs, deliverDue, type DeliveryOptions } from './deliver';

/** What an outbox row holds: the notice and the chat identities of the people it is for. */
export interface StoredNotice {
  event: Notice['event'];
  title: string;
  lines: string[];
  url?: string;
  mentions: Mention[];
}

/** The people `ids` of `teamId` who have a chat identity, to @mention (partners never). */
export async function mentionsOf(tx: Tx, teamId: number, ids: number[] | undefined): Promise<Mention[]> {
  if (!ids?.length) return [];
  const rows = await tx.select({ name: users.name, chat: users.chat, channel: users.channel }).from(users).where(and(eq(users.teamId, teamId), inArray(users.id, [...new Set(ids)].slice(0, 20))));
  // A partner is never named in team chat, so never @mentioned either.
  return rows.filter((u) => !u.channel?.startsWith('partner:') && Object.keys(u.chat ?? {}).length > 0).map((u) => ({ name: u.name, chat: u.chat }));
}

export async function enqueueNotice(tx: Tx, teamId: number, eventId: string, notice: Notice): Promise<void> {
  const hooks = await tx.select({ id: webhooks.id }).from(webhooks).where(and(eq(webhooks.teamId, teamId), isNull(webhooks.removedAt)));
  if (!hooks.length) return;
  const stored: StoredNotice = { event: notice.event, title: notice.title, lines: notice.lines, ...(notice.url ? { url: notice.url } : {}), mentions: await mentionsOf(tx, teamId, notice.for) };
  for (const h of hooks) {
    await tx.insert(webhookOutbox).values({ teamId, webhookId: h.id, idempotencyKey: `${eventId}:${h.id}`, body: stored }).onConflictDoNothing();
  }
}
