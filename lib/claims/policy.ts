// A team's claim policy (DESIGN.md §2), validated. Versioned: every change is a
// new version with an effective time, and a claim is judged by the version in
// force when it was made.
import { z } from 'zod';

export const LADDER_STAGES = ['callAndVisit', 'demoOrTender', 'signedUnpaid'] as const;
export type LadderStage = (typeof LADDER_STAGES)[number];

const days = z.number().int().min(1).max(3650);

export const claimPolicySchema = z
  .strictObject({
    version: z.number().int().min(1),
    effectiveAt: z.iso.datetime(),
    mode: z.enum(['flat', 'ladder']).default('flat'),
    flatDays: days.default(14),
    ladder: z
      .strictObject({
        initialDays: days.default(10),
        stages: z
          .array(z.strictObject({ stage: z.enum(LADDER_STAGES), days: days }))
          .max(LADDER_STAGES.length)
          .default([
            { stage: 'callAndVisit', days: 10 },
            { stage: 'demoOrTender', days: 20 },
            { stage: 'signedUnpaid', days: 15 },
          ]),
      })
      .prefault({}),
    /** one manual extension, approved by a manager */
    extensionDays: days.default(14),
    /** no claim lasts longer than this many days in total (null: no cap) */
    capDays: days.nullable().default(null),
    /** "expiring" when this close to the end */
    warnDays: z.number().int().min(0).max(60).default(3),
    /** browser notifications this many days before expiry */
    notifyDays: z.array(z.number().int().min(0).max(60)).max(5).default([3, 1]),
    /** after this many periods in one department's pool, move it to another (null: never) */
    rotateAfterPeriods: z.number().int().min(1).max(10).nullable().default(null),
    creditSplit: z
      .strictObject({ firstTouch: z.number().min(0).max(100), process: z.number().min(0).max(100), signing: z.number().min(0).max(100) })
      .refine((s) => s.firstTouch + s.process + s.signing === 100, 'the split must add up to 100')
      .default({ firstTouch: 20, process: 60, signing: 20 }),
  })
  .refine((p) => p.mode !== 'ladder' || new Set(p.ladder.stages.map((s) => s.stage)).size === p.ladder.stages.length, {
    message: 'each ladder stage may appear once',
    path: ['ladder', 'stages'],
  });

export type ClaimPolicy = z.infer<typeof claimPolicySchema>;

export const DEFAULT_POLICY: ClaimPolicy = claimPolicySchema.parse({ version: 1, effectiveAt: '2026-01-01T00:00:00Z' });

/** The version in force at a moment: the latest whose effectiveAt is not after it. */
export function policyAt(versions: ClaimPolicy[], at: string): ClaimPolicy | null {
  const t = Date.parse(at);
  return (
    [...versions]
      .filter((v) => Date.parse(v.effectiveAt) <= t)
      .sort((a, b) => b.version - a.version || Date.parse(b.effectiveAt) - Date.parse(a.effectiveAt))[0] ?? null
  );
}
