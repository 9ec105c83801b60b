// The sync status every surface shows (extension/messaging/sync-status.ts),
// written by the background to storage.local with the outbox and refusal
// counts read fresh from IndexedDB at each change.
import { initialSyncStatus, type SyncStatus } from '@/extension/messaging/sync-status';
import { readStored, writeStored } from '@/extension/messaging/storage';
import { SYNC_STATUS } from '@/extension/messaging/storage-keys';
import type { BatonDB } from '../db/database';

export function createStatusBoard(db: BatonDB) {
  // Parsed with its typed key (extension/messaging/storage-keys.ts): absent or unfit reads as signed out.
  const current = (): Promise<SyncStatus> => readStored(SYNC_STATUS);

  /** The stored status with `patch` applied and the counts refreshed. */
  async function set(patch: Partial<SyncStatus>): Promise<void> {
    const [cur, pending, refused] = await Promise.all([current(), db.outbox.count(), db.refusals.count()]);
    const next: SyncStatus = { ...initialSyncStatus, ...(cur ?? {}), pending, refused, ...patch };
    await writeStored(SYNC_STATUS, next);
  }

  return { current, set };
}

export type StatusBoard = ReturnType<typeof createStatusBoard>;
