// My claims, cached for the popup, and what they call for: the toolbar badge
// (claims inside the policy's warning window) and a notification once per
// notice threshold. The server's clock is kept as an offset so countdowns
// follow server time, not this computer's clock. For managers, also what
// awaits them (extension requests, open conflicts).
import { claimCountSchema, claimsPageSchema, conflictCountSchema, type ClaimSummary } from '@/lib/claims/api-responses';
import { countdown } from '@/lib/claims/countdown';
import { dueNotices } from '@/lib/claims/notices';
import type { ClaimPolicy } from '@/lib/claims/policy';
import type { Locale } from '@/lib/i18n/locale';
import { translate } from '@/lib/i18n/translate';
import type { CachedClaim } from '../db/database';
import type { SyncAuth } from '../db/sync-auth';
import { readAs, type ServerClient } from './http-client';

const DAY_MS = 86_400_000;

/** For a manager's popup: extension requests awaiting a decision, open conflicts. */
export interface ManagerQueue {
  extensions: number;
  conflicts: number;
}

/** Where the cache lives (production: IndexedDB, extension/sync/dexie-stores.ts). */
export interface ClaimsStore {
  /** replaces the cache in one transaction */
  save(cache: { claims: ClaimSummary[]; serverOffsetMs: number; fetchedAt: string; managerQueue: ManagerQueue | null }): Promise<void>;
  claims(): Promise<CachedClaim[]>;
  serverOffsetMs(): Promise<number>;
  /** the cached policy in force, or the default one */
  policy(): Promise<ClaimPolicy>;
  noticesSent(): Promise<string[]>;
  setNoticesSent(keys: string[]): Promise<void>;
}

/** What the person sees outside the pages (production: the browser's action badge and notifications). */
export interface ClaimSignals {
  badge(text: string): Promise<void>;
  /** may fail (notifications turned off): the badge still counts the claim */
  notify(id: string, title: string, message: string): Promise<void>;
  locale(): Promise<Locale>;
}

/**
 * `now` is this computer's clock (ms since the epoch); the server's offset is
 * added to it. Read at each use, not bound once: the clock-skew drill moves it.
 */
export function createClaimsCache(client: ServerClient, store: ClaimsStore, signals: ClaimSignals, now: () => number = () => Date.now()) {
  /** Fetches my claims (and a manager's queue) and replaces the cache; a failed answer keeps the old cache. Then the badge. */
  async function refresh(auth: SyncAuth): Promise<void> {
    const t0 = now();
    const res = await client.send(auth, 'GET', '/v1/claims?scope=mine&limit=500');
    const page = res.status === 200 ? await readAs(res, claimsPageSchema) : null;
    if (!page) return;
    // The answer was made somewhere between sending and receiving: the midpoint.
    const serverOffsetMs = Date.parse(page.serverTime) - Math.round((t0 + now()) / 2);
    const managerQueue = auth.user.role === 'manager' || auth.user.role === 'admin' ? await queue(auth) : null;
    await store.save({ claims: page.claims, serverOffsetMs, fetchedAt: new Date(now()).toISOString(), managerQueue });
    await updateBadge();
  }

  async function queue(auth: SyncAuth): Promise<ManagerQueue | null> {
    const [ext, conf] = await Promise.all([client.send(auth, 'GET', '/v1/claims?scope=team&extension=requested&limit=500'), client.send(auth, 'GET', '/v1/claims/conflicts?state=open&limit=500')]);
    const [claims, conflicts] = ext.ok && conf.ok ? await Promise.all([readAs(ext, claimCountSchema), readAs(conf, conflictCountSchema)]) : [null, null];
    return claims && conflicts ? { extensions: claims.claims.length, conflicts: conflicts.conflicts.length } : null;
  }

  /** Badge: my live claims inside the policy's warning window. Notifications: once per threshold. */
  async function updateBadge(): Promise<void> {
    const at = now() + (await store.serverOffsetMs());
    const policy = await store.policy();
    const mine = await store.claims();
    const expiring = mine.filter((c) => !c.releasedAt && !c.wonAt && Date.parse(c.expiresAt) > at && Date.parse(c.expiresAt) - at <= policy.warnDays * DAY_MS).length;
    await signals.badge(expiring ? String(expiring) : '');
    await notifyExpiring(mine, policy, at);
  }

  async function notifyExpiring(mine: CachedClaim[], policy: ClaimPolicy, at: number): Promise<void> {
    const sent = new Set(await store.noticesSent());
    const due = dueNotices(mine, policy.notifyDays, at, sent);
    if (!due.length) return;
    const locale = await signals.locale();
    for (const n of due) {
      const c = mine.find((x) => x.id === n.claimId)!;
      const cd = countdown(c.expiresAt, at);
      const left = cd.days > 0 ? translate(locale, 'claims.left', { d: cd.days, h: cd.hours }) : translate(locale, 'claims.leftHours', { h: cd.hours, m: cd.minutes });
      try {
        await signals.notify(`baton-claim-${n.claimId}-${n.days}`, translate(locale, 'notice.expiringTitle', { name: c.customer }), left);
      } catch {
        // Notifications turned off for the browser: the badge still counts it.
      }
      n.settles.forEach((k) => sent.add(k));
    }
    // Keep the record small: only keys of claims still cached.
    const ids = new Set(mine.map((c) => String(c.id)));
    await store.setNoticesSent([...sent].filter((k) => ids.has(k.split(':')[0]!)));
  }

  return { refresh, updateBadge };
}

export type ClaimsCache = ReturnType<typeof createClaimsCache>;
