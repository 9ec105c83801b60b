// Local-first sync (extension/sync/README.md), composed from parts with one job each:
// the HTTP client (http-client.ts), sign-in (auth.ts), packets' push and pull
// (push-pull.ts), pending claims (claim-queue.ts), the claims cache with badge
// and notifications (claims-cache.ts), handoffs to me (handoffs-cache.ts), the team's settings (team-settings.ts)
// and the calls pages forward (server-proxy.ts). This file runs them in order:
// on an alarm, shortly after local edits, and on demand; backing off with
// jitter while the server is away. All state is in IndexedDB, so a killed and
// restarted service worker carries on where it stopped.
import { backoffDelay } from '@/extension/messaging/sync-status';
import { readManaged } from '@/extension/storage/managed';
import { translate } from '@/lib/i18n/translate';
import { managedSignInRefusal } from '@/lib/settings/managed-config';
import type { BatonDB } from '../db/database';
import type { SyncAuth } from '../db/sync-auth';
import { createAuth } from './auth';
import { browserSignals } from './browser-signals';
import { createClaimQueue } from './claim-queue';
import { createClaimsCache } from './claims-cache';
import { dexieAuthStore, dexieClaimsStore, dexieHandoffsStore, dexiePendingClaims, dexieReplicaStore, dexieSettingsStore } from './dexie-stores';
import { createHandoffsCache } from './handoffs-cache';
import { createServerClient, ServerUnreachable, TokenRefused } from './http-client';
import { createPushPull } from './push-pull';
import { createServerProxy } from './server-proxy';
import { markSyncRun } from './sync-probe.background';
import { createStatusBoard } from './sync-status-board';
import { createTeamSettings } from './team-settings';

export type { CommandResult } from './server-proxy';

export function createSyncEngine(db: BatonDB, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  const client = createServerClient(fetchImpl);
  const auth = createAuth(client, dexieAuthStore(db), browserSignals.locale, async () => (await readManaged()).config);
  const status = createStatusBoard(db);
  const packets = createPushPull(client, dexieReplicaStore(db));
  const settings = createTeamSettings(client, dexieSettingsStore(db));
  const claims = createClaimsCache(client, dexieClaimsStore(db), browserSignals);
  const handoffs = createHandoffsCache(client, dexieHandoffsStore(db));
  // Claims and what a reassignment handed me change together: one refresh for both.
  const refreshClaims = async (a: SyncAuth) => {
    await settings.refreshClaimPolicy(a);
    await claims.refresh(a);
    await handoffs.refresh(a);
  };
  const proxy = createServerProxy({ client, signedIn: auth.current, syncNow, rebase: packets.rebase, refreshClaims });
  const queue = createClaimQueue({ client, store: dexiePendingClaims(db), serverCall: proxy.serverCall, retryLater: () => schedule(backoffDelay(attempt)) });

  let running: Promise<void> | null = null;
  let again = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function runOnce(): Promise<void> {
    const startedAt = performance.now();
    const a = await auth.current();
    if (!a) return status.set({ state: 'signedOut', user: null, message: null });
    await status.set({ state: 'syncing', user: { name: a.user.name, role: a.user.role, team: a.team.name } });
    try {
      await packets.pushAll(a);
      await queue.flush(a);
      await packets.pullAll(a);
      await refreshClaims(a);
      await settings.refreshTeam(a);
      attempt = 0;
      const [pending, refused] = await Promise.all([db.outbox.count(), db.refusals.count()]);
      await status.set({ state: pending ? 'pending' : refused ? 'refused' : 'synced', lastSyncAt: new Date().toISOString(), offlineSince: null, message: null });
      markSyncRun(startedAt);
    } catch (e) {
      if (e instanceof ServerUnreachable) {
        const cur = await status.current();
        await status.set({ state: 'offline', offlineSince: cur?.offlineSince ?? new Date().toISOString(), message: e.message });
        schedule(backoffDelay(attempt++));
      } else if (e instanceof TokenRefused) {
        await status.set({ state: 'error', message: translate(await browserSignals.locale(), 'error.unauthenticated') });
      } else {
        await status.set({ state: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    }
  }

  /** One sync run now; a call during a run asks for one more run after it (both callers wait for it). */
  function syncNow(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(ms: number): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void syncNow();
    }, ms);
  }

  async function signIn(serverUrl: string, token: string) {
    const r = await auth.signIn(serverUrl, token);
    if (r.ok) void syncNow();
    return r;
  }

  async function signOut(): Promise<void> {
    await auth.signOut();
    await status.set({ state: 'signedOut', user: null, lastSyncAt: null, offlineSince: null, message: null });
  }

  /**
   * A session on a server or team the organization's policy no longer names
   * ends (a managed value overrides the person's setting); the sidebar then
   * points at the managed server. Edits waiting in the outbox stay.
   */
  async function followPolicy(): Promise<void> {
    const a = await auth.current();
    if (a && managedSignInRefusal((await readManaged()).config, { serverUrl: a.serverUrl, team: a.team })) await signOut();
  }

  return { syncNow, schedule, signIn, signOut, followPolicy, command: proxy.command, setStatus: status.set, serverCall: proxy.serverCall, claim: queue.claim, updateBadge: claims.updateBadge };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
