// The team's engagement policy (lib/engagement/README.md: "When CS joins",
// "After acceptance"): the thresholds of the engagement rule, the stage → progress
// map per CRM, and the intro clock. Validated; defaults from the design.
import { z } from 'zod';

export const engagementPolicySchema = z.strictObject({
  /** Rule 1 (CS joins after close) only for deals under all three thresholds */
  rule: z
    .strictObject({
      amount: z.number().min(0).default(15_000),
      salesCycleDays: z.number().int().min(1).max(3650).default(45),
      implementationWeeks: z.number().min(0).max(520).default(3),
      /** Rule 2: CS joins when the deal is this far through the sales process */
      joinAtProgress: z.number().int().min(1).max(100).default(70),
    })
    .prefault({}),
  /**
   * The team's currency (ISO 4217): what a shared sign on a CRM page ("$",
   * "¥", "kr", "元") means when the page itself does not settle it
   * (lib/crm/parse-currency.ts). Null: such a currency is left for the rep.
   */
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code, e.g. CNY').nullable().default(null),
  /** minutes from the start of the intro clock to the intro reaching the customer */
  introMinutes: z.number().int().min(1).max(10_080).default(30),
  /** what starts the intro clock: the CSM accepting the packet, or the deal reaching its won stage */
  introClockStart: z.enum(['accepted', 'won']).default('accepted'),
  /** the team's own texts in the intro draft */
  introTemplate: z
    .strictObject({
      welcomeVideoUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().default(null),
      /** "what happens next", one line per step, by language; empty: the built-in steps */
      nextSteps: z.partialRecord(z.enum(['zh-CN', 'zh-TW', 'en']), z.array(z.string().trim().min(1).max(300)).max(10)).default({}),
    })
    .prefault({}),
  /** days from acceptance to the CSM's retrospective of the handoff (lib/engagement/retrospective.ts) */
  retrospectiveDays: z.number().int().min(1).max(365).default(30),
  /** stage label → % through the sales process, per CRM id (added to the built-in map) */
  stageProgress: z.record(z.string().max(60), z.record(z.string().max(200), z.number().int().min(0).max(100))).default({}),
});

export type EngagementPolicy = z.infer<typeof engagementPolicySchema>;
export const DEFAULT_ENGAGEMENT_POLICY: EngagementPolicy = engagementPolicySchema.parse({});
