// The policy's list of phone regions is libphonenumber's own, so a team's
// region is accepted exactly when claim keys can be read with it.
import { getCountries, isSupportedCountry } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { claimPolicySchema, DEFAULT_POLICY } from '@/lib/claims/policy';
import { isPhoneRegion, PHONE_REGIONS } from '@/lib/claims/phone-regions';

describe('phone regions', () => {
  it('are exactly the regions libphonenumber has numbering data for', () => {
    const theirs = getCountries() as string[];
    expect({ missing: theirs.filter((r) => !PHONE_REGIONS.has(r)), extra: [...PHONE_REGIONS].filter((r) => !theirs.includes(r)) }).toEqual({ missing: [], extra: [] });
  });

  it('agree with libphonenumber on codes it has no data for', () => {
    for (const r of ['ZZ', 'EU', 'UK', 'XX', 'cn', '', '001', 'CHN']) expect([r, isPhoneRegion(r)]).toEqual([r, isSupportedCountry(r)]);
  });

  it('decide which default region a claim policy accepts', () => {
    const withRegion = (defaultRegion: string) => claimPolicySchema.safeParse({ ...DEFAULT_POLICY, keys: { defaultRegion } });
    expect(withRegion(' tw ').data?.keys.defaultRegion).toBe('TW');
    expect(withRegion('ZZ').success).toBe(false);
    expect(withRegion('UK').success).toBe(false); // the ISO code is GB
  });
});
