// Serves the sidebar frames' database requests (extension/messaging/db-messages.ts),
// each parsed with the message map first: a malformed one is answered with an error, never run,
// and pushes every change of a watched packet, from this tab or any other,
// through Dexie liveQuery.
import { liveQuery } from 'dexie';
import { isSidebarPage } from '@/lib/sidebar/frame-access';
import { browser, type Browser } from 'wxt/browser';
import { DB_PORT, dbClientMessageSchema, type DbRequest, type DbServerMessage, type ReadStamp } from '@/extension/messaging/db-messages';
import { describeIssues } from '@/extension/messaging/message-map';
import { dealKey } from '@/lib/crm/deal-key';
import { withoutBlanks } from '@/lib/crm/types';
import { onFrameProofRevoked, provenFrame } from '@/extension/messaging/frame-gate.background';
import { rememberReadFields, unreadableFields } from './adapter-health';
import { db } from './database';
import { cachedKeyRules, hasPendingClaim } from './pending-claims';
import { cachedEngagementPolicy } from './engagement-policy';
import { cachedTemplate } from './team-template';
import { applyPacketOps, openPacket } from './packet-store';
import { getAuth } from './sync-auth';
import { editVerdict, roleOf } from '@/lib/packet/edit-rights';
import type { Packet } from '@/lib/packet/schema';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { discardRefusal, refusalsOf, resendRefusal } from './refusals';
import { syncEngine } from '../sync/sync.background';

const OPEN_SIDEBAR_SYNC_MS = 10_000;
const epoch = crypto.randomUUID();
let reads = 0;
/** Taken just before a read: a later stamp means a later state of the database. */
const stamp = (): ReadStamp => ({ epoch, n: ++reads });

/** Opens (or creates) the deal's packet with what the page read; says which fields the page no longer shows. */
async function openForSidebar(req: Extract<DbRequest, { type: 'packet:open' }>) {
  const state = { identity: req.identity, snapshot: req.snapshot };
  const existing = await db().packets.get(dealKey(req.identity));
  const unreadable = req.ready ? await unreadableFields(db(), state, existing?.deal ?? null) : [];
  const auth = await getAuth(db());
  // Signed out, the packet is this person's own draft; signed in, the shared rule decides.
  const mayEdit = (p: Packet, op: PacketOp) => editVerdict({ role: roleOf(auth?.user.role), owner: true, status: p.status }, op).ok;
  // A read that is not complete (just navigated, or the wait ran out)
  // fills in what it found; it does not blank what this deal had.
  const snapshot = req.ready || !existing ? req.snapshot : withoutBlanks(existing.deal, req.snapshot);
  const packet = await openPacket(db(), req.identity, snapshot, req.href, new Date(), mayEdit);
  if (req.ready) await rememberReadFields(db(), state);
  return { packet, unreadable };
}

/** The server's claim look-up; offline, a claim made here earlier still shows as pending. */
async function lookupForSidebar(req: Extract<DbRequest, { type: 'claim:lookup' }>) {
  const r = await syncEngine().serverCall('GET', `/v1/claims/lookup?kind=${req.kind}&value=${encodeURIComponent(req.value)}`);
  return r.status === 0 && req.kind === 'company' && (await hasPendingClaim(db(), req.value, await cachedKeyRules(db()))) ? { status: 200, json: { status: 'pending' } } : r;
}

/**
 * Applies a frame's edits and answers with the packet as that transaction
 * wrote it, stamped inside the transaction: every read stamped later starts
 * after this write and sees it, so the frame's freshest-read rule holds with
 * no second read after the commit.
 */
async function applyForSidebar(key: string, ops: PacketOp[]): Promise<{ packet: Packet | null; stamp: ReadStamp }> {
  return db().transaction('rw', db().packets, db().outbox, db().meta, async () => {
    const s = stamp();
    return { packet: (await applyPacketOps(db(), key, ops)) ?? null, stamp: s };
  });
}

/** What one frame was last sent of each packet (as JSON), so an unchanged state is not sent twice. */
class SentState {
  private packets = new Map<string, string>();
  private refusals = new Map<string, string>();

  /** Records what is being sent; false when the frame has it already. Refusals are left as they were when not given. */
  changed(key: string, packet: Packet | null, refusals?: unknown[]): boolean {
    const p = JSON.stringify(packet);
    const r = refusals === undefined ? this.refusals.get(key) : JSON.stringify(refusals);
    const same = this.packets.get(key) === p && this.refusals.get(key) === r;
    this.packets.set(key, p);
    if (r !== undefined) this.refusals.set(key, r);
    return !same;
  }
}

/**
 * Pushes every change of the packet and its refusals to the frame (from this
 * tab or any other, through liveQuery); answers with the current state.
 */
async function watchPacket(key: string, watches: Map<string, { unsubscribe(): void }>, send: (m: DbServerMessage) => void, sent: SentState) {
  watches.get(key)?.unsubscribe();
  const sub = liveQuery(async () => {
    const s = stamp();
    const [packet, refusals] = await Promise.all([db().packets.get(key), refusalsOf(db(), key)]);
    return { packet: packet ?? null, refusals, stamp: s };
  }).subscribe({
    next: (r) => {
      // The frame's own keystroke already came back with this packet (packet:apply): a second copy would only re-render it.
      if (!sent.changed(key, r.packet, r.refusals)) return;
      send({ type: 'packet:changed', key, ...r });
    },
  });
  watches.set(key, sub);
  void syncEngine().syncNow();
  const s = stamp();
  return { packet: (await db().packets.get(key)) ?? null, refusals: await refusalsOf(db(), key), stamp: s };
}

/** Runs one database request of a proven sidebar frame; the answer is the map's for its type (db-messages.ts). */
async function answer(req: DbRequest, watches: Map<string, { unsubscribe(): void }>, send: (m: DbServerMessage) => void, sent: SentState): Promise<unknown> {
  switch (req.type) {
    case 'packet:open':
      return await openForSidebar(req);
    case 'packet:apply': {
      const applied = await applyForSidebar(req.key, req.ops);
      sent.changed(req.key, applied.packet);
      // Send soon, not on every keystroke.
      syncEngine().schedule(1500);
      return applied;
    }
    case 'claim:lookup':
      return await lookupForSidebar(req);
    case 'claim:create':
      return await syncEngine().claim({ customer: req.customer, keys: req.keys, ...(req.dealUrl ? { dealUrl: req.dealUrl } : {}), ...(req.line ? { line: req.line } : {}) });
    case 'template:get':
      return await cachedTemplate(db());
    case 'engagement:get':
      return await cachedEngagementPolicy(db());
    case 'keyRules:get':
      return await cachedKeyRules(db());
    case 'claim:call':
      // The sidebar only reaches claim routes; users and the policy editor are the options page's.
      return req.path.startsWith('/v1/claims') ? await syncEngine().serverCall(req.method, req.path, req.body) : { status: 400, json: null };
    case 'drafting:get':
      return await syncEngine().serverCall('GET', '/v1/team/drafting');
    case 'draft:request':
      // The model drafts from the server's copy: this browser's edits go first.
      await syncEngine().syncNow();
      return await syncEngine().serverCall('POST', '/v1/drafts', { key: req.key, kind: req.kind, locale: req.locale });
    case 'packet:command':
      return await syncEngine().command(req.key, req.command, req.body);
    case 'packet:watch': {
      const now = await watchPacket(req.key, watches, send, sent);
      sent.changed(req.key, now.packet, now.refusals);
      return now;
    }
    case 'refusal:discard':
    case 'refusal:resend':
      await (req.type === 'refusal:discard' ? discardRefusal(db(), req.id) : resendRefusal(db(), req.id));
      // The sync line counts refusals: recount now, and send a resent edit soon.
      void syncEngine().syncNow();
      return null;
    case 'packet:unwatch':
      watches.get(req.key)?.unsubscribe();
      watches.delete(req.key);
      return null;
  }
}

export function startDbPort(): void {
  // While any sidebar is open, pull every few seconds so a CSM's accept or a
  // teammate's edit shows up without waiting for the minute alarm.
  let openPorts = 0;
  let poll: ReturnType<typeof setInterval> | null = null;
  // End-to-end tests (test/e2e/refusals.test.ts) and benchmarks read the database from here.
  (globalThis as unknown as { __batonDb: unknown }).__batonDb = db();
  // Open ports and how to close them: a frame that loses its proof (its tab
  // navigated, a newer sidebar proved) loses its port.
  const gated = new Map<Browser.runtime.Port, () => void>();
  const admitted = new Set<Browser.runtime.Port>();
  // End-to-end tests read which tabs have a database port in use (test/e2e/frames.test.ts).
  (globalThis as unknown as { __batonDbPorts: () => (number | undefined)[] }).__batonDbPorts = () => [...admitted].map((p) => p.sender?.tab?.id);
  onFrameProofRevoked((tabId) => {
    for (const [port, close] of gated) {
      if (port.sender?.tab?.id === tabId) void provenFrame(port.sender).then((p) => p || close());
    }
  });
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== DB_PORT) return;
    // Only a sidebar frame that proved Baton's content script mounted it in
    // its tab (frame-gate) reaches the database: not a content script, not a
    // copy of the sidebar a page embedded itself.
    const sender = port.sender;
    if (!sender || !isSidebarPage(sender.url, browser.runtime.getURL('/'))) return port.disconnect();
    const watches = new Map<string, { unsubscribe(): void }>();
    const sent = new SentState();
    let open = true;
    const cleanUp = () => {
      if (!open) return;
      open = false;
      gated.delete(port);
      admitted.delete(port);
      if (--openPorts === 0 && poll) clearInterval(poll);
      for (const w of watches.values()) w.unsubscribe();
      watches.clear();
    };
    // Disconnecting from this end fires no onDisconnect here: clean up too.
    const close = () => {
      cleanUp();
      port.disconnect();
    };
    gated.set(port, close);
    if (openPorts++ === 0) poll = setInterval(() => void syncEngine().syncNow(), OPEN_SIDEBAR_SYNC_MS);
    const proven = provenFrame(sender).then((p) => {
      if (!p) close();
      else if (open) admitted.add(port);
      return p;
    });
    const send = (m: DbServerMessage) => {
      try {
        port.postMessage(m);
      } catch {
        // disconnected
      }
    };
    port.onDisconnect.addListener(cleanUp);
    port.onMessage.addListener(async (raw: unknown) => {
      if (!(await proven) || !open) return;
      const parsed = dbClientMessageSchema.safeParse(raw);
      if (!parsed.success) {
        const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'number' ? raw.id : null;
        const error = `Baton refused a malformed database request: ${describeIssues(parsed.error)}`;
        console.warn(error);
        if (id !== null) send({ id, ok: false, error });
        return;
      }
      const { id, req } = parsed.data;
      try {
        const result = await answer(req, watches, send, sent);
        send({ id, ok: true, result });
      } catch (e) {
        send({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
      }
    });
  });
}
