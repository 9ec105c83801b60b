// Wires the sync engine into the service worker: an alarm (survives the
// worker being stopped), a start-up run, and the options page's requests.
import { browser } from 'wxt/browser';
import { onRuntimeMessages } from '@/extension/messaging/channel';
import { db } from '../db/database';
import { watchManaged } from '../storage/managed';
import { createAccountSignIn } from './account-sign-in';
import { browserSignals } from './browser-signals';
import { createSyncEngine, type SyncEngine } from './sync-engine.background';

let engine: SyncEngine | null = null;
export const syncEngine = (): SyncEngine => (engine ??= createSyncEngine(db()));

/** Sign-in without a hand-copied token; the provider's page opens in the browser's own sign-in window. */
const accountSignIn = () =>
  createAccountSignIn({
    fetch: (...a) => fetch(...a),
    launch: async (url) => (await browser.identity.launchWebAuthFlow({ url, interactive: true })) ?? '',
    redirectUri: browser.identity.getRedirectURL(),
    locale: browserSignals.locale,
    keep: (serverUrl, token) => syncEngine().signIn(serverUrl, token),
  });

export function startSync(): void {
  const e = syncEngine();
  void browser.alarms.create('baton-sync', { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === 'baton-sync') void e.syncNow().then(() => e.updateBadge());
  });
  // Parsed with the message map; only extension pages (not content scripts) may send these.
  onRuntimeMessages({
    'sync:signIn': (m) => e.signIn(m.serverUrl, m.token),
    'auth:company': (m) => accountSignIn().withCompanyAccount(m.serverUrl, m.team),
    'auth:code': (m) => accountSignIn().withCode(m.serverUrl, m.email, m.code),
    'sync:signOut': () => e.signOut().then(() => ({ ok: true })),
    'sync:now': () => e.syncNow().then(() => ({ ok: true })),
    'api:call': (m) => e.serverCall(m.method, m.path, m.body),
  });
  watchManaged(() => void e.followPolicy());
  void e.followPolicy().then(() => e.syncNow());
}
