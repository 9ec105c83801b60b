// A claim key is what two claims are compared by: kind + normalised value.
// A value that is not a usable key comes back with a code (localized in the
// UI as claim.keyError.<code>) and an English message (the API's 400).
import { emailDomain } from './normalize-email';
import { normalizeCompany } from './normalize-company';
import { parsePhoneKey, type PhoneRefusal } from './normalize-phone';
import type { ClaimInputKind, ClaimKeyKind } from './key-kinds';
import type { KeyRules } from './policy';

export type { KeyRules };


export interface ClaimKeyInput {
  kind: ClaimInputKind;
  value: string;
}


export type KeyErrorCode = 'company' | 'free_mail' | 'not_an_email' | 'opportunity' | 'phone_no_region' | `phone_${PhoneRefusal}`;
export type KeyError = { error: string; code: KeyErrorCode };
export type ClaimKey = { kind: ClaimKeyKind; key: string; display: string };

const PHONE_MESSAGES: Record<PhoneRefusal | 'no_region', string> = {
  not_a_number: 'not a phone number',
  unknown_country: 'no country has this calling code',
  too_short: 'too few digits for a phone number',
  too_long: 'too many digits for a phone number',
  incomplete: 'not a complete number: a landline needs its area code, a mobile all its digits',
  no_region: 'the team has no phone region set: write the number with its country code (+…)',
};

function phoneKey(v: string, region: string | null): ClaimKey | KeyError {
  const international = /^\s*(\+|00[1-9])/.test(v.normalize('NFKC'));
  if (!region && !international) return { error: PHONE_MESSAGES.no_region, code: 'phone_no_region' };
  const r = parsePhoneKey(v, region ?? undefined);
  return 'e164' in r ? { kind: 'phone', key: `phone:${r.e164}`, display: r.e164 } : { error: PHONE_MESSAGES[r.error], code: `phone_${r.error}` };
}

function domainKey(input: ClaimKeyInput, rules: KeyRules): ClaimKey | KeyError {
  const v = input.value;
  const address = input.kind === 'email' ? v : `x@${v.replace(/^https?:\/\//, '').replace(/\/.*$/, '')}`;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address.normalize('NFKC').trim())) return { error: 'not an email address or domain', code: 'not_an_email' };
  const d = emailDomain(address, rules.freeMailDomains);
  return d ? { kind: 'domain', key: `domain:${d}`, display: d } : { error: 'a free-mail address says nothing about the company and is not a key', code: 'free_mail' };
}

export function claimKey(input: ClaimKeyInput, rules: KeyRules): ClaimKey | KeyError {
  const v = input.value;
  switch (input.kind) {
    case 'company': {
      const n = normalizeCompany(v);
      return n ? { kind: 'company', key: `company:${n}`, display: v.trim() } : { error: 'not a company name', code: 'company' };
    }
    case 'phone':
      return phoneKey(v, rules.defaultRegion);
    case 'email':
    case 'domain':
      return domainKey(input, rules);
    case 'opportunity': {
      const t = v.trim();
      return /^[a-z]+(?::[a-z0-9-]+)?:[^:\s]+:\S+$/.test(t) ? { kind: 'opportunity', key: `opportunity:${t}`, display: t } : { error: 'not a deal key', code: 'opportunity' };
    }
  }
}
