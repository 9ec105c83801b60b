import { describe, expect, it } from 'vitest';
import { applyOp } from '@/lib/sync/packet-ops';
import { empty, snapshot } from '../packet/helpers';

describe('applyOp', () => {
  it('replaying an add does not duplicate the row', () => {
    const op = { kind: 'add' as const, list: 'risks.items', item: { id: 'r1', text: 'Budget' } };
    const once = applyOp(empty(), op);
    expect(applyOp(once, op).risks.items).toHaveLength(1);
  });

  it('a field the page stops showing keeps its last known value in the packet', () => {
    const next = applyOp(empty(), {
      kind: 'deal',
      snapshot: { ...snapshot, amount: null, currency: null, stage: 'Closed Won' },
      dealUrl: 'https://acme.lightning.force.com/y',
    });
    expect(next.deal).toMatchObject({ amount: 125000, currency: 'USD', stage: 'Closed Won' });
    expect(next.dealUrl).toBe('https://acme.lightning.force.com/y');
  });

  it('set, update and remove reach the right place', () => {
    let p = applyOp(empty(), { kind: 'set', path: 'profile.industry', value: '制造业' });
    p = applyOp(p, { kind: 'add', list: 'stakeholders', item: { id: 'a' } });
    p = applyOp(p, { kind: 'update', list: 'stakeholders', id: 'a', patch: { name: '陳志明' } });
    expect(p.profile.industry).toBe('制造业');
    expect(p.stakeholders[0]!.name).toBe('陳志明');
    p = applyOp(p, { kind: 'remove', list: 'stakeholders', id: 'a' });
    expect(p.stakeholders).toEqual([]);
    expect(applyOp(p, { kind: 'status', status: 'submitted' }).status).toBe('submitted');
  });
});
