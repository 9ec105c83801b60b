// The contract section starts from the amount and currency the CRM page shows
// (issue 11): the first time the page shows an amount, an untouched contract
// takes it; from then on the rep's value is theirs to change, and a later page
// read never overwrites it.
import type { DealSnapshot } from '@/lib/crm/types';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { markFieldOps } from './prefill-marks';
import type { Packet } from './schema';

/**
 * Ops that fill contract.amount and contract.currency (ISO 4217, as the
 * adapter normalised it) from a page read, or none: only when the stored
 * snapshot had no amount yet, the new read has one, and the rep has typed
 * neither.
 */
export function contractFromDeal(packet: Packet, next: DealSnapshot): PacketOp[] {
  if (packet.deal.amount !== null || next.amount === null) return [];
  if (packet.contract.amount !== null || packet.contract.currency !== '') return [];
  return [
    { kind: 'set', path: 'contract.amount', value: next.amount },
    ...(next.currency ? [{ kind: 'set' as const, path: 'contract.currency', value: next.currency }] : []),
  ];
}

/**
 * contractFromDeal's ops with their "from the CRM" marks (issue 19): the amount
 * and currency the page filled wait for the rep's confirmation before they
 * count toward completeness. `crm`: the deal identity's CRM id; `at`: ISO instant of the read.
 */
export function contractFromDealMarked(packet: Packet, next: DealSnapshot, crm: string, at: string): PacketOp[] {
  const ops = contractFromDeal(packet, next);
  const marks = ops.flatMap((op) => (op.kind === 'set' ? markFieldOps(op.path === 'contract.amount' ? 'amount' : 'currency', `${crm}:deal`, at) : []));
  return [...ops, ...marks];
}
