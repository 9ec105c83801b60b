// Browser notifications before a claim expires (lib/claims/README.md): once per
// threshold of the policy (default 3 days and 1 day). When several thresholds
// are crossed at once (the browser was closed), one notice, all marked sent.
const DAY = 86_400_000;

export interface NoticeClaim {
  id: number;
  expiresAt: string;
  releasedAt: string | null;
  wonAt: string | null;
}

export const noticeKey = (claimId: number, days: number) => `${claimId}:${days}`;

/** The notices due now and every threshold key they settle. */
export function dueNotices(claims: NoticeClaim[], notifyDays: number[], now: number, sent: ReadonlySet<string>): { claimId: number; days: number; settles: string[] }[] {
  const out: { claimId: number; days: number; settles: string[] }[] = [];
  for (const c of claims) {
    if (c.releasedAt || c.wonAt) continue;
    const left = Date.parse(c.expiresAt) - now;
    if (left <= 0) continue;
    const crossed = [...new Set(notifyDays)].filter((d) => left <= d * DAY).sort((a, b) => a - b);
    const fresh = crossed.filter((d) => !sent.has(noticeKey(c.id, d)));
    if (fresh.length) out.push({ claimId: c.id, days: crossed[0]!, settles: fresh.map((d) => noticeKey(c.id, d)) });
  }
  return out;
}
