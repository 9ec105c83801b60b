// Completeness and the submission gate. Completeness is the weighted share of
// satisfied items, rounded down (79.9 % must not show as 80 % and pass).
// Only what the rep confirmed counts (issue 19): a rule satisfied only by values
// the CRM page filled in and the rep has not confirmed is "to confirm", not
// satisfied, for completeness and for the submission gate alike.
import { RULES, type RuleId, type RuleResult } from './checklist-rules';
import type { ChecklistTemplate } from './checklist-template';
import { confirmedView } from './confirmed-view';
import type { Packet } from './schema';

export interface ScoredItem<Id extends string = RuleId> {
  id: Id;
  required: boolean;
  weight: number;
  satisfied: boolean;
  /** unsatisfied, but would be satisfied once the rep confirms what the CRM page filled in */
  toConfirm: boolean;
  linkPath: string;
  detail?: string;
}

export type Blocker<Id extends string = RuleId> = { kind: 'required'; itemId: Id } | { kind: 'threshold'; completeness: number; threshold: number };

export interface Score<Id extends string = RuleId> {
  completeness: number;
  items: ScoredItem<Id>[];
  missingRequired: ScoredItem<Id>[];
  canSubmit: boolean;
  blockers: Blocker<Id>[];
}

/** A template over the rule ids `Id`: the shape of checklist-template.ts. */
export interface TemplateOf<Id extends string> {
  threshold: number;
  items: { id: Id; required: boolean; weight: number }[];
}

/** Scores `packet` with `template`, each item checked by its rule in `rules` (a later relay stage has its own: lib/relay). */
export function scoreWith<Id extends string>(rules: Record<Id, (p: Packet) => RuleResult>, packet: Packet, template: TemplateOf<Id>): Score<Id> {
  const confirmed = confirmedView(packet);
  const items: ScoredItem<Id>[] = template.items.map((it) => {
    const r: RuleResult = rules[it.id](confirmed);
    const toConfirm = !r.satisfied && confirmed !== packet && rules[it.id](packet).satisfied;
    return { id: it.id, required: it.required, weight: it.weight, satisfied: r.satisfied, toConfirm, linkPath: r.linkPath, ...(r.detail ? { detail: r.detail } : {}) };
  });
  const total = items.reduce((s, i) => s + i.weight, 0);
  const got = items.reduce((s, i) => s + (i.satisfied ? i.weight : 0), 0);
  // Integer arithmetic first so 80/100 is exactly 80, not 79.999….
  const completeness = total === 0 ? 100 : Math.floor((got * 100 + 1e-9 * total) / total);
  const missingRequired = items.filter((i) => i.required && !i.satisfied);
  const blockers: Blocker<Id>[] = missingRequired.map((i) => ({ kind: 'required', itemId: i.id }));
  if (completeness < template.threshold) blockers.push({ kind: 'threshold', completeness, threshold: template.threshold });
  return { completeness, items, missingRequired, canSubmit: blockers.length === 0, blockers };
}

/** The sales checklist: the team's template over the rules of checklist-rules.ts. */
export function scorePacket(packet: Packet, template: ChecklistTemplate): Score {
  return scoreWith(RULES, packet, template);
}
