import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receiveHlc, tickHlc } from '@/lib/sync/hlc';
import { mergeOp, type Clocks } from '@/lib/sync/merge-mutation';
import type { PacketOp } from '@/lib/sync/packet-ops';
import { empty } from '../packet/helpers';

describe('hybrid logical clock', () => {
  it('never goes backwards, even when the wall clock does', () => {
    const a = tickHlc(null, 1000);
    const b = tickHlc(a, 900); // clock moved back
    expect(formatHlc(b, 'n') > formatHlc(a, 'n')).toBe(true);
    expect(b).toEqual({ wall: 1000, counter: 1 });
  });

  it('stays ahead of a remote timestamp from a client two hours fast', () => {
    const now = 1_790_000_000_000;
    const remote = formatHlc({ wall: now + 2 * 3600_000, counter: 4 }, 'fast');
    const mine = receiveHlc(tickHlc(null, now), remote, now);
    expect(formatHlc(mine, 'slow') > remote).toBe(true);
    expect(parseHlc(remote)).toEqual({ wall: now + 2 * 3600_000, counter: 4, node: 'fast' });
  });
});

describe('mergeOp (server side, per field, last writer wins)', () => {
  const h = (n: number, node = 'a') => formatHlc({ wall: 1_790_000_000_000 + n, counter: 0 }, node);

  it('an older write loses and is reported, a newer one wins', () => {
    let r = mergeOp(empty(), {}, { kind: 'set', path: 'salesNotes', value: 'new' }, h(5));
    r = mergeOp(r.packet, r.clocks, { kind: 'set', path: 'salesNotes', value: 'old' }, h(3));
    expect(r.packet.salesNotes).toBe('new');
    expect(r.lost).toEqual([{ path: 'salesNotes', value: 'old', clock: h(3) }]);
  });

  it('a removed row is not revived by a late add or update', () => {
    const add: PacketOp = { kind: 'add', list: 'risks.items', item: { id: 'r1', text: 'x' } };
    let r = mergeOp(empty(), {}, add, h(1));
    r = mergeOp(r.packet, r.clocks, { kind: 'remove', list: 'risks.items', id: 'r1' }, h(2));
    r = mergeOp(r.packet, r.clocks, add, h(3));
    r = mergeOp(r.packet, r.clocks, { kind: 'update', list: 'risks.items', id: 'r1', patch: { text: 'y' } }, h(4));
    expect(r.packet.risks.items).toEqual([]);
    expect(r.lost).toHaveLength(1);
  });

  it('status changes are never accepted as edits', () => {
    const r = mergeOp(empty(), {}, { kind: 'status', status: 'accepted' }, h(1));
    expect(r.packet.status).toBe('draft');
    expect(r.lost[0]!.path).toBe('status');
  });

  // Two devices, each with its own ordered edits (fields and its own rows),
  // interleaved in any order at the server: the result is the same.
  const fieldOps = (node: string) =>
    fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom('salesNotes', 'profile.industry', 'profile.tier', 'whyWon.decisivePoints'), value: fc.string({ maxLength: 8 }) }),
        fc.record({ kind: fc.constant('add' as const), list: fc.constant('stakeholders'), item: fc.record({ id: fc.constantFrom(`${node}1`, `${node}2`, `${node}3`), name: fc.string({ maxLength: 5 }) }) }),
        fc.record({ kind: fc.constant('update' as const), list: fc.constant('stakeholders'), id: fc.constantFrom(`${node}1`, `${node}2`), patch: fc.record({ email: fc.string({ maxLength: 5 }) }) }),
        fc.record({ kind: fc.constant('remove' as const), list: fc.constant('stakeholders'), id: fc.constantFrom(`${node}1`, `${node}3`) }),
      ),
      { maxLength: 12 },
    );

  it('converges whatever the interleaving of two devices (property)', () => {
    fc.assert(
      fc.property(fieldOps('a'), fieldOps('b'), fc.array(fc.boolean(), { maxLength: 30 }), fc.array(fc.boolean(), { maxLength: 30 }), (aOps, bOps, pick1, pick2) => {
        // Timestamps interleave the two devices' clocks.
        const a = aOps.map((op, i) => ({ op: op as PacketOp, hlc: h(2 * i, 'a') }));
        const b = bOps.map((op, i) => ({ op: op as PacketOp, hlc: h(2 * i + 1, 'b') }));
        const interleave = (choices: boolean[]) => {
          const out: typeof a = [];
          let i = 0;
          let j = 0;
          let k = 0;
          while (i < a.length || j < b.length) {
            const takeA = j >= b.length || (i < a.length && (choices[k++] ?? true));
            out.push(takeA ? a[i++]! : b[j++]!);
          }
          return out;
        };
        const run = (seq: typeof a) => {
          let p = empty();
          let c: Clocks = {};
          for (const m of seq) ({ packet: p, clocks: c } = mergeOp(p, c, m.op, m.hlc));
          return { ...p, stakeholders: [...p.stakeholders].sort((x, y) => x.id.localeCompare(y.id)) };
        };
        expect(run(interleave(pick1))).toEqual(run(interleave(pick2)));
      }),
      { numRuns: 300 },
    );
  });
});
