// Claim keys from a request, read with the team's key rules.
import type { z } from 'zod';
import { claimKey, type ClaimKey, type KeyRules } from '@/lib/claims/claim-key';
import type { claimKeyInputSchema } from '@/lib/claims/api-schemas';
import { ApiError } from '../http/errors';

/** Keys read with the team's rules (phone region, own free-mail domains); a key that is not usable is a 400 naming it and why. */
export function normaliseKeys(inputs: z.infer<typeof claimKeyInputSchema>[], rules: KeyRules): ClaimKey[] {
  const out: ClaimKey[] = [];
  inputs.forEach((k, i) => {
    const r = claimKey(k, rules);
    if ('error' in r) throw new ApiError(400, 'invalid', `keys[${i}].value: ${r.error}`, `keys[${i}].value`, { reason: r.code });
    if (!out.some((o) => o.key === r.key)) out.push(r);
  });
  return out;
}

