import { describe, expect, it } from 'vitest';
import { coalesceOps } from '@/lib/sync/coalesce-ops';
import type { PacketOp } from '@/lib/sync/packet-ops';

describe('coalesceOps', () => {
  it('keeps only the last of consecutive keystrokes in one field', () => {
    const ops: PacketOp[] = [
      { kind: 'set', path: 'whyWon.decisivePoints', value: 'P' },
      { kind: 'set', path: 'whyWon.decisivePoints', value: 'Pr' },
      { kind: 'set', path: 'whyWon.decisivePoints', value: 'Pri' },
    ];
    expect(coalesceOps(ops)).toEqual([{ kind: 'set', path: 'whyWon.decisivePoints', value: 'Pri' }]);
  });

  it('keeps edits to different fields and their order', () => {
    const ops: PacketOp[] = [
      { kind: 'set', path: 'a', value: 1 },
      { kind: 'set', path: 'b', value: 2 },
      { kind: 'set', path: 'a', value: 3 },
    ];
    expect(coalesceOps(ops)).toEqual(ops);
  });

  it('merges patches to one list item and never drops an add or remove', () => {
    const ops: PacketOp[] = [
      { kind: 'add', list: 'risks.items', item: { id: 'r1' } },
      { kind: 'update', list: 'risks.items', id: 'r1', patch: { text: 'Budget' } },
      { kind: 'update', list: 'risks.items', id: 'r1', patch: { severity: 'high' } },
      { kind: 'remove', list: 'risks.items', id: 'r0' },
    ];
    expect(coalesceOps(ops)).toEqual([
      { kind: 'add', list: 'risks.items', item: { id: 'r1' } },
      { kind: 'update', list: 'risks.items', id: 'r1', patch: { text: 'Budget', severity: 'high' } },
      { kind: 'remove', list: 'risks.items', id: 'r0' },
    ]);
  });
});
