// Server-side application of one client op to the stored packet, field by field
// with hybrid logical clocks: the newer write wins; an older one loses, and its
// value is returned so the caller can keep it in the audit log (never silently
// dropped). List items are keyed by id, so two people adding rows both keep
// theirs; a removed row leaves a tombstone so a late replay cannot revive it.
import { DEAL_FIELDS } from '@/lib/crm/types';
import { addItem, getIn, removeItem, setField, updateItem } from '@/lib/packet/edit';
import type { ListPath, Packet } from '@/lib/packet/schema';
import type { PacketOp } from './packet-ops';

export type Clocks = Record<string, string>;

export interface MergeResult {
  packet: Packet;
  clocks: Clocks;
  /** values that lost to a newer write, with where they were aimed */
  lost: { path: string; value: unknown; clock: string }[];
  changed: boolean;
}

const TOMB = '~';

export function mergeOp(packet: Packet, clocks: Clocks, op: PacketOp, hlc: string): MergeResult {
  const c: Clocks = { ...clocks };
  const lost: MergeResult['lost'] = [];
  let p = packet;
  const wins = (key: string) => !c[key] || hlc > c[key]!.replace(TOMB, '');

  switch (op.kind) {
    case 'set': {
      if (wins(op.path)) {
        p = setField(p, op.path, op.value);
        c[op.path] = hlc;
      } else lost.push({ path: op.path, value: op.value, clock: hlc });
      break;
    }
    case 'add': {
      const k = `${op.list}#${op.item.id}`;
      const exists = ((getIn(p, op.list) as { id: string }[] | undefined) ?? []).some((i) => i.id === op.item.id);
      if (c[k]?.startsWith(TOMB)) lost.push({ path: k, value: op.item, clock: hlc });
      else if (!exists) {
        p = addItem(p, op.list as ListPath, op.item);
        c[k] = hlc;
        for (const f of Object.keys(op.item)) if (f !== 'id') c[`${k}.${f}`] = hlc;
      }
      break;
    }
    case 'update': {
      const k = `${op.list}#${op.id}`;
      const exists = ((getIn(p, op.list) as { id: string }[] | undefined) ?? []).some((i) => i.id === op.id);
      if (!exists) {
        lost.push({ path: k, value: op.patch, clock: hlc });
        break;
      }
      const patch: Record<string, unknown> = {};
      for (const [f, v] of Object.entries(op.patch)) {
        if (f === 'id') continue;
        if (wins(`${k}.${f}`)) {
          patch[f] = v;
          c[`${k}.${f}`] = hlc;
        } else lost.push({ path: `${k}.${f}`, value: v, clock: hlc });
      }
      if (Object.keys(patch).length) p = updateItem(p, op.list as ListPath, op.id, patch);
      break;
    }
    case 'remove': {
      const k = `${op.list}#${op.id}`;
      p = removeItem(p, op.list as ListPath, op.id);
      c[k] = TOMB + hlc;
      break;
    }
    case 'deal': {
      const deal = { ...p.deal };
      for (const f of DEAL_FIELDS) {
        const v = op.snapshot[f];
        if (v === null || !wins(`deal.${f}`)) continue;
        (deal as Record<string, unknown>)[f] = v;
        c[`deal.${f}`] = hlc;
      }
      p = { ...p, deal, dealUrl: op.dealUrl || p.dealUrl };
      break;
    }
    case 'status':
      // Lifecycle changes are commands the server decides, never field edits.
      lost.push({ path: 'status', value: op.status, clock: hlc });
      break;
  }
  return { packet: p, clocks: c, lost, changed: p !== packet };
}
