// What the popup, sidebar and options page show about sync. Kept in
// storage.local (nothing secret in it) so every surface can follow it; read
// through the typed storage keys (storage-keys.ts), never cast.
import * as z from 'zod/mini'; // read through storage-keys.ts, which the content script imports (issue 14's bundle budget)

export const syncStatusSchema = z.object({
  /** 'refused': everything sent, but some edits were refused and await the person (never shown as synced) */
  state: z.enum(['signedOut', 'synced', 'pending', 'refused', 'syncing', 'offline', 'error']),
  /** edits queued in the outbox */
  pending: z.number(),
  /** edits the server refused, kept until the person resolves each one */
  refused: z.number(),
  /** ISO 8601 instants */
  lastSyncAt: z.nullable(z.string()),
  offlineSince: z.nullable(z.string()),
  message: z.nullable(z.string()),
  user: z.nullable(z.object({ name: z.string(), role: z.string(), team: z.string() })),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const SYNC_STATUS_KEY = 'syncStatus';

export const initialSyncStatus: SyncStatus = { state: 'signedOut', pending: 0, refused: 0, lastSyncAt: null, offlineSince: null, message: null, user: null };

/** Exponential backoff with full jitter, capped. */
export function backoffDelay(attempt: number, random = Math.random): number {
  const cap = Math.min(5 * 60_000, 2_000 * 2 ** Math.min(attempt, 10));
  return Math.round(cap / 2 + random() * (cap / 2));
}
