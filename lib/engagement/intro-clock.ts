// The intro clock (DESIGN.md §1 "After acceptance"): the CSM's intro should
// reach the customer within the team's minutes (default 30) of acceptance.
// A pure function of the packet's review times and the clock.
import type { EngagementPolicy } from './policy';

export type IntroClock =
  | { state: 'waiting' }
  | { state: 'running'; dueAt: string; msLeft: number }
  | { state: 'overdue'; dueAt: string; msLate: number }
  | { state: 'met' | 'missed'; dueAt: string; sentAt: string; tookMs: number };

export function introClock(review: { acceptedAt: string | null; introSentAt: string | null }, policy: EngagementPolicy, now: number): IntroClock {
  if (!review.acceptedAt) return { state: 'waiting' };
  const start = Date.parse(review.acceptedAt);
  const due = start + policy.introMinutes * 60_000;
  const dueAt = new Date(due).toISOString();
  if (review.introSentAt) {
    const sent = Date.parse(review.introSentAt);
    return { state: sent <= due ? 'met' : 'missed', dueAt, sentAt: review.introSentAt, tookMs: sent - start };
  }
  return now < due ? { state: 'running', dueAt, msLeft: due - now } : { state: 'overdue', dueAt, msLate: now - due };
}
