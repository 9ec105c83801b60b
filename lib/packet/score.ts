// Completeness and the submission gate. Completeness is the weighted share of
// satisfied items, rounded down (79.9 % must not show as 80 % and pass).
// Only what the rep confirmed counts (issue 19): a rule satisfied only by values
// the CRM page filled in and the rep has not confirmed is "to confirm", not
// satisfied, for completeness and for the submission gate alike.
import { RULES, type RuleId, type RuleResult } from './checklist-rules';
import type { ChecklistTemplate } from './checklist-template';
import { confirmedView } from './prefill-marks';
import type { Packet } from './schema';

export interface ScoredItem {
  id: RuleId;
  required: boolean;
  weight: number;
  satisfied: boolean;
  /** unsatisfied, but would be satisfied once the rep confirms what the CRM page filled in */
  toConfirm: boolean;
  linkPath: string;
  detail?: string;
}

export type Blocker = { kind: 'required'; itemId: RuleId } | { kind: 'threshold'; completeness: number; threshold: number };

export interface Score {
  completeness: number;
  items: ScoredItem[];
  missingRequired: ScoredItem[];
  canSubmit: boolean;
  blockers: Blocker[];
}

export function scorePacket(packet: Packet, template: ChecklistTemplate): Score {
  const confirmed = confirmedView(packet);
  const items: ScoredItem[] = template.items.map((it) => {
    const r: RuleResult = RULES[it.id](confirmed);
    const toConfirm = !r.satisfied && confirmed !== packet && RULES[it.id](packet).satisfied;
    return { id: it.id, required: it.required, weight: it.weight, satisfied: r.satisfied, toConfirm, linkPath: r.linkPath, ...(r.detail ? { detail: r.detail } : {}) };
  });
  const total = items.reduce((s, i) => s + i.weight, 0);
  const got = items.reduce((s, i) => s + (i.satisfied ? i.weight : 0), 0);
  // Integer arithmetic first so 80/100 is exactly 80, not 79.999….
  const completeness = total === 0 ? 100 : Math.floor((got * 100 + 1e-9 * total) / total);
  const missingRequired = items.filter((i) => i.required && !i.satisfied);
  const blockers: Blocker[] = missingRequired.map((i) => ({ kind: 'required', itemId: i.id }));
  if (completeness < template.threshold) blockers.push({ kind: 'threshold', completeness, threshold: template.threshold });
  return { completeness, items, missingRequired, canSubmit: blockers.length === 0, blockers };
}
