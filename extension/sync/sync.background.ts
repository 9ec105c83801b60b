// Wires the sync engine into the service worker: an alarm (survives the
// worker being stopped), a start-up run, and the options page's requests.
import { browser } from 'wxt/browser';
import type { SyncRequest } from '@/extension/messaging/sync-protocol';
import { db } from '../db/database';
import { createSyncEngine, type SyncEngine } from './sync-engine.background';

let engine: SyncEngine | null = null;
export const syncEngine = (): SyncEngine => (engine ??= createSyncEngine(db()));

export function startSync(): void {
  const e = syncEngine();
  void browser.alarms.create('baton-sync', { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === 'baton-sync') void e.syncNow().then(() => e.updateBadge());
  });
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const msg = raw as SyncRequest;
    // Only extension pages (not content scripts) may sign in or trigger sync.
    if (sender.tab && !sender.url?.startsWith(browser.runtime.getURL(''))) return;
    if (msg?.type === 'sync:signIn') return e.signIn(msg.serverUrl, msg.token);
    if (msg?.type === 'sync:signOut') return e.signOut().then(() => ({ ok: true }));
    if (msg?.type === 'sync:now') return e.syncNow().then(() => ({ ok: true }));
    if (msg?.type === 'api:call') return e.serverCall(msg.method, msg.path, msg.body);
    return undefined;
  });
  void e.syncNow();
}
