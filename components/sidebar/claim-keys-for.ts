// The keys a one-click claim sends: the account name, plus the phones and
// email domains the page shows, each only if it normalises to a usable key
// (free-mail addresses and unparseable numbers would make the server refuse
// the whole claim) and once per normalised key.
import { claimKey, type KeyRules } from '@/lib/claims/claim-key';

type Key = { kind: 'company' | 'phone' | 'email'; value: string };

export function claimKeysFor(accountName: string, rules: KeyRules, contacts?: { phones: string[]; emails: string[] }): Key[] {
  const seen = new Set<string>();
  const out: Key[] = [];
  const candidates: Key[] = [
    { kind: 'company', value: accountName },
    ...(contacts?.phones ?? []).map((value) => ({ kind: 'phone' as const, value })),
    ...(contacts?.emails ?? []).map((value) => ({ kind: 'email' as const, value })),
  ];
  for (const k of candidates) {
    const r = claimKey(k, rules);
    if ('error' in r || seen.has(r.key)) continue;
    seen.add(r.key);
    out.push(k);
    if (out.length === 10) break; // the server takes at most 10 keys
  }
  return out;
}
