// Local-first sync (extension/sync/README.md). Push: the outbox in batches, each mutation
// with its client-generated id, so a replay after a lost answer is harmless.
// Pull: packets changed since the cursor; each is rebased — the server's
// version plus this browser's still-unsent edits — so nothing typed is lost.
// Runs on an alarm, shortly after local edits, and on demand; backs off with
// jitter while the server is away. All state is in IndexedDB, so a killed and
// restarted service worker carries on where it stopped.
import { parseServerAddress } from '@/lib/sync/server-address';
import { browser } from 'wxt/browser';
import { newPacket, packetSchema, type Packet } from '@/lib/packet/schema';
import type { DealIdentity } from '@/lib/crm/types';
import { REFUSAL_CODES, type RefusalCode } from '@/lib/packet/edit-rights';
import { checklistTemplateSchema } from '@/lib/packet/checklist-template';
import { engagementPolicySchema } from '@/lib/engagement/policy';
import { TEAM_CURRENCY_KEY } from '@/lib/crm/team-currency';
import { applyOp } from '@/lib/sync/packet-ops';
import { HLC_PATTERN } from '@/lib/sync/hlc';
import { backoffDelay, SYNC_STATUS_KEY, type SyncStatus } from '@/extension/messaging/sync-status';
import { claimPolicySchema, DEFAULT_POLICY, type ClaimPolicy } from '@/lib/claims/policy';
import { dueNotices } from '@/lib/claims/notices';
import { countdown } from '@/lib/claims/countdown';
import { translate } from '@/lib/i18n/translate';
import { LOCALES, pickLocale, type Locale } from '@/lib/i18n/locale';
import { clientId, observeHlc } from '../db/client-clock';
import type { BatonDB, CachedClaim, OutboxEntry, PendingClaim } from '../db/database';
import { recordRefusals, type Refusal } from '../db/refusals';
import { getAuth, setAuth, type SyncAuth } from '../db/sync-auth';
import { markSyncRun } from './sync-probe.background';

const BATCH = 200;
/** Paths extension pages may call through the background (which alone holds the token). */
const PAGE_API = /^\/v1\/(me|users|tokens|claims|team)(\/[\w/-]*)?(\?.*)?$/;

class Retryable extends Error {}

export interface CommandResult {
  ok: boolean;
  status: number;
  error?: { code: string; message: string; missing?: string[] };
  packet?: Packet;
}

export function createSyncEngine(db: BatonDB, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  let running: Promise<void> | null = null;
  let again = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function setStatus(patch: Partial<SyncStatus>) {
    const cur = ((await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY] as SyncStatus | undefined) ?? null;
    const pending = await db.outbox.count();
    const refused = await db.refusals.count();
    const next: SyncStatus = {
      state: 'signedOut',
      lastSyncAt: null,
      offlineSince: null,
      message: null,
      user: null,
      ...(cur ?? {}),
      pending,
      refused,
      ...patch,
    };
    await browser.storage.local.set({ [SYNC_STATUS_KEY]: next });
  }

  async function api(auth: SyncAuth, method: string, path: string, body?: unknown): Promise<Response> {
    try {
      return await fetchImpl(new URL(path, auth.serverUrl).toString(), {
        method,
        headers: { authorization: `Bearer ${auth.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(20_000),
      });
    } catch (e) {
      throw new Retryable(e instanceof Error ? e.message : String(e));
    }
  }

  async function pushAll(auth: SyncAuth) {
    const client = await clientId(db);
    for (;;) {
      const batch = await db.outbox.orderBy('seq').limit(BATCH).toArray();
      if (!batch.length) return;
      const refused = await pushBatch(auth, client, batch);
      const touched = await recordRefusals(db, refused);
      for (const key of touched) await restoreFromServer(auth, key);
    }
  }

  /**
   * Sends one batch; applied and duplicate mutations leave the outbox, refused
   * ones are returned. A batch answered 400 (or 413) is split in halves until
   * the mutation(s) the server cannot take are alone: the good ones still go
   * through, and only the bad one is refused, with the server's words.
   */
  async function pushBatch(auth: SyncAuth, client: string, batch: OutboxEntry[]): Promise<Refusal[]> {
    const res = await api(auth, 'POST', '/v1/sync/push', {
      clientId: client,
      mutations: batch.map((m) => ({ id: m.id, packetKey: m.packetKey, op: m.op, hlc: m.hlc })),
    });
    if (res.status === 401) throw new Error('The server no longer accepts this token; sign in again.');
    if (res.status >= 500 || res.status === 429) throw new Retryable(`server answered ${res.status}`);
    if (res.status !== 200) {
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        return [...(await pushBatch(auth, client, batch.slice(0, half))), ...(await pushBatch(auth, client, batch.slice(half)))];
      }
      const json = (await res.json().catch(() => null)) as { error?: { message?: string; path?: string | null } } | null;
      const reason = json?.error ? `${json.error.message ?? ''}${json.error.path ? ` (${json.error.path})` : ''}` : `server answered ${res.status}`;
      return [{ entry: batch[0]!, code: 'invalid', reason }];
    }
    const { results } = (await res.json()) as { results: { id: string; status: string; code?: RefusalCode; reason?: string }[] };
    const byId = new Map(batch.map((m) => [m.id, m]));
    const refused: Refusal[] = [];
    const done: number[] = [];
    for (const r of results) {
      const entry = byId.get(r.id);
      if (!entry) continue;
      if (r.status === 'rejected') refused.push({ entry, code: REFUSAL_CODES.includes(r.code as RefusalCode) ? r.code! : 'invalid', reason: r.reason ?? '' });
      else done.push(entry.seq!);
    }
    await db.outbox.bulkDelete(done);
    return refused;
  }

  /** After a refusal the local copy still shows the refused edit: take the server's version (plus unsent edits) again. */
  async function restoreFromServer(auth: SyncAuth, key: string) {
    const res = await api(auth, 'GET', `/v1/packets/${encodeURIComponent(key)}`);
    if (res.status === 200) {
      const parsed = packetSchema.safeParse(((await res.json()) as { packet: unknown }).packet);
      if (parsed.success) await rebase(parsed.data);
      return;
    }
    if (res.status !== 404) return;
    // Not on the server (nobody may start it from here): an empty packet of the deal, plus unsent edits.
    const local = await db.packets.get(key);
    if (local) await rebase({ ...newPacket(local.identity as DealIdentity, local.deal, local.dealUrl, new Date(local.createdAt)), updatedAt: local.updatedAt });
  }

  async function rebase(server: Packet) {
    await db.transaction('rw', db.packets, db.outbox, async () => {
      const pending = await db.outbox.where('packetKey').equals(server.key).sortBy('seq');
      const local = pending.reduce((p, m) => applyOp(p, m.op), server);
      await db.packets.put(local);
    });
  }

  async function pullAll(auth: SyncAuth) {
    let cursor = ((await db.meta.get('cursor'))?.value as number | undefined) ?? 0;
    for (;;) {
      const res = await api(auth, 'GET', `/v1/sync/pull?cursor=${cursor}&limit=200`);
      if (res.status === 401) throw new Error('The server no longer accepts this token; sign in again.');
      if (res.status !== 200) throw new Retryable(`server answered ${res.status}`);
      const page = (await res.json()) as { packets: unknown[]; cursor: number; more: boolean; hlc?: string | null };
      // Edits made after seeing these must order after them, whatever this
      // computer's clock says: move the clock first, then show the packets.
      const seen = page.hlc;
      if (seen && HLC_PATTERN.test(seen)) await db.transaction('rw', db.meta, () => observeHlc(db, seen, Date.now()));
      for (const raw of page.packets) {
        const parsed = packetSchema.safeParse(raw);
        if (parsed.success) await rebase(parsed.data);
      }
      cursor = page.cursor;
      await db.meta.put({ key: 'cursor', value: cursor });
      if (!page.more) return;
    }
  }

  // My claims, cached for the popup; the server's clock is kept as an offset
  // so countdowns follow server time, not this computer's clock. Also the
  // team's policy in force (warning window, notice thresholds, rule text) and,
  // for managers, what awaits them.
  async function refreshClaims(auth: SyncAuth) {
    const t0 = Date.now();
    const res = await api(auth, 'GET', '/v1/claims?scope=mine&limit=500');
    if (res.status !== 200) return;
    const body = (await res.json()) as { claims: CachedClaim[]; serverTime: string };
    const offset = Date.parse(body.serverTime) - Math.round((t0 + Date.now()) / 2);
    const policyRes = await api(auth, 'GET', '/v1/claims/policy');
    const policy = policyRes.ok ? claimPolicySchema.safeParse(((await policyRes.json()) as { policy: unknown }).policy) : null;
    const queue = auth.user.role === 'manager' || auth.user.role === 'admin' ? await managerQueue(auth) : null;
    await db.transaction('rw', db.claims, db.meta, async () => {
      await db.claims.clear();
      await db.claims.bulkPut(
        body.claims.map((c) => ({ id: c.id, customer: c.customer, claimedAt: c.claimedAt, expiresAt: new Date(c.expiresAt).toISOString(), releasedAt: c.releasedAt, wonAt: c.wonAt, dealUrl: c.dealUrl })),
      );
      await db.meta.put({ key: 'serverOffsetMs', value: offset });
      await db.meta.put({ key: 'claimsFetchedAt', value: new Date().toISOString() });
      if (policy?.success) await db.meta.put({ key: 'claimPolicy', value: policy.data });
      await db.meta.put({ key: 'managerQueue', value: queue });
    });
    await updateBadge();
  }

  /** The team's checklist template (scoring as the server does) and engagement policy (rule, intro clock and texts). */
  async function refreshTemplate(auth: SyncAuth) {
    const res = await api(auth, 'GET', '/v1/team/template');
    if (!res.ok) return;
    const parsed = checklistTemplateSchema.safeParse(((await res.json()) as { template: unknown }).template);
    if (parsed.success) await db.meta.put({ key: 'checklistTemplate', value: parsed.data });
    const eng = await api(auth, 'GET', '/v1/team/engagement');
    if (!eng.ok) return;
    const policy = engagementPolicySchema.safeParse(((await eng.json()) as { policy: unknown }).policy);
    if (!policy.success) return;
    await db.meta.put({ key: 'engagementPolicy', value: policy.data });
    // The content script cannot open the database: it reads the team's currency from storage.
    const known = await browser.storage.local.get(TEAM_CURRENCY_KEY);
    if (known[TEAM_CURRENCY_KEY] !== policy.data.currency) await browser.storage.local.set({ [TEAM_CURRENCY_KEY]: policy.data.currency });
  }

  /** Extension requests awaiting a decision and open conflicts, for a manager's popup. */
  async function managerQueue(auth: SyncAuth): Promise<{ extensions: number; conflicts: number } | null> {
    const [ext, conf] = await Promise.all([api(auth, 'GET', '/v1/claims?scope=team&extension=requested&limit=500'), api(auth, 'GET', '/v1/claims/conflicts?state=open&limit=500')]);
    if (!ext.ok || !conf.ok) return null;
    return { extensions: ((await ext.json()) as { claims: unknown[] }).claims.length, conflicts: ((await conf.json()) as { conflicts: unknown[] }).conflicts.length };
  }

  async function cachedPolicy(): Promise<ClaimPolicy> {
    const parsed = claimPolicySchema.safeParse((await db.meta.get('claimPolicy'))?.value);
    return parsed.success ? parsed.data : DEFAULT_POLICY;
  }

  /** Badge: my claims inside the policy's warning window. Notifications: once per threshold. */
  async function updateBadge() {
    const offset = ((await db.meta.get('serverOffsetMs'))?.value as number | undefined) ?? 0;
    const now = Date.now() + offset;
    const policy = await cachedPolicy();
    const mine = await db.claims.toArray();
    const expiring = mine.filter((c) => !c.releasedAt && !c.wonAt && Date.parse(c.expiresAt) > now && Date.parse(c.expiresAt) - now <= policy.warnDays * 86_400_000).length;
    await browser.action.setBadgeText({ text: expiring ? String(expiring) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#cf222e' });
    await notifyExpiring(mine, policy, now);
  }

  async function notifyExpiring(mine: CachedClaim[], policy: ClaimPolicy, now: number) {
    const sent = new Set(((await db.meta.get('claimNoticesSent'))?.value as string[] | undefined) ?? []);
    const due = dueNotices(mine, policy.notifyDays, now, sent);
    if (!due.length) return;
    const locale = await uiLocale();
    for (const n of due) {
      const c = mine.find((x) => x.id === n.claimId)!;
      const cd = countdown(c.expiresAt, now);
      const left = cd.days > 0 ? translate(locale, 'claims.left', { d: cd.days, h: cd.hours }) : translate(locale, 'claims.leftHours', { h: cd.hours, m: cd.minutes });
      try {
        await browser.notifications.create(`baton-claim-${n.claimId}-${n.days}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: translate(locale, 'notice.expiringTitle', { name: c.customer }),
          message: left,
        });
      } catch {
        // Notifications turned off for the browser: the badge still counts it.
      }
      n.settles.forEach((k) => sent.add(k));
    }
    // Keep the record small: only keys of claims still cached.
    const ids = new Set(mine.map((c) => String(c.id)));
    await db.meta.put({ key: 'claimNoticesSent', value: [...sent].filter((k) => ids.has(k.split(':')[0]!)) });
  }

  async function uiLocale(): Promise<Locale> {
    const stored = (await browser.storage.local.get('uiLocale')).uiLocale;
    return LOCALES.includes(stored as Locale) ? (stored as Locale) : pickLocale(navigator.language);
  }

  /** Claims made offline go out with the next sync; a refusal is kept for the rep to read. */
  async function flushPendingClaims(auth: SyncAuth) {
    for (const p of await db.pendingClaims.toArray()) {
      if (p.refused) continue;
      const res = await api(auth, 'POST', '/v1/claims', { customer: p.customer, keys: p.keys, ...(p.dealUrl ? { dealUrl: p.dealUrl } : {}), ...(p.line ? { line: p.line } : {}) });
      if (res.status >= 500 || res.status === 429) throw new Retryable(`server answered ${res.status}`);
      if (res.status === 401) throw new Error('The server no longer accepts this token; sign in again.');
      if (res.status === 201) await db.pendingClaims.delete(p.localId!);
      else {
        const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        await db.pendingClaims.update(p.localId!, { refused: json?.error?.message ?? `refused (${res.status})` });
      }
    }
  }

  async function runOnce() {
    const startedAt = performance.now();
    const auth = await getAuth(db);
    if (!auth) return setStatus({ state: 'signedOut', user: null, message: null });
    await setStatus({ state: 'syncing', user: { name: auth.user.name, role: auth.user.role, team: auth.team.name } });
    try {
      await pushAll(auth);
      await flushPendingClaims(auth);
      await pullAll(auth);
      await refreshClaims(auth);
      await refreshTemplate(auth);
      attempt = 0;
      const pending = await db.outbox.count();
      const refused = await db.refusals.count();
      await setStatus({ state: pending ? 'pending' : refused ? 'refused' : 'synced', lastSyncAt: new Date().toISOString(), offlineSince: null, message: null });
      markSyncRun(startedAt);
    } catch (e) {
      if (e instanceof Retryable) {
        const cur = ((await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY] as SyncStatus | undefined) ?? null;
        await setStatus({ state: 'offline', offlineSince: cur?.offlineSince ?? new Date().toISOString(), message: e.message });
        schedule(backoffDelay(attempt++));
      } else {
        await setStatus({ state: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    }
  }

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

  function schedule(ms: number) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void syncNow();
    }, ms);
  }

  async function signIn(serverUrl: string, token: string): Promise<{ ok: true; auth: SyncAuth } | { ok: false; message: string }> {
    const address = parseServerAddress(serverUrl);
    if (!address.ok) {
      return {
        ok: false,
        message: address.reason === 'insecure' ? 'The server address must start with https:// (http:// only for this computer: localhost or 127.0.0.1).' : 'The server address is not a valid http(s) URL.',
      };
    }
    const url = new URL(address.origin);
    try {
      const res = await fetchImpl(new URL('/v1/me', url).toString(), { headers: { authorization: `Bearer ${token.trim()}` }, signal: AbortSignal.timeout(10_000) });
      if (res.status === 401) return { ok: false, message: 'The server does not accept this token.' };
      if (!res.ok) return { ok: false, message: `The server answered ${res.status}.` };
      const me = (await res.json()) as { user: SyncAuth['user']; team: SyncAuth['team'] };
      const auth: SyncAuth = { serverUrl: url.origin, token: token.trim(), user: me.user, team: me.team };
      await setAuth(db, auth);
      void syncNow();
      return { ok: true, auth };
    } catch (e) {
      return { ok: false, message: `Cannot reach the server: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  async function signOut() {
    await setAuth(db, null);
    await setStatus({ state: 'signedOut', user: null, lastSyncAt: null, offlineSince: null, message: null });
  }

  /** submit / accept / return / amend / intro-sent: pushed edits first, then the command, then a pull. */
  async function command(key: string, kind: 'submit' | 'accept' | 'return' | 'amend' | 'intro-sent' | 'request-csm', body?: unknown): Promise<CommandResult> {
    const auth = await getAuth(db);
    if (!auth) return { ok: false, status: 0, error: { code: 'signed_out', message: 'Sign in to a Baton server on the options page first.' } };
    await syncNow();
    let res: Response;
    try {
      res = await api(auth, 'POST', `/v1/packets/${encodeURIComponent(key)}/${kind}`, body ?? {});
    } catch (e) {
      return { ok: false, status: 0, error: { code: 'offline', message: e instanceof Error ? e.message : String(e) } };
    }
    const json = (await res.json().catch(() => ({}))) as { packet?: Packet; error?: CommandResult['error'] };
    if (res.ok && json.packet) await rebase(packetSchema.parse(json.packet));
    void syncNow();
    return res.ok ? { ok: true, status: res.status } : { ok: false, status: res.status, ...(json.error ? { error: json.error } : {}) };
  }

  /**
   * A call for an extension page (sidebar claim panel, popup, options): the
   * token stays here. Only /v1/me, /v1/users, /v1/tokens, /v1/claims and /v1/team are reachable.
   */
  async function serverCall(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    if (!PAGE_API.test(path)) return { status: 400, json: { error: { code: 'invalid', message: `Not reachable from a page: ${path}` } } };
    const auth = await getAuth(db);
    if (!auth) return { status: 0, json: { error: { code: 'signed_out', message: 'Sign in to a Baton server on the options page first.' } } };
    try {
      const res = await api(auth, method, path, body);
      // JSON, or the text itself (a CSV export).
      const json = (res.headers.get('content-type') ?? '').includes('json') ? await res.json().catch(() => null) : await res.text();
      if (method !== 'GET' && res.ok && path.startsWith('/v1/claims')) await refreshClaims(auth);
      return { status: res.status, json };
    } catch (e) {
      return { status: 0, json: { error: { code: 'offline', message: e instanceof Error ? e.message : String(e) } } };
    }
  }

  /** Claim now, or, when the server is unreachable, keep it as pending and send it with the next sync. */
  async function claim(body: Omit<PendingClaim, 'at' | 'localId' | 'refused'>): Promise<{ status: number; json: unknown }> {
    const r = await serverCall('POST', '/v1/claims', body);
    if (r.status !== 0 || (r.json as { error?: { code?: string } })?.error?.code !== 'offline') return r;
    await db.pendingClaims.add({ ...body, at: new Date().toISOString() });
    schedule(backoffDelay(attempt));
    return { status: 202, json: { pending: true } };
  }

  return { syncNow, schedule, signIn, signOut, command, setStatus, serverCall, claim, updateBadge };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
