// A packet edit as data. The sidebar records each edit as an op, applies it to
// the latest stored packet inside one IndexedDB transaction (so two tabs editing
// different fields both keep theirs) and queues the same op in the outbox for
// the server. Ops carry their own item ids, so replaying one is harmless.
import type { DealSnapshot } from '@/lib/crm/types';
import { addItem, removeItem, setField, updateItem } from '@/lib/packet/edit';
import type { Packet } from '@/lib/packet/schema';

export type PacketOp =
  | { kind: 'set'; path: string; value: unknown }
  | { kind: 'add'; list: string; item: { id: string } & Record<string, unknown> }
  | { kind: 'update'; list: string; id: string; patch: Record<string, unknown> }
  | { kind: 'remove'; list: string; id: string }
  | { kind: 'deal'; snapshot: DealSnapshot; dealUrl: string }
  | { kind: 'status'; status: Packet['status'] };

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
