// Pages the shared fixtures do not show: other languages, other markup,
// missing fields, slower rendering, and URLs that are not deal records.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { JSDOM } from 'jsdom';
import { builtinAdapters } from '@/lib/crm/adapters';
import { detectDeal } from '@/lib/crm/detect-deal';
import { readSnapshot } from '@/lib/crm/read-snapshot';
import { waitForSnapshot } from '@/lib/crm/wait-for-snapshot';
import { snapshot as fixtureSnapshot } from '../packet/helpers';
import { FIXTURES, loadPage } from './load-page';

let dom: JSDOM | null = null;
afterEach(() => {
  dom?.window.close();
  dom = null;
});

async function read(html: string, url: string, timeoutMs = 4000) {
  dom = loadPage(html, url);
  const hit = detectDeal(url, builtinAdapters);
  expect(hit, url).not.toBeNull();
  return waitForSnapshot(dom.window.document, hit!.adapter, { timeoutMs });
}

/** Wraps a record body in a page that inserts it after `delay` ms, like the SPAs do. */
const lateRendered = (body: string, delay: number, lang = 'zh-CN') => `<!doctype html><html lang="${lang}"><body>
<nav role="navigation"><a>商机</a><a>客户</a><a>联系人</a><a>Deals</a></nav><div id="app">加载中…</div>
<template id="t">${body}</template>
<script>setTimeout(function(){var a=document.getElementById('app');a.textContent='';a.appendChild(document.getElementById('t').content.cloneNode(true));}, ${delay});</script>
</body></html>`;

describe('labels in Chinese, markup unlike the fixtures', () => {
  it('zh-CN definition list on a Pipedrive URL', async () => {
    const html = lateRendered(
      `<h1>华东区 ERP 续约</h1><dl>
        <dt>商机名称：</dt><dd>华东区 ERP 续约</dd>
        <dt>客户名称</dt><dd><a href="#">上海远航物流有限公司</a></dd>
        <dt>商机金额</dt><dd>￥1,280,000.00</dd>
        <dt>销售阶段</dt><dd>方案/报价</dd>
        <dt>预计成交日期</dt><dd>2026年12月15日</dd>
        <dt>负责人</dt><dd>陈晓明</dd></dl>`,
      300,
    );
    const { snapshot, ready } = await read(html, 'https://acme.pipedrive.com/deal/77');
    expect(ready).toBe(true);
    expect(snapshot).toEqual({
      dealName: '华东区 ERP 续约',
      accountName: '上海远航物流有限公司',
      amount: 1280000,
      currency: 'CNY',
      stage: '方案/报价',
      closeDate: '2026-12-15',
      owner: '陈晓明',
      probability: null,
    });
  });

  it('zh-TW table with label cells on a Zoho URL', async () => {
    const html = lateRendered(
      `<table><tbody>
        <tr><th>商機名稱</th><td>台北門市 POS 汰換</td></tr>
        <tr><th>客戶名稱</th><td>台灣好食股份有限公司</td></tr>
        <tr><th>金額</th><td>NT$ 2,350,000</td></tr>
        <tr><th>階段</th><td>議價中</td></tr>
        <tr><th>預計成交日期</th><td>2027/01/20</td></tr>
        <tr><th>負責人</th><td>林怡君</td></tr></tbody></table>`,
      200,
      'zh-TW',
    );
    const { snapshot } = await read(html, 'https://crm.zoho.com/crm/org1/tab/Deals/555');
    expect(snapshot).toEqual({
      dealName: '台北門市 POS 汰換',
      accountName: '台灣好食股份有限公司',
      amount: 2350000,
      currency: 'TWD',
      stage: '議價中',
      closeDate: '2027-01-20',
      owner: '林怡君',
      probability: null,
    });
  });

  it('Salesforce with the Chinese UI (labels translated, shadow roots unchanged)', async () => {
    const html = readFileSync(`${FIXTURES}/salesforce-opportunity.html`, 'utf8')
      .replaceAll("'Account Name'", "'客户名'")
      .replaceAll("'Amount'", "'金额'")
      .replaceAll("'Close Date'", "'结束日期'")
      .replaceAll("'Opportunity Owner'", "'业务机会所有人'")
      .replaceAll("'Stage'", "'阶段'");
    const { snapshot } = await read(html, 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00000XyZ12IAB/view');
    // The fixture's deal (the packet tests' snapshot); its probability label is left in English, and the page shows 90%.
    expect(snapshot).toEqual({ ...fixtureSnapshot, probability: 90 });
  });
});

describe('fields the page does not show are null, never guessed', () => {
  it('Zoho page without amount and closing date', async () => {
    const html = readFileSync(`${FIXTURES}/zoho-deal.html`, 'utf8')
      .replace("field('Amount', 'Amount', span(DEAL.Amount)) +", '')
      .replace("field('Closing_Date', 'Closing Date', span(DEAL.Closing_Date)) +", '')
      .replace("'<span class=\"dvAmountBadge\">' + esc(DEAL.Amount) + '</span>' +", '');
    const { snapshot } = await read(html, 'https://crm.zoho.com/crm/org60012345/tab/Potentials/4876876000001234567');
    expect(snapshot.dealName).toBe('Harrowgate Foods - ERP Integration Phase 2');
    // "Expected Revenue" is still on the page: it must not stand in for the amount.
    expect(snapshot.amount).toBeNull();
    expect(snapshot.currency).toBeNull();
    expect(snapshot.closeDate).toBeNull();
    expect(snapshot.owner).toBe('Oliver Bennett');
  });

  it('a menu that says 商机 / Deals is not read as the deal name', async () => {
    const html = lateRendered('<p>无权限查看此记录</p>', 50);
    const { snapshot, ready } = await read(html, 'https://acme.pipedrive.com/deal/78', 600);
    expect(ready).toBe(false);
    expect(Object.values(snapshot).every((v) => v === null)).toBe(true);
  });
});

describe('late rendering', () => {
  it('waits 1.5 s for a slow record, and reports not-ready at its bound', async () => {
    const html = readFileSync(`${FIXTURES}/hubspot-deal.html`, 'utf8').replace('setTimeout(render, 600);', 'setTimeout(render, 1500);');
    const url = 'https://app.hubspot.com/contacts/21458713/record/0-3/9876543210';
    const slow = await read(html, url, 5000);
    expect(slow.ready).toBe(true);
    expect(slow.snapshot.dealName).toBe('Bluefin Logistics – Fleet Tracking Expansion');
    dom?.window.close();
    const tooSlow = await read(html, url, 500);
    expect(tooSlow.ready).toBe(false);
    expect(tooSlow.snapshot.dealName).toBeNull();
  });

  it('reads nothing before the record is there', () => {
    dom = loadPage(readFileSync(`${FIXTURES}/dynamics-opportunity.html`, 'utf8'), 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b');
    const adapter = builtinAdapters.find((a) => a.id === 'dynamics')!;
    expect(readSnapshot(dom.window.document, adapter).dealName).toBeNull();
  });
});

describe('deal detection by URL', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00000XyZ12IAB/view', 'salesforce', '006Hs00000XyZ12IAB'],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/006Hs00000XyZ12/view', 'salesforce', '006Hs00000XyZ12'],
    ['https://app-eu1.hubspot.com/contacts/21458713/record/0-3/9876543210', 'hubspot', '9876543210'],
    ['https://app.hubspot.com/contacts/21458713/record/0-3/9876543210/view/1', 'hubspot', '9876543210'],
    ['https://acme-sales.pipedrive.com/deal/4822', 'pipedrive', '4822'],
    ['https://contoso.crm4.dynamics.com/main.aspx?appid=x&pagetype=entityrecord&etn=opportunity&id=%7B8F1C2D3E-4B5A-6978-8A9B-0C1D2E3F4A5B%7D', 'dynamics', '8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b'],
    ['https://crm.zoho.eu/crm/org20071234/tab/Deals/1234567000000123456', 'zoho', '1234567000000123456'],
    ['https://crm.zoho.com.cn/crm/org1/tab/Potentials/42', 'zoho', '42'],
    ['https://crm.zoho.com.au/crm/tab/Potentials/42', 'zoho', '42'],
    ['https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/NewOpportunityObj/6543210fedcba9876543210a', 'fxiaoke', '6543210fedcba9876543210a'],
  ])('%s is a %s deal', (url, crm, recordId) => {
    expect(detectDeal(url, builtinAdapters)?.identity).toMatchObject({ crm, recordId });
  });

  it('tenants separate customers of the same CRM', () => {
    expect(detectDeal('https://crm.zoho.com.au/crm/tab/Potentials/42', builtinAdapters)?.identity.tenant).toBe('crm.zoho.com.au');
    expect(detectDeal('https://app-eu1.hubspot.com/contacts/777/record/0-3/1', builtinAdapters)?.identity.tenant).toBe('777');
  });

  it.each([
    'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent',
    'https://acme.lightning.force.com/lightning/r/Account/001Hs00000AbCdEIAZ/view',
    'https://acme.lightning.force.com/lightning/page/home',
    'https://app.hubspot.com/contacts/21458713/record/0-1/55102',
    'https://app.hubspot.com/contacts/21458713/record/0-2/18273645',
    'https://app.hubspot.com/contacts/21458713/objects/0-3/views/all/board',
    'https://www.hubspot.com/pricing',
    'https://acme-sales.pipedrive.com/pipeline/1',
    'https://acme-sales.pipedrive.com/settings/personal',
    'https://acme-sales.pipedrive.com/person/5521',
    'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=3b9e2c7a-1d4f-4e8b-9c2a-7f6e5d4c3b2a',
    'https://contoso.crm.dynamics.com/main.aspx?pagetype=entitylist&etn=opportunity',
    'https://crm.zoho.com/crm/org60012345/tab/Potentials',
    'https://crm.zoho.com/crm/org60012345/tab/Accounts/4876876000000987654',
    'https://www.fxiaoke.com/XV/UI/Home#crm/list/=/NewOpportunityObj',
    'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/64f0a1b2c3d4e5f6a7b8c9d0',
    'https://evil.example.com/deal/4821',
    'https://pipedrive.com.evil.example/deal/4821',
    'not a url',
  ])('%s is not a deal record', (url) => {
    expect(detectDeal(url, builtinAdapters)).toBeNull();
  });
});

describe('selectors that do not depend on the UI language', () => {
  it('Salesforce flexipage fields by API name, with labels in Japanese', async () => {
    const f = (api: string, label: string, value: string) =>
      `<flexipage-field data-target-selection-name="sfdc:RecordField.Opportunity.${api}"><div class="slds-form-element"><span class="slds-form-element__label">${label}</span><div class="slds-form-element__static">${value}</div></div></flexipage-field>`;
    const html = lateRendered(
      f('Name', '商談名', '東京物流 DX 2027') + f('AccountId', '取引先名', '東京物流株式会社') + f('Amount', '金額', '¥12,000,000') +
        f('StageName', 'フェーズ', 'Proposal') + f('CloseDate', '完了予定日', '2027/03/31') + f('OwnerId', '商談 所有者', '佐藤 花子'),
      100,
      'ja',
    );
    const { snapshot } = await read(html, 'https://tokyo.lightning.force.com/lightning/r/Opportunity/006Hs00000AbCdE12A/view');
    expect(snapshot).toEqual({
      dealName: '東京物流 DX 2027',
      accountName: '東京物流株式会社',
      amount: 12000000,
      currency: 'JPY', // a bare ¥ on a Japanese page is yen
      stage: 'Proposal',
      closeDate: '2027-03-31',
      owner: '佐藤 花子',
      probability: null,
    });
  });
});
