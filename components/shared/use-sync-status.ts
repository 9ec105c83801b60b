import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { initialSyncStatus, SYNC_STATUS_KEY, type SyncStatus } from '@/lib/messaging/sync-status';

/** Sync state as the background last wrote it (storage.local, nothing secret). */
export function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(initialSyncStatus);
  useEffect(() => {
    void browser.storage.local.get(SYNC_STATUS_KEY).then((g) => g[SYNC_STATUS_KEY] && setStatus(g[SYNC_STATUS_KEY] as SyncStatus));
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[SYNC_STATUS_KEY]?.newValue) setStatus(changes[SYNC_STATUS_KEY].newValue as SyncStatus);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  return status;
}
