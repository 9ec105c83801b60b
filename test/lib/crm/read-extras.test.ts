// Each kind of extras locator (lib/crm/extras-schema.ts) on small pages: a list
// found by CSS container or by its section heading (any language, a count
// after it), columns by CSS (text or attribute), by table header, by a label in
// the row; single texts by CSS or label. And the rules: only rows on screen,
// never another section's rows, at most 100, `accept` refusing the old view;
// dates to YYYY-MM-DD, quantities and amounts parsed, activity types mapped.
import { afterEach, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { defineAdapter, type AdapterDefinition } from '@/lib/crm/adapter-schema';
import { activityType } from '@/lib/crm/activity-type';
import { checkAdapterDefinition, extrasLocatorsSchema, type ExtrasLocatorsInput } from '@/lib/crm/extras-schema';
import { dayOf, quantityOf, readExtras } from '@/lib/crm/read-extras';

let dom: JSDOM | null = null;
afterEach(() => {
  dom?.window.close();
  dom = null;
});

const adapter: AdapterDefinition = defineAdapter({ id: 'custom:test', name: 'Test', hosts: ['crm.example.com'], urls: [{ pattern: '^/deal/(?<recordId>\\d+)' }], fields: {} });

function read(body: string, extras: ExtrasLocatorsInput, opts: { lang?: string; accept?: (el: Element) => boolean; dealCurrency?: string } = {}) {
  dom = new JSDOM(`<!doctype html><html lang="${opts.lang ?? 'en-US'}"><body>${body}</body></html>`, { url: 'https://crm.example.com/deal/1', pretendToBeVisual: true });
  return readExtras(dom.window.document, adapter, extrasLocatorsSchema.parse(extras), opts);
}

const people = (rows: string) => `<ul class="people">${rows}</ul>`;
const person = (name: string, role: string, mail = '') => `<li class="p"><b class="n">${name}</b><i class="r">${role}</i>${mail ? `<a href="mailto:${mail}">write</a>` : ''}</li>`;

describe('lists', () => {
  it('container CSS + row CSS + column CSS, and an attribute (mailto:) for the email', () => {
    const x = read(people(person('Ada Lin', 'Decision Maker', 'ada@lin.example') + person('Bo Wu', 'Champion')), {
      contacts: [{ container: '.people', rows: 'li.p', name: [{ css: '.n' }], role: [{ css: '.r' }], email: [{ css: 'a[href^="mailto:"]', attr: 'href' }] }],
    });
    expect(x.contacts).toEqual([
      { name: 'Ada Lin', title: null, role: 'Decision Maker', phone: null, email: 'ada@lin.example' },
      { name: 'Bo Wu', title: null, role: 'Champion', phone: null, email: null },
    ]);
  });

  it('section heading in another language with a count after it; columns by table header', () => {
    const x = read(
      `<h3>产品明细 (2)</h3><table><thead><tr><th>产品名称</th><th>数量</th><th>小计</th></tr></thead>
       <tbody><tr><td>服务器</td><td>3</td><td>￥36,000.00</td></tr><tr><td>实施服务</td><td>1</td><td>￥8,000.00</td></tr></tbody></table>`,
      { lineItems: [{ section: ['Products', '产品明细'], rows: 'tbody tr', product: [{ header: ['Product', '产品名称'] }], quantity: [{ header: ['数量'] }], amount: [{ header: ['小计'] }] }] },
      { lang: 'zh-CN' },
    );
    expect(x.lineItems).toEqual([
      { product: '服务器', quantity: 3, amount: 36000, currency: 'CNY' },
      { product: '实施服务', quantity: 1, amount: 8000, currency: 'CNY' },
    ]);
  });

  it('columns by a label inside each row (cards), ARIA grid headers too', () => {
    const cards = `<h2>Kontakte</h2><div class="cards">
      <div class="card"><span>Name</span><span>Jonas Weber</span><span>Position</span><span>Einkaufsleiter</span></div>
      <div class="card"><span>Name</span><span>Mia Koch</span><span>Position</span><span>CFO</span></div></div>`;
    const x = read(cards, { contacts: [{ section: ['Kontakte'], rows: '.card', name: [{ label: ['Name'] }], title: [{ label: ['Position'] }] }] }, { lang: 'de-DE' });
    expect(x.contacts?.map((c) => [c.name, c.title])).toEqual([
      ['Jonas Weber', 'Einkaufsleiter'],
      ['Mia Koch', 'CFO'],
    ]);
    const grid = `<div role="grid"><div role="row"><span role="columnheader">Subject</span><span role="columnheader">Date</span></div>
      <div role="row" class="r"><span role="gridcell">Kickoff</span><span role="gridcell">2027-01-05</span></div></div>`;
    const y = read(grid, { activities: [{ container: '[role=grid]', rows: '.r', subject: [{ header: ['Subject'] }], date: [{ header: ['Date'] }] }] });
    expect(y.activities).toEqual([{ type: 'other', date: '2027-01-05', who: null, subject: 'Kickoff' }]);
  });

  it('skips hidden rows and hidden earlier views; a collapsed list (no row on screen) is null, not empty', () => {
    const body = `<div class="people" hidden>${person('Old Deal Person', 'Buyer')}</div>${people(person('Shown', 'User') + '<li class="p" style="display:none"><b class="n">Behind view all</b></li>')}`;
    const x = read(body, { contacts: [{ container: '.people', rows: 'li.p', name: [{ css: '.n' }] }] });
    expect(x.contacts?.map((c) => c.name)).toEqual(['Shown']);
    const collapsed = read(`<div class="people" aria-hidden="true">${person('A', 'B')}</div>`, { contacts: [{ container: '.people', rows: 'li.p', name: [{ css: '.n' }] }] });
    expect(collapsed.contacts).toBeNull();
  });

  it("a heading whose section has no rows never takes the next section's rows", () => {
    const body = `<section><h3>Contact Roles</h3><p>No records</p><h3>Notes</h3><ul>${person('Not a contact role', 'x')}</ul></section>`;
    const x = read(body, { contacts: [{ section: ['Contact Roles'], rows: 'li.p', name: [{ css: '.n' }] }] });
    expect(x.contacts).toBeNull();
  });

  it('reads at most 100 rows, and none that accept refuses', () => {
    const many = people(Array.from({ length: 130 }, (_, i) => person(`P${i}`, 'r')).join(''));
    expect(read(many, { contacts: [{ container: '.people', rows: 'li.p', name: [{ css: '.n' }] }] }).contacts).toHaveLength(100);
    const x = read(people(person('Old', 'r') + person('New', 'r')), { contacts: [{ container: '.people', rows: 'li.p', name: [{ css: '.n' }] }] }, { accept: (el) => !el.textContent?.includes('Old') });
    expect(x.contacts?.map((c) => c.name)).toEqual(['New']);
  });

  it('drops a row without a name or product rather than guess one; tries the next list locator', () => {
    const x = read(people('<li class="p"><i class="r">Champion</i></li>') + '<ol class="alt"><li><span>Kim Park</span></li></ol>', {
      contacts: [
        { container: '.people', rows: 'li.p', name: [{ css: '.n' }] },
        { container: '.alt', rows: 'li', name: [{ css: 'span' }] },
      ],
    });
    expect(x.contacts).toEqual([{ name: 'Kim Park', title: null, role: null, phone: null, email: null }]);
  });
});

describe('activities', () => {
  const timeline = `<div class="tl">
    <div class="e"><svg data-icon="standard:log_a_call"></svg><span class="d">Dec 18, 2026 at 3:04 PM</span><span class="s">Pricing call</span><span class="w">Priya</span></div>
    <div class="e"><span class="t">会议</span><span class="d">2026年12月10日 14:00</span><span class="s">现场演示</span></div>
    <div class="e"><span class="t">Anruf</span><span class="d">Yesterday</span><span class="s">Rückruf</span></div></div>`;
  it('types from icon attributes and labels in several languages; dates to YYYY-MM-DD, a relative date null', () => {
    const x = read(timeline, { activities: [{ container: '.tl', rows: '.e', type: [{ css: '.t' }, { css: 'svg', attr: 'data-icon' }], date: [{ css: '.d' }], subject: [{ css: '.s' }], who: [{ css: '.w' }] }] });
    expect(x.activities).toEqual([
      { type: 'call', date: '2026-12-18', who: 'Priya', subject: 'Pricing call' },
      { type: 'meeting', date: '2026-12-10', who: null, subject: '现场演示' },
      { type: 'call', date: null, who: null, subject: 'Rückruf' },
    ]);
  });

  it('maps type labels and icon names, and says "other" for none or two', () => {
    expect(['Logged call', 'utility:email', 'Besprechung', '拜訪', 'ミーティング', 'メール', 'Note', '跟进记录', 'Aufgabe', 'タスク', 'fa-phone'].map(activityType)).toEqual([
      'call',
      'email',
      'meeting',
      'meeting',
      'meeting',
      'email',
      'note',
      'note',
      'task',
      'task',
      'call',
    ]);
    expect(activityType('Stage changed')).toBe('other');
    expect(activityType('Call and email')).toBe('other');
    expect(activityType(null)).toBe('other');
  });

  it('reads the day before a time, in a "type · date" text, and leaves an ambiguous day null', () => {
    expect(dayOf('19.11.2026 um 15:04', { locale: 'de-DE' })).toBe('2026-11-19');
    expect(dayOf('Logged call · Nov 19, 2026', {})).toBe('2026-11-19');
    expect(dayOf('2026/11/19 15:04', {})).toBe('2026-11-19');
    expect(dayOf('03/04/2027', {})).toBeNull();
  });
});

describe('quantities and single texts', () => {
  it('reads one non-negative quantity, or null', () => {
    expect(quantityOf('1,000 pcs', { locale: 'en-US' })).toBe(1000);
    expect(quantityOf('2,5', { locale: 'de-DE' })).toBe(2.5);
    expect(quantityOf('× 3', {})).toBe(3);
    expect(quantityOf('10 个', {})).toBe(10);
    expect(quantityOf('-2', {})).toBeNull();
    expect(quantityOf('2 of 5', {})).toBeNull();
  });

  it('single texts by CSS and by label; not shown = null', () => {
    const x = read(`<div class="desc">Forty trucks.</div><dl><dt>Next Step</dt><dd>Send MSA</dd><dt>竞争对手</dt><dd>Acme</dd></dl>`, {
      description: [{ css: '.desc' }],
      nextStep: [{ label: ['Next Step'] }],
      competitor: [{ label: ['Competitor', '竞争对手'] }],
      winReason: [{ label: ['Win reason'] }],
    });
    expect([x.description, x.nextStep, x.competitor, x.winReason, x.contacts]).toEqual(['Forty trucks.', 'Send MSA', 'Acme', null, null]);
  });
});

describe('custom adapter format', () => {
  const base = { id: 'custom:x', name: 'X', hosts: ['crm.example.com'], urls: [{ pattern: '^/d/(?<recordId>\\d+)' }], fields: {} };
  it('accepts extras and reports a wrong one by its path', () => {
    expect(checkAdapterDefinition({ ...base, extras: { contacts: [{ container: '.c', rows: 'li', name: [{ css: '.n' }] }] } }).ok).toBe(true);
    const bad = checkAdapterDefinition({ ...base, extras: { contacts: [{ rows: 'li', name: [{ header: [] }] }] } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['extras.contacts[0].section', 'extras.contacts[0].name[0].header']));
  });
});
