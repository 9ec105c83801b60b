import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimPolicySchema, DEFAULT_POLICY, LADDER_STAGES, policyAt, type ClaimPolicy } from '@/lib/claims/policy';
import { claimStatus, expiresAt, nextStage, type ClaimTimes } from '@/lib/claims/timing';

const start = '2026-11-23T08:00:00.000Z';
const claim = (over: Partial<ClaimTimes> = {}): ClaimTimes => ({ claimedAt: start, stages: [], extensionApprovedAt: null, releasedAt: null, wonAt: null, ...over });
const ladder = claimPolicySchema.parse({ version: 2, effectiveAt: '2026-06-01T00:00:00Z', mode: 'ladder' });
const plusDays = (iso: string, d: number) => new Date(Date.parse(iso) + d * 86_400_000).toISOString();

describe('claim timing', () => {
  it('flat: 14 days by default; one approved extension adds 14', () => {
    expect(expiresAt(claim(), DEFAULT_POLICY)).toBe(plusDays(start, 14));
    expect(expiresAt(claim({ extensionApprovedAt: start }), DEFAULT_POLICY)).toBe(plusDays(start, 28));
  });

  it('ladder: 10 days, +10 call and visit, +20 demo or tender, +15 signed; evidence required', () => {
    expect(expiresAt(claim(), ladder)).toBe(plusDays(start, 10));
    const s = (stage: (typeof LADDER_STAGES)[number], evidence = 'visit notes') => ({ stage, at: start, evidence });
    expect(expiresAt(claim({ stages: [s('callAndVisit')] }), ladder)).toBe(plusDays(start, 20));
    expect(expiresAt(claim({ stages: [s('callAndVisit'), s('demoOrTender'), s('signedUnpaid')] }), ladder)).toBe(plusDays(start, 55));
    expect(expiresAt(claim({ stages: [s('demoOrTender', '   ')] }), ladder)).toBe(plusDays(start, 10));
    expect(nextStage(claim({ stages: [s('callAndVisit')] }), ladder)).toEqual({ stage: 'demoOrTender', days: 20 });
  });

  it('status from timestamps: active, expiring (≤ 3 days), expired, won, released', () => {
    expect(claimStatus(claim(), DEFAULT_POLICY, plusDays(start, 1))).toBe('active');
    expect(claimStatus(claim(), DEFAULT_POLICY, plusDays(start, 11))).toBe('expiring');
    expect(claimStatus(claim(), DEFAULT_POLICY, plusDays(start, 14))).toBe('expired');
    expect(claimStatus(claim({ wonAt: plusDays(start, 5) }), DEFAULT_POLICY, plusDays(start, 20))).toBe('won');
    expect(claimStatus(claim({ releasedAt: plusDays(start, 2) }), DEFAULT_POLICY, plusDays(start, 3))).toBe('released');
  });

  it('the policy in force when the claim was made is the one that applies', () => {
    const v1 = DEFAULT_POLICY;
    const v2 = claimPolicySchema.parse({ version: 2, effectiveAt: '2026-12-01T00:00:00Z', flatDays: 30 });
    expect(policyAt([v1, v2], start)?.version).toBe(1);
    expect(policyAt([v1, v2], '2026-12-02T00:00:00Z')?.version).toBe(2);
    expect(policyAt([v2], start)).toBeNull();
  });

  it('policies are validated with paths', () => {
    const bad = claimPolicySchema.safeParse({ version: 1, effectiveAt: start, creditSplit: { firstTouch: 50, process: 60, signing: 20 } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path.join('.')).toBe('creditSplit');
    expect(claimPolicySchema.safeParse({ version: 1, effectiveAt: start, flatDays: 0 }).error!.issues[0]!.path).toEqual(['flatDays']);
  });

  // Any sequence of stage evidence and the extension never shortens a claim,
  // never exceeds the cap, and gives the same answer every time.
  const policyArb: fc.Arbitrary<ClaimPolicy> = fc
    .record({
      mode: fc.constantFrom('flat' as const, 'ladder' as const),
      flatDays: fc.integer({ min: 1, max: 60 }),
      capDays: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
      extensionDays: fc.integer({ min: 1, max: 30 }),
      initialDays: fc.integer({ min: 1, max: 30 }),
      stageDays: fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 })),
    })
    .map((r) =>
      claimPolicySchema.parse({
        version: 1,
        effectiveAt: '2026-01-01T00:00:00Z',
        mode: r.mode,
        flatDays: r.flatDays,
        capDays: r.capDays,
        extensionDays: r.extensionDays,
        ladder: { initialDays: r.initialDays, stages: LADDER_STAGES.map((stage, i) => ({ stage, days: r.stageDays[i]! })) },
      }),
    );
  const eventArb = fc.oneof(
    fc.record({ kind: fc.constant('stage' as const), stage: fc.constantFrom(...LADDER_STAGES), evidence: fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 10 })) }),
    fc.constant({ kind: 'extension' as const }),
  );

  it('property: never shortens, never exceeds the cap, deterministic', () => {
    fc.assert(
      fc.property(policyArb, fc.array(eventArb, { maxLength: 10 }), (policy, events) => {
        let c = claim();
        let last = Date.parse(expiresAt(c, policy));
        for (const [i, e] of events.entries()) {
          const at = plusDays(start, i);
          c = e.kind === 'stage' ? { ...c, stages: [...c.stages, { stage: e.stage, at, evidence: e.evidence }] } : { ...c, extensionApprovedAt: c.extensionApprovedAt ?? at };
          const now = Date.parse(expiresAt(c, policy));
          expect(now).toBeGreaterThanOrEqual(last);
          if (policy.capDays !== null) expect(now).toBeLessThanOrEqual(Date.parse(start) + policy.capDays * 86_400_000);
          expect(expiresAt(structuredClone(c), structuredClone(policy))).toBe(expiresAt(c, policy));
          last = now;
        }
      }),
      { numRuns: 500 },
    );
  });
});
