// Packet reads and writes. Every write is one transaction that applies ops to
// the latest stored packet and queues them in the outbox together, so a draft
// and its pending sync never disagree.
import type { DealIdentity, DealSnapshot } from '@/lib/crm/types';
import { dealKey } from '@/lib/crm/deal-key';
import { emptySnapshot } from '@/lib/crm/types';
import { newPacket, type Packet } from '@/lib/packet/schema';
import { contractFromDealMarked } from '@/lib/packet/contract-from-deal';
import { applyOp, type PacketOp } from '@/lib/sync/packet-ops';
import type { BatonDB } from './database';
import { nextHlcs } from './client-clock';

const uuid = () => crypto.randomUUID();

export async function applyPacketOps(db: BatonDB, key: string, ops: PacketOp[], now = new Date()): Promise<Packet | undefined> {
  if (!ops.length) return db.packets.get(key);
  // One autosave is on the way from keystroke to disk (issue 14: ≤ 3× a raw
  // put): the reads go out together, then the three writes together, not one
  // request after another.
  return db.transaction('rw', db.packets, db.outbox, db.meta, async () => {
    const [cur, clock] = await Promise.all([db.packets.get(key), nextHlcs(db, ops.length, now.getTime())]);
    if (!cur) return undefined;
    const at = now.toISOString();
    const next = { ...ops.reduce(applyOp, cur), updatedAt: at };
    await Promise.all([db.packets.put(next), clock.save(), db.outbox.bulkAdd(ops.map((op, i) => ({ id: uuid(), packetKey: key, op, at, hlc: clock.clocks[i]! })))]);
    return next;
  });
}

/**
 * The packet of a deal, created on first visit; the page snapshot is kept
 * current. The first page read with an amount also starts the contract from
 * it (lib/packet/contract-from-deal.ts), marked "from the CRM" until the rep
 * confirms it, when `mayEdit` allows that edit.
 */
export async function openPacket(
  db: BatonDB,
  identity: DealIdentity,
  snapshot: DealSnapshot,
  dealUrl: string,
  now = new Date(),
  mayEdit: (packet: Packet, op: PacketOp) => boolean = () => true,
): Promise<Packet> {
  const key = dealKey(identity);
  return db.transaction('rw', db.packets, db.outbox, db.meta, async () => {
    const cur = await db.packets.get(key);
    if (!cur) {
      // Created empty: the deal snapshot then goes in as an op below, so it is
      // queued for the server like any edit (the server learns the deal's
      // name, account and close date, not just what the rep typed).
      const fresh = newPacket(identity, emptySnapshot(), '', now);
      await db.packets.put(fresh);
      return fresh;
    }
    return cur;
  }).then(async (p) => {
    if (JSON.stringify(p.deal) === JSON.stringify(snapshot) && p.dealUrl === dealUrl) return p;
    const contract = contractFromDealMarked(p, snapshot, identity.crm, now.toISOString()).filter((op) => mayEdit(p, op));
    return (await applyPacketOps(db, key, [{ kind: 'deal', snapshot, dealUrl }, ...contract], now)) ?? p;
  });
}
