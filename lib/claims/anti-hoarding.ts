// Anti-hoarding (claim policy `antiHoarding`, lib/claims/README.md): checked for every
// new claim, whichever route it takes. Each refusal names its rule and the
// moment it stops applying, so the rep knows when to try again:
//  - daily_cap: at most N new claims in any 24 hours (a rolling window, so no
//    time zone decides where a "day" starts); until the oldest of them is 24 h old;
//  - claim_limit: at most N live claims (the stricter of antiHoarding and the
//    pool's older maxLiveClaims); until the soonest of them ends;
//  - reclaim_cooldown: a rep whose claim of this customer ran out or was
//    released waits N days before claiming it again; until that end + N days.
import type { ClaimPolicy } from './policy';

const DAY = 86_400_000;

export interface HoardingFacts {
  /** when the rep made each claim of the last 24 hours (ISO) */
  claimedLastDay: string[];
  /** when each of the rep's live claims ends (ISO) */
  liveUntil: string[];
  /** when the rep's own latest claim of this customer ended (expired or released), if any */
  ownEndedAt: string | null;
}

export type HoardingRefusal =
  | { code: 'daily_cap'; limit: number; count: number; until: string }
  | { code: 'claim_limit'; limit: number; count: number; until: string }
  | { code: 'reclaim_cooldown'; days: number; until: string };

const iso = (ms: number) => new Date(ms).toISOString();
const min = (xs: string[]) => Math.min(...xs.map((x) => Date.parse(x)));

export function liveCap(policy: ClaimPolicy): number | null {
  const caps = [policy.antiHoarding.maxLiveClaims, policy.pool.maxLiveClaims].filter((c): c is number => c !== null);
  return caps.length ? Math.min(...caps) : null;
}

export function hoardingRefusal(facts: HoardingFacts, policy: ClaimPolicy, now: string): HoardingRefusal | null {
  const t = Date.parse(now);
  const cooldown = policy.antiHoarding.reclaimCooldownDays;
  if (cooldown > 0 && facts.ownEndedAt && Date.parse(facts.ownEndedAt) + cooldown * DAY > t)
    return { code: 'reclaim_cooldown', days: cooldown, until: iso(Date.parse(facts.ownEndedAt) + cooldown * DAY) };
  const perDay = policy.antiHoarding.newClaimsPerDay;
  const lastDay = facts.claimedLastDay.filter((c) => Date.parse(c) > t - DAY);
  if (perDay !== null && lastDay.length >= perDay)
    return { code: 'daily_cap', limit: perDay, count: lastDay.length, until: iso(min(lastDay) + DAY) };
  const cap = liveCap(policy);
  const live = facts.liveUntil.filter((u) => Date.parse(u) > t);
  if (cap !== null && live.length >= cap) return { code: 'claim_limit', limit: cap, count: live.length, until: iso(min(live)) };
  return null;
}

/** English text of a refusal, for the API's message (the UI localizes by code). */
export function describeHoarding(r: HoardingRefusal): string {
  switch (r.code) {
    case 'daily_cap':
      return `Daily cap: you made ${r.count} new claims in the last 24 hours (limit ${r.limit}); you may claim again from ${r.until}.`;
    case 'claim_limit':
      return `Live-claims cap: you hold ${r.count} live claims (limit ${r.limit}); the soonest ends ${r.until}.`;
    case 'reclaim_cooldown':
      return `Re-claim cooldown: your claim of this customer ended; you may claim it again from ${r.until} (${r.days} days).`;
  }
}
