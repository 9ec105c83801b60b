// Completeness and the submission gate. Completeness is the weighted share of
// satisfied items, rounded down (79.9 % must not show as 80 % and pass).
import { RULES, type RuleId, type RuleResult } from './checklist-rules';
import type { ChecklistTemplate } from './checklist-template';
import type { Packet } from './schema';

export interface ScoredItem {
  id: RuleId;
  required: boolean;
  weight: number;
  satisfied: boolean;
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
  const items: ScoredItem[] = template.items.map((it) => {
    const r: RuleResult = RULES[it.id](packet);
    return { id: it.id, required: it.required, weight: it.weight, satisfied: r.satisfied, linkPath: r.linkPath, ...(r.detail ? { detail: r.detail } : {}) };
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
