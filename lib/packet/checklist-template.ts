// A team's checklist template: which rules are required, their weights, and the
// completeness threshold for submission. Unknown rule ids are rejected, so a
// template can never put a packet into a state the scorer does not understand.
import { z } from 'zod';
import { RULE_IDS, type RuleId } from './checklist-rules';

/**
 * The template shape over a set of rule ids: items (each rule once, required or
 * optional, a weight) and the completeness threshold (0–100 %) for handing on.
 * The sales checklist uses RULE_IDS; a later relay stage its own rules
 * (lib/relay/implementation-rules.ts).
 */
export function templateSchemaOf<const Ids extends readonly [string, ...string[]]>(ids: Ids) {
  const item = itemSchemaOf(ids);
  return z
    .object({
      version: z.number().int().nonnegative(),
      threshold: z.number().min(0).max(100).default(80),
      items: z.array(item).max(50),
    })
    .refine((t) => new Set(t.items.map((i) => i.id)).size === t.items.length, {
      message: 'each rule may appear once',
      path: ['items'],
      params: { issue: 'ruleOnce' },
    });
}

/** One item of a template: a rule of `ids`, required or optional, its weight. */
function itemSchemaOf<const Ids extends readonly [string, ...string[]]>(ids: Ids) {
  return z.object({ id: z.enum(ids), required: z.boolean(), weight: z.number().positive().max(1000) });
}

export const checklistItemSchema = itemSchemaOf(RULE_IDS);

export const checklistTemplateSchema = templateSchemaOf(RULE_IDS);

export type ChecklistTemplate = z.infer<typeof checklistTemplateSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/**
 * lib/packet/README.md: static items required (profile, contract, why we won, risks, a
 * stakeholder with contact), dynamic items optional. Required weights add up to
 * the default threshold, so a packet with every required item done may submit.
 */
const REQUIRED_BY_DEFAULT: readonly RuleId[] = ['profile', 'contract', 'whyWon', 'risks', 'stakeholderWithContact'];
/** Every rule's default weight (a new rule must be given one). */
const DEFAULT_WEIGHTS: Record<RuleId, number> = {
  dealSnapshot: 2, profile: 15, contract: 20, whyWon: 15, risks: 15, stakeholderWithContact: 15,
  goals: 5, doneAndOpen: 3, followUps: 3, assessment: 3, introductions: 2, serviceGroup: 2,
};

/** Every rule in RULE_IDS order, with its default weight and whether it is required. */
export const DEFAULT_TEMPLATE: ChecklistTemplate = {
  version: 1,
  threshold: 80,
  items: RULE_IDS.map((id) => ({ id, required: REQUIRED_BY_DEFAULT.includes(id), weight: DEFAULT_WEIGHTS[id] })),
};
