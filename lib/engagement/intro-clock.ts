// The intro clock (lib/engagement/README.md): the CSM's intro should
// reach the customer within the team's minutes (default 30) of the close —
// the packet's acceptance or the deal reaching its won stage, as the team
// chooses. A pure function of the packet's review times and the clock.
import type { EngagementPolicy } from './policy';

export type IntroClock =
  | { state: 'waiting' }
  | { state: 'running'; dueAt: string; msLeft: number }
  | { state: 'overdue'; dueAt: string; msLate: number }
  | { state: 'met' | 'missed'; dueAt: string; sentAt: string; tookMs: number };

export function introClock(review: { acceptedAt: string | null; wonAt?: string | null; introSentAt: string | null }, policy: EngagementPolicy, now: number): IntroClock {
  const startAt = policy.introClockStart === 'won' ? (review.wonAt ?? null) : review.acceptedAt;
  if (!startAt) return { state: 'waiting' };
  const start = Date.parse(startAt);
  const due = start + policy.introMinutes * 60_000;
  const dueAt = new Date(due).toISOString();
  if (review.introSentAt) {
    const sent = Date.parse(review.introSentAt);
    return { state: sent <= due ? 'met' : 'missed', dueAt, sentAt: review.introSentAt, tookMs: sent - start };
  }
  return now < due ? { state: 'running', dueAt, msLeft: due - now } : { state: 'overdue', dueAt, msLate: now - due };
}
