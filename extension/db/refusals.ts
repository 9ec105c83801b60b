// Edits the server refused (issue 11: nothing typed is lost in silence). A
// refused mutation leaves the outbox for the refusals table in one
// transaction, so it is never in neither; it stays there, shown at the field
// where it was typed, until the person copies and discards it, turns it into
// an amendment, or sends it as a return reason.
import { editArea, type RefusalCode } from '@/lib/packet/edit-rights';
import type { BatonDB, OutboxEntry, RefusedEdit } from './database';
import { applyPacketOps } from './packet-store';

export interface Refusal {
  entry: OutboxEntry;
  code: RefusalCode;
  reason: string;
}

/**
 * Moves refused mutations from the outbox to the refusals table. A refused
 * page read (the deal snapshot) holds nothing the person typed and is read
 * again at the next visit, so it only leaves the outbox. Returns the keys of
 * the packets whose local copy still shows a refused edit.
 */
export async function recordRefusals(db: BatonDB, refusals: Refusal[], now = new Date()): Promise<Set<string>> {
  const touched = new Set<string>();
  if (!refusals.length) return touched;
  await db.transaction('rw', db.outbox, db.refusals, async () => {
    await db.outbox.bulkDelete(refusals.map((r) => r.entry.seq!));
    const kept: RefusedEdit[] = refusals
      .filter((r) => editArea(r.entry.op) !== 'page')
      .map((r) => ({ id: r.entry.id, packetKey: r.entry.packetKey, op: r.entry.op, at: r.entry.at, refusedAt: now.toISOString(), code: r.code, reason: r.reason.slice(0, 500) }));
    await db.refusals.bulkPut(kept);
  });
  for (const r of refusals) touched.add(r.entry.packetKey);
  return touched;
}

export function refusalsOf(db: BatonDB, key: string): Promise<RefusedEdit[]> {
  return db.refusals.where('packetKey').equals(key).sortBy('at');
}

/** The person read it and let it go (the sidebar asked them to confirm). */
export async function discardRefusal(db: BatonDB, id: string): Promise<void> {
  await db.refusals.delete(id);
}

/**
 * Sends a refused edit again as a new mutation (a new id and clock), e.g. as an
 * amendment once the packet is accepted. The sidebar offers it only when the
 * shared rule allows it now; if the server still refuses, it comes back here.
 */
export async function resendRefusal(db: BatonDB, id: string): Promise<void> {
  await db.transaction('rw', db.packets, db.outbox, db.meta, db.refusals, async () => {
    const r = await db.refusals.get(id);
    if (!r) return;
    await applyPacketOps(db, r.packetKey, [r.op]);
    await db.refusals.delete(id);
  });
}
