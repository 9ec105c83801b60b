// In-memory stores for the sync parts' unit tests in Node, where IndexedDB
// does not exist (the project has no fake-indexeddb). Each keeps its data in
// plain fields the tests read; the production stores are the Dexie ones in
// extension/sync/dexie-stores.ts, exercised by the e2e tests in Chromium.
import { DEFAULT_POLICY, type ClaimPolicy } from '@/lib/claims/policy';
import type { EngagementPolicy } from '@/lib/engagement/policy';
import type { ChecklistTemplate } from '@/lib/packet/checklist-template';
import type { Packet } from '@/lib/packet/schema';
import { receiveHlc, tickHlc, formatHlc, type HlcState } from '@/lib/sync/hlc';
import { applyOp, type PacketOp } from '@/lib/sync/packet-ops';
import type { CachedClaim, OutboxEntry, PendingClaim } from '@/extension/db/database';
import type { Refusal } from '@/extension/db/refusals';
import type { SyncAuth } from '@/extension/db/sync-auth';
import type { AuthStore } from '@/extension/sync/auth';
import type { PendingClaimsStore } from '@/extension/sync/claim-queue';
import type { ClaimsStore, ClaimSignals, ManagerQueue } from '@/extension/sync/claims-cache';
import type { ReplicaStore } from '@/extension/sync/push-pull';
import type { SettingsStore } from '@/extension/sync/team-settings';

export function memoryAuthStore(): AuthStore & { auth: SyncAuth | null } {
  const s = {
    auth: null as SyncAuth | null,
    get: async () => s.auth,
    set: async (a: SyncAuth | null) => void (s.auth = a),
  };
  return s;
}

/** A browser's replica: packets, outbox, refusals, cursor and HLC. `edit` queues an edit as the sidebar does. */
export function memoryReplica(clientId = 'memoryclient01') {
  let seq = 0;
  let hlc: HlcState | null = null;
  const s = {
    packets: new Map<string, Packet>(),
    outboxEntries: [] as OutboxEntry[],
    refusals: [] as Refusal[],
    cursorValue: 0,
    observed: [] as string[],
    edit(packetKey: string, op: PacketOp, id = `m-${clientId}-${seq + 1}`): OutboxEntry {
      hlc = tickHlc(hlc, Date.now());
      const entry: OutboxEntry = { seq: ++seq, id, hlc: formatHlc(hlc, clientId), packetKey, op, at: new Date().toISOString() };
      s.outboxEntries.push(entry);
      const local = s.packets.get(packetKey);
      if (local) s.packets.set(packetKey, applyOp(local, op));
      return entry;
    },
  };
  const store: ReplicaStore = {
    clientId: async () => clientId,
    outbox: async (limit) => s.outboxEntries.slice(0, limit),
    sent: async (seqs) => void (s.outboxEntries = s.outboxEntries.filter((e) => !seqs.includes(e.seq!))),
    refused: async (refusals) => {
      const gone = new Set(refusals.map((r) => r.entry.seq));
      s.outboxEntries = s.outboxEntries.filter((e) => !gone.has(e.seq));
      s.refusals.push(...refusals);
      return new Set(refusals.map((r) => r.entry.packetKey));
    },
    rebase: async (server) => {
      const pending = s.outboxEntries.filter((e) => e.packetKey === server.key);
      s.packets.set(server.key, pending.reduce((p, m) => applyOp(p, m.op), server));
    },
    packet: async (key) => s.packets.get(key),
    cursor: async () => s.cursorValue,
    setCursor: async (c) => void (s.cursorValue = c),
    observeHlc: async (remote, now) => {
      s.observed.push(remote);
      hlc = receiveHlc(hlc, remote, now);
    },
  };
  return Object.assign(s, { store });
}

/** The team settings and the claims cache, sharing the cached claim policy as in IndexedDB's meta table. */
export function memoryClaimsAndSettings() {
  const s = {
    claimPolicy: null as ClaimPolicy | null,
    template: null as ChecklistTemplate | null,
    engagement: null as EngagementPolicy | null,
    claims: [] as CachedClaim[],
    serverOffsetMs: 0,
    fetchedAt: null as string | null,
    managerQueue: null as ManagerQueue | null,
    noticesSent: [] as string[],
  };
  const settings: SettingsStore = {
    saveClaimPolicy: async (p) => void (s.claimPolicy = p),
    saveTemplate: async (t) => void (s.template = t),
    saveEngagement: async (p) => void (s.engagement = p),
  };
  const claims: ClaimsStore = {
    save: async (c) => void Object.assign(s, c),
    claims: async () => s.claims,
    serverOffsetMs: async () => s.serverOffsetMs,
    policy: async () => s.claimPolicy ?? DEFAULT_POLICY,
    noticesSent: async () => s.noticesSent,
    setNoticesSent: async (keys) => void (s.noticesSent = keys),
  };
  return Object.assign(s, { settings, claimsStore: claims });
}

/** The badge and notifications as the person would see them. */
export function recordedSignals(locale: 'en' | 'zh-CN' | 'zh-TW' = 'en'): ClaimSignals & { badgeText: string; notices: { id: string; title: string; message: string }[] } {
  const s = {
    badgeText: '',
    notices: [] as { id: string; title: string; message: string }[],
    badge: async (text: string) => void (s.badgeText = text),
    notify: async (id: string, title: string, message: string) => void s.notices.push({ id, title, message }),
    locale: async () => locale,
  };
  return s;
}

export function memoryPendingClaims(): PendingClaimsStore & { pending: PendingClaim[] } {
  let next = 0;
  const s = {
    pending: [] as PendingClaim[],
    all: async () => [...s.pending],
    add: async (c: PendingClaim) => void s.pending.push({ ...c, localId: ++next }),
    remove: async (id: number) => void (s.pending = s.pending.filter((p) => p.localId !== id)),
    refuse: async (id: number, reason: string) => void (s.pending = s.pending.map((p) => (p.localId === id ? { ...p, refused: reason } : p))),
  };
  return s;
}
