// The one IndexedDB database of the extension origin (docs/architecture.md), shared by
// the sidebar, popup, options page and background. Never opened by the content
// script, whose IndexedDB would belong to the CRM's site.
import Dexie, { type Table } from 'dexie';
import { migratePacket } from '@/lib/packet/migrations';
import type { Packet } from '@/lib/packet/schema';
import type { PacketOp } from '@/lib/sync/packet-ops';
import type { RefusalCode } from '@/lib/packet/edit-rights';

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

/**
 * An edit the server refused, out of the outbox but kept until the person
 * resolves it (copy, amend, return reason, or a confirmed discard): nothing
 * typed is dropped without them knowing (issue 11).
 */
export interface RefusedEdit {
  /** the mutation id it was sent with */
  id: string;
  packetKey: string;
  op: PacketOp;
  /** when it was typed */
  at: string;
  refusedAt: string;
  code: RefusalCode;
  /** the server's words (English), shown when no localized message fits */
  reason: string;
}

/** A claim of mine as the server last reported it (cache for the popup). */
export interface CachedClaim {
  id: number;
  customer: string;
  claimedAt: string;
  expiresAt: string;
  releasedAt: string | null;
  wonAt: string | null;
  /** the CRM deal page it was claimed from (older claims: none) */
  dealUrl?: string | null;
}

/** A claim made while the server was unreachable: pending until it answers. */
export interface PendingClaim {
  localId?: number;
  customer: string;
  keys: { kind: 'company' | 'phone' | 'email' | 'domain' | 'opportunity'; value: string }[];
  dealUrl?: string;
  /** key accounts: the department or product line claimed */
  line?: string;
  at: string;
  /** the server's refusal, kept so the rep sees why (dismissed by hand) */
  refused?: string;
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
  pendingClaims!: Table<PendingClaim, number>;
  refusals!: Table<RefusedEdit, string>;

  constructor(name = 'baton') {
    super(name);
    this.version(1).stores({
      packets: '&key, status, updatedAt',
      outbox: '++seq, &id, packetKey',
      meta: '&key',
    });
    this.version(2).stores({ claims: '&id, expiresAt' });
    this.version(3).stores({ pendingClaims: '++localId' });
    this.version(4).stores({ refusals: '&id, packetKey' });
    // Packets carry their shape's version (lib/packet/migrations): records
    // stored before are brought to the current shape once, when the database
    // opens. A new packet migration bumps this version with the same upgrade.
    this.version(5).upgrade((tx) =>
      tx
        .table('packets')
        .toCollection()
        .modify((record, ctx) => {
          ctx.value = migratePacket(record);
        }),
    );
  }
}

let shared: BatonDB | null = null;
export function db(): BatonDB {
  shared ??= new BatonDB();
  return shared;
}
