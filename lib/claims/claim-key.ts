// A claim key is what two claims are compared by: kind + normalised value.
import { emailDomain } from './normalize-email';
import { normalizeCompany } from './normalize-company';
import { normalizePhone } from './normalize-phone';

export type ClaimKeyKind = 'company' | 'phone' | 'domain' | 'opportunity';

export interface ClaimKeyInput {
  kind: ClaimKeyKind | 'email';
  value: string;
}

export type ClaimKey = { kind: ClaimKeyKind; key: string; display: string };

export function claimKey(input: ClaimKeyInput, opts: { defaultRegion?: string } = {}): ClaimKey | { error: string } {
  const v = input.value;
  switch (input.kind) {
    case 'company': {
      const n = normalizeCompany(v);
      return n ? { kind: 'company', key: `company:${n}`, display: v.trim() } : { error: 'not a company name' };
    }
    case 'phone': {
      const n = normalizePhone(v, opts.defaultRegion);
      return n ? { kind: 'phone', key: `phone:${n}`, display: n } : { error: 'not a valid phone number' };
    }
    case 'email':
    case 'domain': {
      const d = input.kind === 'email' ? emailDomain(v) : emailDomain(`x@${v.replace(/^https?:\/\//, '').replace(/\/.*$/, '')}`);
      return d ? { kind: 'domain', key: `domain:${d}`, display: d } : { error: 'a free-mail or invalid address is not a company key' };
    }
    case 'opportunity': {
      const t = v.trim();
      return /^[a-z]+(?::[a-z0-9-]+)?:[^:\s]+:\S+$/.test(t) ? { kind: 'opportunity', key: `opportunity:${t}`, display: t } : { error: 'not a deal key' };
    }
  }
}
