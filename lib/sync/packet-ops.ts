// A packet edit as data. The sidebar records each edit as an op, applies it to
// the latest stored packet inside one IndexedDB transaction (so two tabs editing
// different fields both keep theirs) and queues the same op in the outbox for
// the server. Ops carry their own item ids, so replaying one is harmless.
import { z } from 'zod';
import { dealSnapshotSchema, type DealSnapshot } from '@/lib/crm/types';
import { addItem, removeItem, setField, updateItem } from '@/lib/packet/edit';
import { PACKET_STATUSES, type Packet } from '@/lib/packet/schema';

/**
 * An op's shape as the local database keeps it (the sidebar's edits, the
 * outbox, refused edits). The server takes ops with limits on top
 * (lib/sync/api-schemas.ts mutationOpSchema): an op it refuses as too long is
 * still a valid local op, kept and shown as refused.
 */
export const packetOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('set'), path: z.string(), value: z.unknown() }),
  z.object({ kind: z.literal('add'), list: z.string(), item: z.looseObject({ id: z.string() }) }),
  z.object({ kind: z.literal('update'), list: z.string(), id: z.string(), patch: z.record(z.string(), z.unknown()) }),
  z.object({ kind: z.literal('remove'), list: z.string(), id: z.string() }),
  z.object({ kind: z.literal('deal'), snapshot: dealSnapshotSchema, dealUrl: z.string() }),
  z.object({ kind: z.literal('status'), status: z.enum(PACKET_STATUSES) }),
]);
export type PacketOp = z.infer<typeof packetOpSchema>;

export function applyOp(packet: Packet, op: PacketOp): Packet {
  switch (op.kind) {
    case 'set':
      return setField(packet, op.path as never, op.value as never);
    case 'add':
      // Replays of an add whose item is already there change nothing.
      return listHas(packet, op.list, op.item.id) ? packet : addItem(packet, op.list as never, op.item as never);
    case 'update':
      return updateItem(packet, op.list as never, op.id, op.patch as never);
    case 'remove':
      return removeItem(packet, op.list as never, op.id);
    case 'deal':
      return { ...packet, deal: keepKnown(packet.deal, op.snapshot), dealUrl: op.dealUrl };
    case 'status':
      return { ...packet, status: op.status };
  }
}

/**
 * The stored snapshot keeps the last value the page showed for each field: a
 * field the page stops showing is reported as missing by the sidebar (from the
 * live read), but its last known value is not thrown away.
 */
function keepKnown(prev: DealSnapshot, next: DealSnapshot): DealSnapshot {
  const out = { ...prev };
  for (const k of Object.keys(next) as (keyof DealSnapshot)[]) {
    if (next[k] !== null) (out as Record<string, unknown>)[k] = next[k];
  }
  return out;
}

function listHas(packet: Packet, listPath: string, id: string): boolean {
  let cur: unknown = packet;
  for (const part of listPath.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[part];
  return Array.isArray(cur) && cur.some((x: { id?: string }) => x?.id === id);
}
