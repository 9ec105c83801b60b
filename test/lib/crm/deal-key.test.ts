import { describe, expect, it } from 'vitest';
import { dealKey, parseDealKey } from '@/lib/crm/deal-key';
import type { DealIdentity } from '@/lib/crm/types';

describe('dealKey', () => {
  it('joins crm, tenant and record id so renamed deals keep their identity', () => {
    expect(dealKey({ crm: 'zoho', tenant: 'org60012345', recordId: '42' })).toBe('zoho:org60012345:42');
  });
});

describe('parseDealKey', () => {
  const identities: DealIdentity[] = [
    { crm: 'salesforce', tenant: 'acme.lightning.force.com', recordId: '006Dn00000A1b2cIAB' },
    { crm: 'hubspot', tenant: '24012345', recordId: '9182736450' },
    { crm: 'custom:suitecrm', tenant: 'suitecrm', recordId: 'a1b2c3d4-0000-4000-8000-000000000001' },
    // a self-hosted CRM's tenant is its host with the port, or an IPv6 literal
    { crm: 'custom:suite-crm', tenant: 'crm.intra:8080', recordId: '17' },
    { crm: 'custom:x', tenant: '[::1]:8443', recordId: '9' },
  ];

  it.each(identities)('gives back the identity a key was made from: $crm $tenant $recordId', (id) => {
    expect(parseDealKey(dealKey(id))).toEqual(id);
  });

  it('refuses keys that are not of a valid identity', () => {
    for (const key of ['', 'zoho', 'zoho:org', 'custom:suite:host', 'nocrm:t:1', 'custom:UPPER:t:1', 'zoho::1', 'zoho:t:']) expect(parseDealKey(key), key).toBeNull();
  });
});
