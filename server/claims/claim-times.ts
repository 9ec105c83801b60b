// A claim row's timestamps in the shape the pure timing rules take.
import type { ClaimTimes } from '@/lib/claims/timing';
import type { claims } from '../db/schema';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const claimTimes = (c: typeof claims.$inferSelect): ClaimTimes => ({
  claimedAt: c.claimedAt.toISOString(),
  stages: c.stages as ClaimTimes['stages'],
  extensionApprovedAt: iso(c.extensionApprovedAt),
  releasedAt: iso(c.releasedAt),
  wonAt: iso(c.wonAt),
});
