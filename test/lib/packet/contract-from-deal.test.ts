import { describe, expect, it } from 'vitest';
import { contractFromDeal } from '@/lib/packet/contract-from-deal';
import { emptySnapshot } from '@/lib/crm/types';
import { newPacket } from '@/lib/packet/schema';
import { applyOp } from '@/lib/sync/packet-ops';
import { identity, snapshot } from './helpers';

const fresh = () => newPacket(identity, emptySnapshot(), '', new Date('2026-11-23T00:00:00Z'));

describe('the contract starts from the page', () => {
  it('a new packet takes the amount and currency the page shows', () => {
    const p = contractFromDeal(fresh(), snapshot).reduce(applyOp, fresh());
    expect(p.contract.amount).toBe(125000);
    expect(p.contract.currency).toBe('USD');
  });

  it('no amount on the page: nothing is guessed', () => {
    expect(contractFromDeal(fresh(), { ...snapshot, amount: null })).toEqual([]);
  });

  it('an amount without a currency fills only the amount', () => {
    expect(contractFromDeal(fresh(), { ...snapshot, currency: null })).toEqual([{ kind: 'set', path: 'contract.amount', value: 125000 }]);
  });

  it('once the page was read, the rep’s own value (even an emptied one) is never overwritten', () => {
    const read = { ...fresh(), deal: snapshot };
    expect(contractFromDeal(read, { ...snapshot, amount: 99 })).toEqual([]);
    const typed = { ...fresh(), contract: { ...fresh().contract, currency: 'EUR' } };
    expect(contractFromDeal(typed, snapshot)).toEqual([]);
  });
});
