import { useSyncExternalStore } from 'react';
import { browser } from 'wxt/browser';
import { initialSyncStatus, SYNC_STATUS_KEY, type SyncStatus } from '@/extension/messaging/sync-status';

// One copy per page, shared by every component: separate hook states could
// disagree for a moment (the options page once showed a rep the signed-out
// adapter editor while its header already named the rep).
let current: SyncStatus | null = null;
const listeners = new Set<() => void>();
let started = false;

function publish(next: SyncStatus) {
  current = next;
  for (const l of listeners) l();
}

function start() {
  if (started) return;
  started = true;
  browser.storage.onChanged.addListener((changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SYNC_STATUS_KEY]?.newValue) publish(changes[SYNC_STATUS_KEY].newValue as SyncStatus);
  });
  void browser.storage.local.get(SYNC_STATUS_KEY).then((g) => {
    if (current === null) publish((g[SYNC_STATUS_KEY] as SyncStatus | undefined) ?? initialSyncStatus);
  });
}

function subscribe(l: () => void) {
  start();
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Sync state as the background last wrote it (storage.local, nothing secret); null until storage has answered. */
export function useSyncStatusOrNull(): SyncStatus | null {
  return useSyncExternalStore(subscribe, () => current);
}

/** Sync state as the background last wrote it; signed out until storage has answered. */
export function useSyncStatus(): SyncStatus {
  return useSyncStatusOrNull() ?? initialSyncStatus;
}
