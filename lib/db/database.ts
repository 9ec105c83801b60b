// The one IndexedDB database of the extension origin (DESIGN.md §3), shared by
// the sidebar, popup, options page and background. Never opened by the content
// script, whose IndexedDB would belong to the CRM's site.
import Dexie, { type Table } from 'dexie';
import type { Packet } from '@/lib/packet/schema';
import type { PacketOp } from '@/lib/sync/packet-ops';

export interface OutboxEntry {
  /** local order of the queue */
  seq?: number;
  /** client-generated mutation id: replays are harmless */
  id: string;
  /** hybrid logical clock of the edit (lib/sync/hlc.ts) */
  hlc: string;
  packetKey: string;
  op: PacketOp;
  at: string;
}

/** A claim of mine as the server last reported it (cache for the popup). */
export interface CachedClaim {
  id: number;
  customer: string;
  claimedAt: string;
  expiresAt: string;
  releasedAt: string | null;
  wonAt: string | null;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export class BatonDB extends Dexie {
  packets!: Table<Packet, string>;
  outbox!: Table<OutboxEntry, number>;
  meta!: Table<MetaEntry, string>;
  claims!: Table<CachedClaim, number>;

  constructor(name = 'baton') {
    super(name);
    this.version(1).stores({
      packets: '&key, status, updatedAt',
      outbox: '++seq, &id, packetKey',
      meta: '&key',
    });
    this.version(2).stores({ claims: '&id, expiresAt' });
  }
}

let shared: BatonDB | null = null;
export function db(): BatonDB {
  shared ??= new BatonDB();
  return shared;
}
