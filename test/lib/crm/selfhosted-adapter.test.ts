// Custom adapters for self-hosted CRMs: hosts on plain http, single-label,
// with a port or an IP address; several URL forms giving one identity; the
// record id from the page; labels by prefix and pattern; the CRM's own win %.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { JSDOM } from 'jsdom';
import { parseAdapterDefinition, type AdapterDefinition } from '@/lib/crm/adapter-schema';
import { builtinAdapters } from '@/lib/crm/adapters';
import { detectDeal, needsPageRecordId } from '@/lib/crm/detect-deal';
import { adapterOrigins, hostMatchPatterns } from '@/lib/crm/host-pattern';
import { urlMatchesHostSpec } from '@/lib/crm/host-spec';
import { mergeAdapters } from '@/lib/crm/merge-adapters';
import { parseProbability } from '@/lib/crm/parse-probability';
import { waitForSnapshot } from '@/lib/crm/wait-for-snapshot';
import { loadPage } from './load-page';

const DIR = 'test/fixtures/crm-selfhosted';
const doc = JSON.parse(readFileSync(`${DIR}/suitecrm.adapter.json`, 'utf8')) as Record<string, unknown>;
const fx = JSON.parse(readFileSync(`${DIR}/suitecrm-opportunity.json`, 'utf8')) as {
  urls: Record<'direct' | 'hash' | 'list', string>;
  expected: Record<string, string | number>;
  afterHashNavigation: Record<string, string | number>;
};
const PAGE = readFileSync(`${DIR}/suitecrm-opportunity.html`, 'utf8');
const suite = (): AdapterDefinition => {
  const r = parseAdapterDefinition(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

let dom: JSDOM | null = null;
afterEach(() => dom?.window.close());

describe('host entries of intranet CRMs', () => {
  it.each([
    ['crm.example.cn', ['https://crm.example.cn/*', 'http://crm.example.cn/*']],
    ['*.mycrm.com', ['https://*.mycrm.com/*', 'http://*.mycrm.com/*']],
    [' CRM.Example.com ', ['https://crm.example.com/*', 'http://crm.example.com/*']],
    ['suitecrm', ['https://suitecrm/*', 'http://suitecrm/*']],
    ['http://suitecrm', ['http://suitecrm/*']],
    ['https://crm.intra', ['https://crm.intra/*']],
    ['crm:8080', ['https://crm/*', 'http://crm/*']],
    ['http://10.0.0.5:8443', ['http://10.0.0.5/*']],
    ['192.168.1.20', ['https://192.168.1.20/*', 'http://192.168.1.20/*']],
    ['crm.zoho.*', null],
    ['*', null],
    ['a*.b.com', null],
    ['ftp://crm', null],
    ['crm:99999', null],
    ['300.1.1.1', null],
    ['-crm', null],
  ])('%s → %j', (host, want) => expect(hostMatchPatterns(host)).toEqual(want));

  it.each([
    ['http://suitecrm', 'http://suitecrm/index.php', true],
    ['http://suitecrm', 'https://suitecrm/index.php', false],
    ['suitecrm', 'https://suitecrm/', true],
    ['crm:8080', 'http://crm:8080/x', true],
    ['crm:8080', 'http://crm/x', false],
    ['crm:80', 'http://crm/x', true],
    ['10.0.0.5', 'http://10.0.0.5:9000/', true],
    ['10.0.0.5', 'http://10.0.0.50/', false],
    ['*.corp.local', 'http://crm.corp.local/', true],
  ])('%s on %s → %s', (spec, href, want) => expect(urlMatchesHostSpec(spec, new URL(href))).toBe(want));

  it('lists every origin once and the hosts that cannot be granted, by index', () => {
    expect(adapterOrigins(['http://crm', 'crm:8080', 'crm.zoho.*'])).toEqual({
      origins: ['http://crm/*', 'https://crm/*'],
      bad: [{ index: 2, host: 'crm.zoho.*' }],
    });
  });

  it('the schema takes ports, schemes and IPs, and refuses a path or a space', () => {
    expect(parseAdapterDefinition({ ...doc, hosts: ['http://suitecrm', 'crm:8080', '10.1.2.3'] }).ok).toBe(true);
    for (const bad of ['suitecrm/index.php', 'crm example', 'http://']) {
      const r = parseAdapterDefinition({ ...doc, hosts: [bad] });
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.errors[0]!.path).toBe('hosts[0]');
    }
  });
});

describe('URL forms of one record', () => {
  const id = fx.expected.recordId;
  it.each([
    ['direct', fx.urls.direct],
    ['hash-routed (AJAX UI)', fx.urls.hash],
    ['hash-routed, index.php left out', `http://suitecrm/?action=ajaxui#ajaxUILoc=${encodeURIComponent(`index.php?module=Opportunities&action=DetailView&record=${id}`)}`],
    ['direct, parameters in another order and case', `http://suitecrm/index.php?record=${id}&action=detailview&module=opportunities`],
  ])('%s → the same identity', (_n, href) => {
    expect(detectDeal(href, [suite()])?.identity).toEqual({ crm: 'custom:suitecrm', tenant: 'suitecrm', recordId: id });
  });

  it('a hash route wins over the query of the page it was opened from', () => {
    const href = `${fx.urls.direct}#ajaxUILoc=${encodeURIComponent('index.php?module=Opportunities&action=DetailView&record=9e8d7c6b-5a4f-4e3d-b2c1-0f9e8d7c6b5a')}`;
    expect(detectDeal(href, [suite()])?.identity.recordId).toBe('9e8d7c6b-5a4f-4e3d-b2c1-0f9e8d7c6b5a');
  });

  it.each([
    ['list view', fx.urls.list],
    ['another module', 'http://suitecrm/index.php?module=Accounts&action=DetailView&record=1'],
    ['hash route to another module', `http://suitecrm/index.php?action=ajaxui#ajaxUILoc=${encodeURIComponent('index.php?module=Accounts&action=DetailView&record=1')}`],
    ['https on an http-only adapter', fx.urls.direct.replace('http:', 'https:')],
    ['another host', fx.urls.direct.replace('suitecrm', 'crm')],
  ])('%s → no deal', (_n, href) => expect(detectDeal(href, [suite()])).toBeNull());

  it('the port is part of the tenant: two instances on one machine are two tenants', () => {
    const a = parseAdapterDefinition({ ...doc, hosts: ['crm:8080', 'crm:8081'] });
    if (!a.ok) throw new Error('invalid');
    const one = detectDeal(fx.urls.direct.replace('//suitecrm/', '//crm:8080/'), [a.value]);
    const two = detectDeal(fx.urls.direct.replace('//suitecrm/', '//crm:8081/'), [a.value]);
    expect(one?.identity.tenant).toBe('crm:8080');
    expect(two?.identity.tenant).toBe('crm:8081');
  });

  it('a definition with the older single `url` still loads, as one URL form', () => {
    const { urls, ...rest } = doc as { urls: unknown[] };
    const old = parseAdapterDefinition({ ...rest, url: urls[0] });
    expect(old.ok).toBe(true);
    if (!old.ok) return;
    expect(old.value.urls).toHaveLength(1);
    expect(detectDeal(fx.urls.direct, [old.value])?.identity.recordId).toBe(fx.expected.recordId);
    // stored output parses again unchanged
    expect(parseAdapterDefinition(JSON.parse(JSON.stringify(old.value)))).toEqual(old);
    // neither → an error at urls
    const none = parseAdapterDefinition(rest);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.errors.map((e) => e.path)).toContain('urls');
  });

  it('a built-in keeps winning its own hosts after a custom adapter is added', () => {
    const all = mergeAdapters(builtinAdapters, [suite()]);
    expect(detectDeal('https://acme-sales.pipedrive.com/deal/4821', all)?.adapter.id).toBe('pipedrive');
    expect(detectDeal(fx.urls.hash, all)?.adapter.id).toBe('custom:suitecrm');
  });
});

describe('record id from the page', () => {
  const noId = parseAdapterDefinition({
    ...doc,
    urls: [{ part: 'path', pattern: '^/index\\.php$', query: { module: 'Opportunities', action: 'DetailView' } }],
  });
  it('is read once the page shows it, and the URL alone is not a deal yet', async () => {
    if (!noId.ok) throw new Error('invalid');
    const href = 'http://suitecrm/index.php?module=Opportunities&action=DetailView';
    expect(needsPageRecordId(href, [noId.value])).toBe(true);
    expect(detectDeal(href, [noId.value])).toBeNull();
    // the fixture renders the record named in the hash; the URL form itself carries no id
    dom = loadPage(PAGE, `${href}#ajaxUILoc=${encodeURIComponent(`index.php?module=Opportunities&action=DetailView&record=${fx.expected.recordId}`)}`);
    expect(detectDeal(dom.window.location.href, [noId.value], dom.window.document)).toBeNull(); // not rendered yet
    await waitForSnapshot(dom.window.document, noId.value, { timeoutMs: 5000 });
    expect(detectDeal(dom.window.location.href, [noId.value], dom.window.document)?.identity.recordId).toBe(fx.expected.recordId);
  });
});

describe('reading the self-hosted page', () => {
  it.each([
    ['direct load', fx.urls.direct],
    ['hash-routed load', fx.urls.hash],
  ])('%s: every field, the currency from the amount label, the win %%', async (_n, href) => {
    dom = loadPage(PAGE, href);
    const hit = detectDeal(href, [suite()])!;
    const { snapshot, ready } = await waitForSnapshot(dom.window.document, hit.adapter, { timeoutMs: 5000 });
    expect(ready).toBe(true);
    const { recordId, ...fields } = fx.expected;
    expect(hit.identity.recordId).toBe(recordId);
    expect(snapshot).toEqual(fields);
  });

  it('after hash navigation the new record and its values', async () => {
    dom = loadPage(PAGE, fx.urls.direct);
    const a = suite();
    await waitForSnapshot(dom.window.document, a, { timeoutMs: 5000 });
    (dom.window.document.getElementById('next-record') as HTMLButtonElement).click();
    const hit = detectDeal(dom.window.location.href, [a])!;
    const { recordId, ...fields } = fx.afterHashNavigation;
    expect(hit.identity.recordId).toBe(recordId);
    await expect.poll(async () => (await waitForSnapshot(dom!.window.document, a, { timeoutMs: 5000 })).snapshot, { timeout: 5000 }).toEqual(fields);
  });

  it('a label pattern or prefix never reads a longer, different label', async () => {
    dom = loadPage(
      `<html><body><div><span>Budget Opportunity Amount:</span><span>1</span></div><div><span>Opportunity Amount: (USD $):</span><span>2,500.00</span></div></body></html>`,
      'http://suitecrm/x',
    );
    const a = parseAdapterDefinition({ ...doc, urls: [{ pattern: '^/x$' }], recordId: undefined, fields: { dealName: [{ css: 'body' }], amount: [{ labelPrefix: ['Opportunity Amount'] }], currency: [{ labelPattern: '^Opportunity Amount', read: 'label' }] } });
    if (!a.ok) throw new Error(JSON.stringify(a.errors));
    const { snapshot } = await waitForSnapshot(dom.window.document, a.value, { timeoutMs: 1000 });
    expect([snapshot.amount, snapshot.currency]).toEqual([2500, 'USD']);
  });

  it('a label locator needs label, labelPrefix or labelPattern', () => {
    const r = parseAdapterDefinition({ ...doc, fields: { amount: [{ read: 'label' }] } });
    expect(r.ok).toBe(false);
  });
});

describe('win probability as CRMs show it', () => {
  it.each([
    ['80', 80],
    ['80%', 80],
    ['80 %', 80],
    ['８０％', 80],
    ['%80', 80],
    ['12.5%', 12.5],
    ['12,5 %', 12.5],
    ['0', 0],
    ['0%', 0],
    ['100', 100],
    ['0.75', null],
    ['101', null],
    ['-10%', null],
    ['70-80%', null],
    ['High', null],
    ['', null],
    [null, null],
  ])('%j → %j', (text, want) => expect(parseProbability(text)).toBe(want));
});
