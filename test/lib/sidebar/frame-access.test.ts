// Where Baton's sidebar may load (lib/sidebar/frame-access.ts, issue 18).
import { describe, expect, it } from 'vitest';
import { crmHostMatches } from '@/lib/crm/host-matches';
import { CUSTOM_HOST_SIDEBAR_PATH, isSidebarPage, onBuiltInCrmHost, webAccessibleResources } from '@/lib/sidebar/frame-access';

describe('web-accessible resources', () => {
  it('on Chromium: sidebar.html only on the built-in CRM hosts, the custom-host copy anywhere, both at dynamic URLs', () => {
    const war = webAccessibleResources('chrome');
    expect(war).toEqual([
      { resources: ['sidebar.html'], matches: crmHostMatches, use_dynamic_url: true },
      { resources: [CUSTOM_HOST_SIDEBAR_PATH], matches: ['https://*/*', 'http://*/*'], use_dynamic_url: true },
    ]);
  });

  it('never the popup, the options page or any script', () => {
    for (const browser of ['chrome', 'firefox']) {
      const resources = webAccessibleResources(browser).flatMap((w) => w.resources);
      expect(resources.every((r) => r.endsWith('sidebar.html'))).toBe(true);
    }
  });
});

describe('which sidebar page a CRM page gets', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00000XyZ12IAB/view', true],
    ['https://app-eu1.hubspot.com/contacts/1/record/0-3/2', true],
    ['https://crm.zoho.eu/crm/org1/tab/Potentials/2', true],
    ['https://crm.acme-internal.example/deals/42', false],
    ['https://force.com.attacker.example/', false],
    ['http://acme.lightning.force.com/', false],
  ])('%s → built-in page: %s', (url, builtIn) => {
    expect(onBuiltInCrmHost(url)).toBe(builtIn);
  });

  it('the background recognises both sidebar pages of this extension, and nothing else', () => {
    const root = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
    expect(isSidebarPage(`${root}sidebar.html`, root)).toBe(true);
    expect(isSidebarPage(`${root}custom-host/sidebar.html`, root)).toBe(true);
    expect(isSidebarPage(`${root}popup.html`, root)).toBe(false);
    expect(isSidebarPage(`${root}x/sidebar.html`, root)).toBe(false);
    expect(isSidebarPage('chrome-extension://otherotherotherotherotherotherot/sidebar.html', root)).toBe(false);
    expect(isSidebarPage('https://acme.lightning.force.com/sidebar.html', root)).toBe(false);
    expect(isSidebarPage(undefined, root)).toBe(false);
  });
});
