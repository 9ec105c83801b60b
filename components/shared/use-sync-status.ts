import { readStored, watchStored } from '@/extension/messaging/storage';
import { SYNC_STATUS } from '@/extension/messaging/storage-keys';
import { initialSyncStatus, type SyncStatus } from '@/extension/messaging/sync-status';
import { pageStore } from './page-store';

// A removed or unfit value reads as signed out (the key's fallback); the first
// read does not overwrite a change the watch has already delivered.
const useStatus = pageStore<SyncStatus>((publish) => {
  watchStored(SYNC_STATUS, publish);
  void readStored(SYNC_STATUS).then((status) => publish(status, true));
});

/** Sync state as the background last wrote it (storage.local, nothing secret); null until storage has answered. */
export function useSyncStatusOrNull(): SyncStatus | null {
  return useStatus();
}

/** Sync state as the background last wrote it; signed out until storage has answered. */
export function useSyncStatus(): SyncStatus {
  return useSyncStatusOrNull() ?? initialSyncStatus;
}
