// A team's claim policy (lib/claims/README.md), validated. Versioned: every change is a
// new version with an effective time, and a claim is judged by the version in
// force when it was made.
import { z } from 'zod';
import { isPhoneRegion } from './phone-regions';

export const LADDER_STAGES = ['callAndVisit', 'demoOrTender', 'signedUnpaid'] as const;
export type LadderStage = (typeof LADDER_STAGES)[number];

const days = z.number().int().min(1).max(3650);
const department = z.string().trim().min(1).max(60);
export const POOL_CHANNELS = ['direct', 'telesales', 'partner'] as const;

/** How keys are read: the phone region and the team's own free-mail domains (policy.keys). */
export const keyRulesSchema = z
  .strictObject({
    /** region for numbers written without a country code (ISO 3166-1 alpha-2: CN, TW, HK, SG, US …); null: only +… numbers are keys */
    defaultRegion: z
      .string()
      .trim()
      .toUpperCase()
      .refine((r) => /^[A-Z]{2}$/.test(r) && isPhoneRegion(r), 'not a region with phone numbering data (two letters, e.g. CN, TW, HK, SG, US)')
      .nullable()
      .default(null),
    /** domains whose addresses are free mail for this team, on top of the maintained list */
    freeMailDomains: z.array(z.string().trim().toLowerCase().regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'a domain such as mail.example.com')).max(200).default([]),
  })
  .prefault({});
/** What the team's claim policy says about keys, as parsed: claimKey (claim-key.ts) reads keys by it. */
export type KeyRules = z.infer<typeof keyRulesSchema>;

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
    /** who may claim from the public pool (territory rules) */
    pool: z
      .strictObject({
        /** which channels may claim from the pool; partners are often kept out */
        channels: z.array(z.enum(POOL_CHANNELS)).max(POOL_CHANNELS.length).default([...POOL_CHANNELS]),
        /** departments whose members may claim from the pool; empty: any */
        departments: z.array(department).max(50).default([]),
        /** the last holder may not take it straight back (no resetting the clock by letting it lapse) */
        reclaimCooldownDays: z.number().int().min(0).max(365).default(7),
        /** most live claims one person may hold; null: no limit */
        maxLiveClaims: z.number().int().min(1).max(100_000).nullable().default(null),
      })
      .prefault({}),
    /** how keys are read: the phone region and the team's own free-mail domains */
    keys: keyRulesSchema,
    /** anti-hoarding, for every claim (not only from the pool); null: no limit */
    antiHoarding: z
      .strictObject({
        /** new claims one rep may make in any 24 hours */
        newClaimsPerDay: z.number().int().min(1).max(10_000).nullable().default(null),
        /** live claims one rep may hold */
        maxLiveClaims: z.number().int().min(1).max(100_000).nullable().default(null),
        /** days before a rep may claim again a customer whose claim of theirs ran out or was released */
        reclaimCooldownDays: z.number().int().min(0).max(365).default(0),
      })
      .prefault({}),
    /** expiry reminders: the rep at each notifyDays threshold; the rep's manager too at the last one */
    reminders: z
      .strictObject({
        escalateToManager: z.boolean().default(true),
        /** a daily summary of expiring claims in the team's chat */
        managerDigest: z.boolean().default(false),
      })
      .prefault({}),
    /** after this many periods in one department's pool, move it to the next in rotationDepartments (null: never) */
    rotateAfterPeriods: z.number().int().min(1).max(10).nullable().default(null),
    rotationDepartments: z.array(department).max(20).default([]),
    creditSplit: z
      .strictObject({ firstTouch: z.number().min(0).max(100), process: z.number().min(0).max(100), signing: z.number().min(0).max(100) })
      .refine((s) => s.firstTouch + s.process + s.signing === 100, { message: 'the split must add up to 100', params: { issue: 'splitSum' } })
      .default({ firstTouch: 20, process: 60, signing: 20 }),
  })
  .refine((p) => p.mode !== 'ladder' || new Set(p.ladder.stages.map((s) => s.stage)).size === p.ladder.stages.length, {
    message: 'each ladder stage may appear once',
    path: ['ladder', 'stages'],
    params: { issue: 'stageOnce' },
  })
  .refine((p) => p.rotateAfterPeriods === null || p.rotationDepartments.length >= 2, {
    message: 'rotation needs at least two departments to rotate between',
    path: ['rotationDepartments'],
    params: { issue: 'rotationTwo' },
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
