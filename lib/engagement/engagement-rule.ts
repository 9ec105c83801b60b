// When customer success joins a deal (lib/engagement/README.md): Rule 1 after close for
// small, fast deals; Rule 2 at ~70% of the sales process otherwise.
import type { EngagementPolicy } from './policy';

export interface DealSize {
  amount: number | null;
  /** expected length of the sales cycle, days */
  salesCycleDays: number | null;
  /** expected implementation length, weeks */
  implementationWeeks: number | null;
}

/**
 * Rule 1 only when every known figure is under its threshold; an unknown
 * figure does not count against Rule 1 unless all three are unknown (then
 * Rule 2: without facts, involve CS early rather than late).
 */
export function engagementRule(d: DealSize, policy: EngagementPolicy): 1 | 2 {
  const t = policy.rule;
  const known = [d.amount, d.salesCycleDays, d.implementationWeeks].filter((v) => v !== null).length;
  if (known === 0) return 2;
  const small = (d.amount ?? 0) < t.amount && (d.salesCycleDays ?? 0) < t.salesCycleDays && (d.implementationWeeks ?? 0) < t.implementationWeeks;
  return small ? 1 : 2;
}

/** Rule 2, past the join point, and still no CSM: the rep's sidebar asks for one. */
export function needsCsm(rule: 1 | 2, progress: number | null, hasCsm: boolean, policy: EngagementPolicy): boolean {
  return rule === 2 && !hasCsm && progress !== null && progress >= policy.rule.joinAtProgress;
}
