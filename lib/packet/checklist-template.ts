// A team's checklist template: which rules are required, their weights, and the
// completeness threshold for submission. Unknown rule ids are rejected, so a
// template can never put a packet into a state the scorer does not understand.
import { z } from 'zod';
import { RULE_IDS } from './checklist-rules';

export const checklistItemSchema = z.object({
  id: z.enum(RULE_IDS),
  required: z.boolean(),
  weight: z.number().positive().max(1000),
});

export const checklistTemplateSchema = z
  .object({
    version: z.number().int().nonnegative(),
    threshold: z.number().min(0).max(100).default(80),
    items: z.array(checklistItemSchema).max(50),
  })
  .refine((t) => new Set(t.items.map((i) => i.id)).size === t.items.length, {
    message: 'each rule may appear once',
    path: ['items'],
    params: { issue: 'ruleOnce' },
  });

export type ChecklistTemplate = z.infer<typeof checklistTemplateSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/**
 * lib/packet/README.md: static items required (profile, contract, why we won, risks, a
 * stakeholder with contact), dynamic items optional. Required weights add up to
 * the default threshold, so a packet with every required item done may submit.
 */
export const DEFAULT_TEMPLATE: ChecklistTemplate = {
  version: 1,
  threshold: 80,
  items: [
    { id: 'dealSnapshot', required: false, weight: 2 },
    { id: 'profile', required: true, weight: 15 },
    { id: 'contract', required: true, weight: 20 },
    { id: 'whyWon', required: true, weight: 15 },
    { id: 'risks', required: true, weight: 15 },
    { id: 'stakeholderWithContact', required: true, weight: 15 },
    { id: 'goals', required: false, weight: 5 },
    { id: 'doneAndOpen', required: false, weight: 3 },
    { id: 'followUps', required: false, weight: 3 },
    { id: 'assessment', required: false, weight: 3 },
    { id: 'introductions', required: false, weight: 2 },
    { id: 'serviceGroup', required: false, weight: 2 },
  ],
};
