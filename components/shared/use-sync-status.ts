import { useSyncExternalStore } from 'react';
import { readStored, watchStored } from '@/extension/messaging/storage';
import { SYNC_STATUS } from '@/extension/messaging/storage-keys';
import { initialSyncStatus, type SyncStatus } from '@/extension/messaging/sync-status';

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
  // A removed or unfit value reads as signed out (the key's fallback).
  watchStored(SYNC_STATUS, publish);
  void readStored(SYNC_STATUS).then((status) => {
    if (current === null) publish(status);
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
