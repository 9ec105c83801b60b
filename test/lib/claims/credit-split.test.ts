import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { creditShares } from '@/lib/claims/credit-split';

describe('credit split of a conflict ruling', () => {
  it('gives each part to its person and merges parts held by one person', () => {
    const split = { firstTouch: 20, process: 60, signing: 20 };
    expect(creditShares({ firstTouch: 1, process: 2, signing: 3 }, split)).toEqual([
      { userId: 2, percent: 60 },
      { userId: 1, percent: 20 },
      { userId: 3, percent: 20 },
    ]);
    expect(creditShares({ firstTouch: 7, process: 9, signing: 7 }, split)).toEqual([
      { userId: 9, percent: 60 },
      { userId: 7, percent: 40 },
    ]);
    expect(creditShares({ firstTouch: 5, process: 5, signing: 5 }, { firstTouch: 0, process: 100, signing: 0 })).toEqual([{ userId: 5, percent: 100 }]);
  });

  it('always adds up to the whole split, one row per person', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), ([a, b, c], x, y) => {
        const first = Math.min(x, 100);
        const proc = Math.min(y, 100 - first);
        const shares = creditShares({ firstTouch: a, process: b, signing: c }, { firstTouch: first, process: proc, signing: 100 - first - proc });
        expect(shares.reduce((n, s) => n + s.percent, 0)).toBe(100);
        expect(new Set(shares.map((s) => s.userId)).size).toBe(shares.length);
      }),
    );
  });
});
