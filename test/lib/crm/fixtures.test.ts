// Every built-in adapter against the shared CRM fixtures: identity from the URL,
// nothing read before the late render, exactly the expected values after it.
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { JSDOM } from 'jsdom';
import { builtinAdapters } from '@/lib/crm/adapters';
import { detectDeal } from '@/lib/crm/detect-deal';
import { readSnapshot } from '@/lib/crm/read-snapshot';
import { DEAL_FIELDS } from '@/lib/crm/types';
import { waitForSnapshot } from '@/lib/crm/wait-for-snapshot';
import { FIXTURES, fixtureJson, loadFixture } from './load-page';

const TENANTS: Record<string, string> = {
  salesforce: 'acme.lightning.force.com',
  hubspot: '21458713',
  pipedrive: 'acme-sales.pipedrive.com',
  dynamics: 'contoso.crm.dynamics.com',
  zoho: 'org60012345',
  fxiaoke: 'www.fxiaoke.com',
};

let dom: JSDOM | null = null;
afterEach(() => {
  dom?.window.close();
  dom = null;
});

const pick = (o: Record<string, unknown>) => Object.fromEntries(DEAL_FIELDS.map((f) => [f, o[f] ?? null]));

describe.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.html')))('%s', (file) => {
  const fx = fixtureJson(file.replace(/\.html$/, ''));

  it('identifies the deal from the URL', () => {
    const hit = detectDeal(fx.url, builtinAdapters);
    expect(hit?.identity).toEqual({ crm: fx.crm, tenant: TENANTS[fx.crm], recordId: fx.expected.recordId });
  });

  it('waits for the late render, then reads exactly the expected values', async () => {
    dom = loadFixture(file, fx.url);
    const adapter = detectDeal(fx.url, builtinAdapters)!.adapter;
    expect(readSnapshot(dom.window.document, adapter).dealName).toBeNull();
    const { snapshot, ready } = await waitForSnapshot(dom.window.document, adapter, { timeoutMs: 15_000 });
    expect(ready).toBe(true);
    expect(snapshot).toEqual(pick(fx.expected));
  });
});

describe('pipedrive SPA navigation', () => {
  it('reads the second deal after pushState, and the first after going back', async () => {
    const fx = fixtureJson('pipedrive-deal');
    dom = loadFixture('pipedrive-deal.html', fx.url);
    const doc = dom.window.document;
    const adapter = detectDeal(fx.url, builtinAdapters)!.adapter;
    await waitForSnapshot(doc, adapter, { timeoutMs: 15_000 });
    (doc.querySelector(fx.navigate!.click) as HTMLElement).click();
    expect(dom.window.location.href).toBe(fx.navigate!.expectedUrl);
    const hit = detectDeal(dom.window.location.href, builtinAdapters)!;
    expect(hit.identity.recordId).toBe('4822');
    // The old record is replaced by a loading state first, so nothing stale is read.
    expect(readSnapshot(doc, adapter).dealName).toBeNull();
    const after = await waitForSnapshot(doc, adapter, { timeoutMs: 15_000 });
    expect(after.snapshot).toEqual(pick(fx.afterNavigation!));
  });
});

describe('fxiaoke hash routes', () => {
  it('only the opportunity detail route is a deal', () => {
    expect(detectDeal('https://www.fxiaoke.com/XV/UI/Home#crm/list/=/NewOpportunityObj', builtinAdapters)).toBeNull();
    expect(detectDeal('https://www.fxiaoke.com/XV/UI/Home', builtinAdapters)).toBeNull();
    expect(detectDeal('https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/64f0a1b2c3d4e5f6a7b8c9d0', builtinAdapters)).toBeNull();
  });
});
