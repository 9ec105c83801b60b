// An admin's adapter for a CRM Baton does not know, as data: the documented
// example reads an invented CRM page, and bad documents are refused with the
// exact path of each mistake.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { JSDOM } from 'jsdom';
import { parseAdapterDefinition } from '@/lib/crm/adapter-schema';
import { builtinAdapters } from '@/lib/crm/adapters';
import { detectDeal } from '@/lib/crm/detect-deal';
import { mergeAdapters } from '@/lib/crm/merge-adapters';
import { waitForSnapshot } from '@/lib/crm/wait-for-snapshot';
import { loadPage } from './load-page';

const example = JSON.parse(readFileSync('docs/custom-adapter.example.json', 'utf8')) as Record<string, unknown>;
let dom: JSDOM | null = null;
afterEach(() => dom?.window.close());

const PAGE = `<!doctype html><html lang="zh-CN"><body><nav role="navigation">商机 客户 合同</nav><main id="m"></main>
<script>setTimeout(function(){document.getElementById('m').insertAdjacentHTML('beforeend',
'<section class="opportunity-detail"><h1 class="title">苏州精工 MES 一期</h1>' +
'<ul class="stage-bar"><li>初步接洽</li><li class="active">商务谈判</li><li>赢单</li></ul>' +
'<div class="row"><span>客户名称</span><span>苏州精工机械有限公司</span></div>' +
'<div class="row" data-field="amount" data-currency="CNY"><span>金额</span><span class="value">86.5万</span></div>' +
'<div class="row"><span>预计成交日期</span><span>2027-03-01</span></div>' +
'<div class="row"><span>负责人：</span><span>周婷</span></div></section>');}, 200);</script></body></html>`;

describe('custom adapter', () => {
  it('the documented example is valid and reads its CRM', async () => {
    const parsed = parseAdapterDefinition(example);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const url = 'https://crm.example-corp.cn/app/suzhou-sales/opportunity/90210';
    const adapters = mergeAdapters(builtinAdapters, [parsed.value]);
    const hit = detectDeal(url, adapters);
    expect(hit?.identity).toEqual({ crm: 'custom:xiaoman', tenant: 'suzhou-sales', recordId: '90210' });
    expect(detectDeal('https://crm.example-corp.cn/app/suzhou-sales/customers/1', adapters)).toBeNull();
    // its second, hash-routed URL form names the same deal
    expect(detectDeal('https://crm.example-corp.cn/m/#/suzhou-sales/opp/90210', adapters)?.identity).toEqual(hit?.identity);
    dom = loadPage(PAGE, url);
    const { snapshot, ready } = await waitForSnapshot(dom.window.document, hit!.adapter, { timeoutMs: 3000 });
    expect(ready).toBe(true);
    expect(snapshot).toEqual({
      dealName: '苏州精工 MES 一期',
      accountName: '苏州精工机械有限公司',
      amount: 865000,
      currency: 'CNY',
      stage: '商务谈判',
      closeDate: '2027-03-01',
      owner: '周婷',
      probability: null,
    });
  });

  it('a stored definition with a built-in id replaces that built-in (a fix shipped as data)', () => {
    const fixed = parseAdapterDefinition({ ...example, id: 'pipedrive', name: 'Pipedrive (fixed)', hosts: ['*.pipedrive.com'] });
    expect(fixed.ok).toBe(true);
    if (!fixed.ok) return;
    const merged = mergeAdapters(builtinAdapters, [fixed.value]);
    expect(merged.filter((a) => a.id === 'pipedrive')).toHaveLength(1);
    expect(merged.find((a) => a.id === 'pipedrive')!.name).toBe('Pipedrive (fixed)');
  });

  it.each([
    [{ ...example, id: 'xiaoman' }, 'id'],
    [{ ...example, hosts: [] }, 'hosts'],
    [{ ...example, hosts: ['crm example.cn'] }, 'hosts[0]'],
    [{ ...example, url: { pattern: '^/opp/(?<recordId' } }, 'url.pattern'],
    [{ ...example, fields: { amount: [{ css: '' }] } }, 'fields.amount[0].css'],
    [{ ...example, fields: { amount: [{ label: [] }] } }, 'fields.amount[0].label'],
    [{ ...example, fields: { price: [{ css: '.p' }] } }, 'fields'],
    [{ ...example, dateOrder: 'DDMMYYYY' }, 'dateOrder'],
    [{ ...example, defaultCurrency: 'rmb' }, 'defaultCurrency'],
    [{ ...example, waitMs: -1 }, 'waitMs'],
    [{ ...example, extra: true }, '(root)'],
  ])('rejects a mistake at %# with its path', (doc, path) => {
    const r = parseAdapterDefinition(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toContain(path);
    expect(r.errors.every((e) => e.message.length > 0)).toBe(true);
  });
});
