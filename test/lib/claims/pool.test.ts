// Pool territory rules and rotation as pure functions of the expired claim,
// the policy and the clock.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { claimPolicySchema, type ClaimPolicy } from '@/lib/claims/policy';
import { poolDepartment, poolRefusal, type PoolEntry } from '@/lib/claims/pool';

const DAY = 86_400_000;
const policy = (p: Record<string, unknown> = {}): ClaimPolicy => claimPolicySchema.parse({ version: 2, effectiveAt: '2026-01-01T00:00:00Z', ...p });
const entry: PoolEntry = { expiredAt: '2026-03-01T00:00:00.000Z', department: 'East', lastHolderId: 1 };
const after = (days: number) => new Date(Date.parse(entry.expiredAt) + days * DAY).toISOString();
const someone = { userId: 2, channel: 'direct', department: 'East' };

describe('pool rules', () => {
  it('by default anyone may claim, except the last holder for 7 days', () => {
    expect(poolRefusal(someone, entry, policy(), after(0))).toBeNull();
    expect(poolRefusal({ ...someone, userId: 1 }, entry, policy(), after(6.9))).toEqual({ code: 'pool_cooldown', until: after(7) });
    expect(poolRefusal({ ...someone, userId: 1 }, entry, policy(), after(7))).toBeNull();
    expect(poolRefusal({ ...someone, userId: 1 }, entry, policy({ pool: { reclaimCooldownDays: 0 } }), after(0))).toBeNull();
  });

  it('channels: partners (partner:NAME) and telesales can be kept out; no channel counts as direct', () => {
    const p = policy({ pool: { channels: ['direct'] } });
    expect(poolRefusal({ ...someone, channel: 'partner:Acme' }, entry, p, after(1))).toEqual({ code: 'pool_channel', channel: 'partner' });
    expect(poolRefusal({ ...someone, channel: 'telesales' }, entry, p, after(1))).toEqual({ code: 'pool_channel', channel: 'telesales' });
    expect(poolRefusal({ ...someone, channel: null }, entry, p, after(1))).toBeNull();
  });

  it('departments: only listed departments claim; a person without one is refused', () => {
    const p = policy({ pool: { departments: ['华东', 'East'] } });
    expect(poolRefusal({ ...someone, department: '华东' }, entry, p, after(1))).toBeNull();
    expect(poolRefusal({ ...someone, department: 'West' }, entry, p, after(1))).toMatchObject({ code: 'pool_department' });
    expect(poolRefusal({ ...someone, department: null }, entry, p, after(1))).toMatchObject({ code: 'pool_department' });
  });

  it('rotation moves the customer to the next department after N whole periods, cycling', () => {
    const p = policy({ rotateAfterPeriods: 2, rotationDepartments: ['East', 'West', 'North'] }); // flat 14-day periods
    expect(poolDepartment(entry, p, after(27.9))).toBe('East');
    expect(poolDepartment(entry, p, after(28))).toBe('West');
    expect(poolDepartment(entry, p, after(56))).toBe('North');
    expect(poolDepartment(entry, p, after(84))).toBe('East');
    expect(poolDepartment({ ...entry, department: null }, p, after(28))).toBe('East'); // from no department to the first
    expect(poolDepartment(entry, policy({ mode: 'ladder', rotateAfterPeriods: 1, rotationDepartments: ['East', 'West'] }), after(10))).toBe('West'); // ladder period: 10 days
    expect(poolRefusal({ ...someone, department: 'East' }, entry, p, after(30))).toEqual({ code: 'pool_department', department: 'West', allowed: ['West'] });
    expect(poolDepartment(entry, policy(), after(400))).toBe('East'); // no rotation: stays
  });

  it('rotation cycles through the list: same department within a period, back again after a full cycle', () => {
    const list = ['A', 'B', 'C', 'D'];
    const p = policy({ rotateAfterPeriods: 1, rotationDepartments: list });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 13.99, noNaN: true }), (period, within) => {
        const start = poolDepartment(entry, p, after(period * 14));
        expect(list).toContain(start);
        expect(poolDepartment(entry, p, after(period * 14 + within))).toBe(start);
        expect(poolDepartment(entry, p, after((period + 4) * 14))).toBe(start);
        expect(poolDepartment(entry, p, after((period + 1) * 14))).not.toBe(start);
      }),
    );
  });
});
