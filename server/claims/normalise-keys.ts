// Claim keys from a request, read with the team's key rules.
import type { z } from 'zod';
import { claimKey, type ClaimKey, type KeyRules } from '@/lib/claims/claim-key';
import type { claimKeyInputSchema } from '@/lib/claims/api-schemas';
import { invalidInput } from '../http/validate';

/** Keys read with the team's rules (phone region, own free-mail domains); a key that is not usable is a 400 naming it and why. */
export function normaliseKeys(inputs: z.infer<typeof claimKeyInputSchema>[], rules: KeyRules): ClaimKey[] {
  const out: ClaimKey[] = [];
  inputs.forEach((k, i) => {
    const r = claimKey(k, rules);
    if ('error' in r) throw invalidInput([{ path: `keys[${i}].value`, code: 'claimKey', params: { reason: r.code } }], { form: 'claim', extra: { reason: r.code } });
    if (!out.some((o) => o.key === r.key)) out.push(r);
  });
  return out;
}

