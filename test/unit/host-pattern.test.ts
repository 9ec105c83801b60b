import { describe, expect, it } from 'vitest';
import { hostToMatchPattern } from '@/lib/crm/host-pattern';

describe('hostToMatchPattern', () => {
  it.each([
    ['crm.example.cn', 'https://crm.example.cn/*'],
    ['*.mycrm.com', 'https://*.mycrm.com/*'],
    [' CRM.Example.com ', 'https://crm.example.com/*'],
    ['crm.zoho.*', null],
    ['*', null],
    ['example', null],
    ['a*.b.com', null],
    ['https://x.com', null],
  ])('%s → %s', (host, want) => expect(hostToMatchPattern(host)).toBe(want));
});
