// The sync parts' stores over the extension's IndexedDB (Dexie): each part
// (push-pull, claims cache, handoffs, team settings, claim queue, auth) sees only the
// small interface it needs, so its logic is unit-tested in Node against the
// real server while this file stays a thin mapping onto tables and meta keys.
import { DEFAULT_POLICY } from '@/lib/claims/policy';
import { applyOp } from '@/lib/sync/packet-ops';
import { readStored, writeStored } from '@/extension/messaging/storage';
import { TEAM_CURRENCY } from '@/extension/messaging/storage-keys';
import { clientId, observeHlc } from '../db/client-clock';
import type { BatonDB } from '../db/database';
import { getMeta, setMeta } from '../db/meta';
import { recordRefusals } from '../db/refusals';
import { getAuth, setAuth } from '../db/sync-auth';
import type { AuthStore } from './auth';
import type { PendingClaimsStore } from './claim-queue';
import type { ClaimsStore } from './claims-cache';
import type { HandoffsStore } from './handoffs-cache';
import type { ReplicaStore } from './push-pull';
import type { SettingsStore } from './team-settings';

export function dexieAuthStore(db: BatonDB): AuthStore {
  return { get: () => getAuth(db), set: (auth) => setAuth(db, auth) };
}

export function dexieReplicaStore(db: BatonDB): ReplicaStore {
  return {
    clientId: () => clientId(db),
    outbox: (limit) => db.outbox.orderBy('seq').limit(limit).toArray(),
    sent: (seqs) => db.outbox.bulkDelete(seqs),
    refused: (refusals) => recordRefusals(db, refusals),
    rebase: (server) =>
      db.transaction('rw', db.packets, db.outbox, async () => {
        const pending = await db.outbox.where('packetKey').equals(server.key).sortBy('seq');
        await db.packets.put(pending.reduce((p, m) => applyOp(p, m.op), server));
      }),
    packet: (key) => db.packets.get(key),
    cursor: async () => (await getMeta(db, 'cursor')) ?? 0,
    setCursor: (cursor) => setMeta(db, 'cursor', cursor),
    observeHlc: (remote, now) => db.transaction('rw', db.meta, () => observeHlc(db, remote, now)),
  };
}

export function dexieClaimsStore(db: BatonDB): ClaimsStore {
  return {
    save: ({ claims, serverOffsetMs, fetchedAt, managerQueue }) =>
      db.transaction('rw', db.claims, db.meta, async () => {
        await db.claims.clear();
        await db.claims.bulkPut(claims);
        await setMeta(db, 'serverOffsetMs', serverOffsetMs);
        await setMeta(db, 'claimsFetchedAt', fetchedAt);
        await setMeta(db, 'managerQueue', managerQueue);
      }),
    claims: () => db.claims.toArray(),
    serverOffsetMs: async () => (await getMeta(db, 'serverOffsetMs')) ?? 0,
    policy: async () => (await getMeta(db, 'claimPolicy')) ?? DEFAULT_POLICY,
    noticesSent: async () => (await getMeta(db, 'claimNoticesSent')) ?? [],
    setNoticesSent: (keys) => setMeta(db, 'claimNoticesSent', keys),
  };
}

export function dexieHandoffsStore(db: BatonDB): HandoffsStore {
  return { save: (handoffs) => setMeta(db, 'handoffs', handoffs) };
}

export function dexieSettingsStore(db: BatonDB): SettingsStore {
  return {
    saveClaimPolicy: (policy) => setMeta(db, 'claimPolicy', policy),
    saveTemplate: (template) => setMeta(db, 'checklistTemplate', template),
    saveEngagement: async (policy) => {
      await setMeta(db, 'engagementPolicy', policy);
      // The content script cannot open the database: it reads the team's currency from storage.
      if ((await readStored(TEAM_CURRENCY)) !== policy.currency) await writeStored(TEAM_CURRENCY, policy.currency);
    },
  };
}

export function dexiePendingClaims(db: BatonDB): PendingClaimsStore {
  return {
    all: () => db.pendingClaims.toArray(),
    add: async (claim) => void (await db.pendingClaims.add(claim)),
    remove: (localId) => db.pendingClaims.delete(localId),
    refuse: async (localId, reason) => void (await db.pendingClaims.update(localId, { refused: reason })),
  };
}
