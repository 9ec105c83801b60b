import { describe, expect, it } from 'vitest';
import { dealKey } from '@/lib/crm/types';

describe('dealKey', () => {
  it('joins crm, tenant and record id so renamed deals keep their identity', () => {
    expect(dealKey({ crm: 'zoho', tenant: 'org60012345', recordId: '42' })).toBe('zoho:org60012345:42');
  });
});
