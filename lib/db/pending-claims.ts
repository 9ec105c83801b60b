// Is there a claim of this company waiting to be sent (made offline)? Compared
// by normalised key, like the server does.
import { claimKey } from '@/lib/claims/claim-key';
import type { BatonDB } from './database';

export async function hasPendingClaim(db: BatonDB, company: string): Promise<boolean> {
  const want = claimKey({ kind: 'company', value: company });
  if ('error' in want) return false;
  const pending = await db.pendingClaims.toArray();
  return pending.some((p) => !p.refused && p.keys.some((k) => {
    const key = claimKey(k);
    return !('error' in key) && key.key === want.key;
  }));
}
