// Phones and emails a deal page shows, for pre-filling claim keys; then the
// sidebar keeps only usable, distinct keys.
import { describe, expect, it } from 'vitest';
import { builtinAdapters } from '@/lib/crm/adapters';
import { detectDeal } from '@/lib/crm/detect-deal';
import { readContacts } from '@/lib/crm/read-contacts';
import { waitForSnapshot } from '@/lib/crm/wait-for-snapshot';
import { claimKeysFor } from '@/components/sidebar/claim-keys-for';
import { fixtureJson, loadFixture, loadPage } from './load-page';

describe('contacts on the deal page', () => {
  it('reads the company phone HubSpot shows beside its name', async () => {
    const fx = fixtureJson('hubspot-deal');
    const dom = loadFixture('hubspot-deal.html', fx.url);
    await waitForSnapshot(dom.window.document, detectDeal(fx.url, builtinAdapters)!.adapter, { timeoutMs: 5000 });
    expect(readContacts(dom.window.document).phones).toContain('+1 312-555-0148');
    dom.window.close();
  });

  it('mailto/tel links, labelled text in Chinese, a value beside a label; never the app header', () => {
    const dom = loadPage(
      `<header><span>me@crm-vendor.com</span></header>
       <main>
         <a href="mailto:li.na@huaxin-tech.cn?subject=hi">李娜</a>
         <a href="tel:+86-21-5555-0101">总机</a>
         <div>联系电话：138 0013 8000</div>
         <dl><dt>Mobile</dt><dd>+44 20 7946 0958</dd></dl>
         <p>Reply to wang.wei@gmail.com or chen@huaxin-tech.cn</p>
         <p>Amount: 1,250,000 · Order 2026-11-23</p>
       </main>`,
      'https://crm.example.com/deal/1',
    );
    const got = readContacts(dom.window.document);
    expect(got.emails).toEqual(['li.na@huaxin-tech.cn', 'wang.wei@gmail.com', 'chen@huaxin-tech.cn']);
    expect(got.phones).toEqual(expect.arrayContaining(['+86-21-5555-0101', '138 0013 8000', '+44 20 7946 0958']));
    expect(got.phones).toHaveLength(3);
    dom.window.close();
  });

  it.each([
    ['Phone: (312) 555-0148', '(312) 555-0148'],
    ['电话：(0755) 8601 3388', '(0755) 8601 3388'],
    ['電話：(02) 2345-6789', '(02) 2345-6789'],
    ['Tel (02) 2345-6789 分機 123', '(02) 2345-6789 分機 123'],
    ['Tel. +86 (21) 6234 5678 ext. 801', '+86 (21) 6234 5678 ext. 801'],
    ['电话：0755-86013388 转 8001', '0755-86013388 转 8001'],
  ])('a bracketed area code or an extension in labelled text: %s', (text, want) => {
    const dom = loadPage(`<main><p>${text}</p><p>Hotel 1234567 is not a phone label</p></main>`, 'https://crm.example.com/deal/2');
    expect(readContacts(dom.window.document).phones).toEqual([want]);
    dom.window.close();
  });

  it('claim keys: the company first, then usable phones and company email domains, once each', () => {
    const keys = claimKeysFor('华信科技有限公司', { defaultRegion: 'CN', freeMailDomains: [] }, {
      phones: ['138 0013 8000', '+86 138-0013-8000', '12'],
      emails: ['li.na@huaxin-tech.cn', 'chen@huaxin-tech.cn', 'wang.wei@gmail.com', 'x@qq.com'],
    });
    expect(keys).toEqual([
      { kind: 'company', value: '华信科技有限公司' },
      { kind: 'phone', value: '138 0013 8000' },
      { kind: 'email', value: 'li.na@huaxin-tech.cn' },
    ]);
  });
});
