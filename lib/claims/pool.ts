// The public pool (lib/claims/README.md): an expired claim's customer may be claimed
// again under the team's territory rules. Which department's pool it sits in
// and whether a given person may take it are pure functions of the expired
// claim, the policy and the clock, so nothing depends on a job having run.
import type { ClaimPolicy } from './policy';

const DAY = 86_400_000;

export interface PoolEntry {
  /** when the last claim on the customer ran out */
  expiredAt: string;
  /** that claim's department: the pool it fell into */
  department: string | null;
  lastHolderId: number;
}

export interface Claimer {
  userId: number;
  /** direct, telesales, partner:NAME; null (CSMs, managers) counts as direct */
  channel: string | null;
  department: string | null;
}

export type PoolRefusal =
  | { code: 'pool_channel'; channel: string }
  | { code: 'pool_department'; department: string | null; allowed: string[] }
  | { code: 'pool_cooldown'; until: string };

/** Length of one protection period under the policy, in days: the unit of rotation. */
export const periodDays = (policy: ClaimPolicy) => (policy.mode === 'flat' ? policy.flatDays : policy.ladder.initialDays);

/**
 * The department whose pool holds the customer now. Without rotation it stays
 * where it fell; with rotation it moves to the next department of the list
 * after every `rotateAfterPeriods` periods in the pool.
 */
export function poolDepartment(entry: PoolEntry, policy: ClaimPolicy, now: string): string | null {
  const list = policy.rotationDepartments;
  if (policy.rotateAfterPeriods === null || list.length < 2) return entry.department;
  const periods = Math.floor(Math.max(0, Date.parse(now) - Date.parse(entry.expiredAt)) / (periodDays(policy) * DAY));
  const moves = Math.floor(periods / policy.rotateAfterPeriods);
  if (moves === 0) return entry.department;
  const start = entry.department === null ? -1 : list.indexOf(entry.department);
  return list[(((start + moves) % list.length) + list.length) % list.length]!;
}

export const channelKind = (channel: string | null) => (channel?.startsWith('partner:') ? 'partner' : channel === 'telesales' ? 'telesales' : 'direct');

/** Why this person may not claim the customer from the pool now, or null if they may. */
export function poolRefusal(claimer: Claimer, entry: PoolEntry, policy: ClaimPolicy, now: string): PoolRefusal | null {
  const kind = channelKind(claimer.channel);
  if (!policy.pool.channels.includes(kind)) return { code: 'pool_channel', channel: kind };
  const allowed = policy.pool.departments;
  if (allowed.length && !allowed.includes(claimer.department ?? '')) return { code: 'pool_department', department: null, allowed };
  const current = poolDepartment(entry, policy, now);
  // With rotation, each department's pool is its own: only its members claim from it.
  if (policy.rotateAfterPeriods !== null && current !== null && claimer.department !== current)
    return { code: 'pool_department', department: current, allowed: [current] };
  const cooldownEnd = Date.parse(entry.expiredAt) + policy.pool.reclaimCooldownDays * DAY;
  if (claimer.userId === entry.lastHolderId && Date.parse(now) < cooldownEnd) return { code: 'pool_cooldown', until: new Date(cooldownEnd).toISOString() };
  return null;
}

/** The refusal in words, for API errors (the extension translates by code). */
export function describeRefusal(r: PoolRefusal): string {
  switch (r.code) {
    case 'pool_channel':
      return `The team's pool rules do not let ${r.channel} claim from the pool.`;
    case 'pool_department':
      return r.department ? `This customer is in the ${r.department} department's pool now.` : `Only ${r.allowed.join(', ')} may claim from the pool.`;
    case 'pool_cooldown':
      return `You held this customer last; you may claim it again from ${r.until}.`;
  }
}
