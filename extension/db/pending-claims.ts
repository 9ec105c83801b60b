// Is there a claim of this company waiting to be sent (made offline)? Compared
// by normalised key, like the server does, with the team's key rules as the
// last sync brought them.
import { claimKey, type KeyRules } from '@/lib/claims/claim-key';
import type { BatonDB } from './database';
import { getMeta } from './meta';

/** The team's phone region and free-mail domains from the cached claim policy; no region until a sync brought one. */
export async function cachedKeyRules(db: BatonDB): Promise<KeyRules> {
  return (await getMeta(db, 'claimPolicy'))?.keys ?? { defaultRegion: null, freeMailDomains: [] };
}

export async function hasPendingClaim(db: BatonDB, company: string, rules: KeyRules): Promise<boolean> {
  const want = claimKey({ kind: 'company', value: company }, rules);
  if ('error' in want) return false;
  const pending = await db.pendingClaims.toArray();
  return pending.some((p) => !p.refused && p.keys.some((k) => {
    const key = claimKey(k, rules);
    return !('error' in key) && key.key === want.key;
  }));
}
