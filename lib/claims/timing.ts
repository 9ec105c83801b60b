// When a claim expires and what state it is in, as pure functions of the claim,
// its policy and the clock (server time, UTC). Nothing depends on a job having
// run: "expired" is simply now ≥ expiresAt.
import type { ClaimPolicy, LadderStage } from './policy';

const DAY = 86_400_000;

export interface ClaimTimes {
  claimedAt: string;
  /** stage evidence logged, in any order; each stage counts once */
  stages: { stage: LadderStage; at: string; evidence: string }[];
  /** the one manual extension, once a manager approved it */
  extensionApprovedAt: string | null;
  releasedAt: string | null;
  wonAt: string | null;
}

export type ClaimStatus = 'active' | 'expiring' | 'expired' | 'won' | 'released';

export function expiresAt(claim: ClaimTimes, policy: ClaimPolicy): string {
  let total: number;
  if (policy.mode === 'flat') total = policy.flatDays;
  else {
    const logged = new Set(claim.stages.filter((s) => s.evidence.trim()).map((s) => s.stage));
    total = policy.ladder.initialDays + policy.ladder.stages.filter((s) => logged.has(s.stage)).reduce((n, s) => n + s.days, 0);
  }
  if (claim.extensionApprovedAt) total += policy.extensionDays;
  if (policy.capDays !== null) total = Math.min(total, policy.capDays);
  return new Date(Date.parse(claim.claimedAt) + total * DAY).toISOString();
}

export function claimStatus(claim: ClaimTimes, policy: ClaimPolicy, now: string): ClaimStatus {
  const t = Date.parse(now);
  if (claim.wonAt && Date.parse(claim.wonAt) <= t) return 'won';
  if (claim.releasedAt && Date.parse(claim.releasedAt) <= t) return 'released';
  const end = Date.parse(expiresAt(claim, policy));
  if (t >= end) return 'expired';
  if (end - t <= policy.warnDays * DAY) return 'expiring';
  return 'active';
}

/** The next ladder stage to log and what it adds, for the sidebar's claim panel. */
export function nextStage(claim: ClaimTimes, policy: ClaimPolicy): { stage: LadderStage; days: number } | null {
  if (policy.mode !== 'ladder') return null;
  const logged = new Set(claim.stages.map((s) => s.stage));
  return policy.ladder.stages.find((s) => !logged.has(s.stage)) ?? null;
}
