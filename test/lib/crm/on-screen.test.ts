// Only the record on screen is read: every kind of hiding a CRM uses for an
// earlier record's cached view, in the label search, the CSS locators and the
// wait for render. (Zero size and off-screen need layout: see the e2e suite.)
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { defineAdapter } from '@/lib/crm/adapter-schema';
import { findByLabel } from '@/lib/crm/find-by-label';
import { readSnapshot } from '@/lib/crm/read-snapshot';
import { isOnScreen } from '@/lib/crm/visibility';
import { waitForSnapshot } from '@/lib/crm/wait-for-snapshot';

const STYLE = `<style>.gone{display:none}.ghost{visibility:hidden}.fold{visibility:collapse}</style>`;
const doc = (body: string) => new JSDOM(`<!doctype html><html><head>${STYLE}</head><body>${body}</body></html>`, { pretendToBeVisual: true }).window.document;

/** A record view: label/value rows like the CRMs' detail panels. */
const view = (name: string, amount: string) =>
  `<div class="record"><h1 data-x="name">${name}</h1><div class="row"><span class="lbl">Amount</span><span class="val" data-x="amount">${amount}</span></div></div>`;

// [kind, wrapper around the OLD view]
const HIDDEN: [string, (inner: string) => string][] = [
  ['display:none (inline style)', (v) => `<div style="display: none">${v}</div>`],
  ['display:none (style sheet)', (v) => `<div class="gone">${v}</div>`],
  ['visibility:hidden (inline style)', (v) => `<div style="visibility:hidden">${v}</div>`],
  ['visibility:hidden (style sheet)', (v) => `<div class="ghost">${v}</div>`],
  ['visibility:collapse', (v) => `<div class="fold">${v}</div>`],
  ['hidden attribute', (v) => `<div hidden>${v}</div>`],
  ['hidden="until-found"', (v) => `<div hidden="until-found">${v}</div>`],
  ['aria-hidden="true"', (v) => `<div aria-hidden="true">${v}</div>`],
  ['inert', (v) => `<div inert>${v}</div>`],
  ['visually-hidden utility class', (v) => `<div class="slds-assistive-text">${v}</div>`],
  ['hidden three levels up', (v) => `<section hidden><div><div class="x">${v}</div></div></section>`],
  ['Salesforce-style cached tab (hidden wrapper of a one-record-page)', (v) => `<div class="windowViewMode-normal oneContent" style="display:none"><one-record-home-flexipage>${v}</one-record-home-flexipage></div>`],
];

describe.each(HIDDEN)('an old view hidden by %s', (_kind, hide) => {
  it('the label search reads the visible view, not the hidden one before it', () => {
    const d = doc(hide(view('Old deal', '999')) + view('New deal', '100'));
    expect(findByLabel(d, ['Amount'])).toBe('100');
  });

  it('a hidden view alone reads nothing', () => {
    const d = doc(hide(view('Old deal', '999')));
    expect(findByLabel(d, ['Amount'])).toBeNull();
    expect(isOnScreen(d.querySelector('[data-x="amount"]')!)).toBe(false);
  });

  it('CSS locators skip it too', () => {
    const d = doc(hide(view('Old deal', '999')) + view('New deal', '100'));
    const snap = readSnapshot(d, ADAPTER);
    expect(snap.dealName).toBe('New deal');
    expect(snap.amount).toBe(100);
  });
});

const ADAPTER = defineAdapter({
  id: 'custom:test',
  name: 'Test',
  hosts: ['crm.example.com'],
  url: { pattern: '^/deal/(?<recordId>\\d+)' },
  fields: { dealName: [{ css: '[data-x="name"]' }], amount: [{ css: '[data-x="amount"]' }] },
  defaultCurrency: 'EUR',
});

// Markup that looks like hiding but is not: these must still be read.
const SHOWN: [string, string][] = [
  ['aria-hidden="false"', `<div aria-hidden="false">${view('Deal', '100')}</div>`],
  ['visibility:visible', `<div style="visibility: visible">${view('Deal', '100')}</div>`],
  ['a hidden sibling only', `<div hidden>${'<p>Loading…</p>'}</div>${view('Deal', '100')}`],
  ['an aria-hidden icon inside the value', view('Deal', '<svg aria-hidden="true"></svg><span aria-hidden="true">€</span>100')],
];

describe.each(SHOWN)('not hidden: %s', (_kind, body) => {
  it('is read', () => {
    expect(findByLabel(doc(body), ['Amount'])).toBe('100');
  });
});

describe('hidden parts inside a value', () => {
  it.each([
    ['assistive text', '<span class="val">100<span class="slds-assistive-text">Edit Amount</span></span>'],
    ['a hidden tooltip', '<span class="val">100<span hidden>Amount in EUR, converted</span></span>'],
    ['display:none old value', '<span class="val"><s style="display:none">999</s>100</span>'],
  ])('%s is left out of the value', (_k, val) => {
    expect(findByLabel(doc(`<div class="row"><span>Amount</span>${val}</div>`), ['Amount'])).toBe('100');
  });
});

describe('shadow DOM', () => {
  const withShadow = (hostAttrs: string) => {
    const d = doc(`<x-old ${hostAttrs}></x-old><x-new></x-new>`);
    d.querySelector('x-old')!.attachShadow({ mode: 'open' }).innerHTML = view('Old deal', '999');
    d.querySelector('x-new')!.attachShadow({ mode: 'open' }).innerHTML = view('New deal', '100');
    return d;
  };

  it.each([
    ['hidden attribute', 'hidden'],
    ['aria-hidden', 'aria-hidden="true"'],
    ['inline display:none', 'style="display:none"'],
    ['a class the page hides', 'class="gone"'],
  ])('a host hidden by %s hides its whole shadow tree', (_k, attrs) => {
    const d = withShadow(attrs);
    expect(findByLabel(d, ['Amount'])).toBe('100');
    expect(readSnapshot(d, ADAPTER).dealName).toBe('New deal');
  });

  it('a visible host is still pierced', () => {
    const d = withShadow('');
    expect(findByLabel(d, ['Amount'])).toBe('999'); // first in document order, both on screen
  });

  it('a view hidden inside a shadow root (nested) is skipped', () => {
    const d = doc('<x-panel></x-panel>');
    const outer = d.querySelector('x-panel')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<div hidden><x-item></x-item></div><x-item></x-item>';
    const [hiddenItem, shownItem] = Array.from(outer.querySelectorAll('x-item'));
    hiddenItem!.attachShadow({ mode: 'open' }).innerHTML = view('Old', '999');
    shownItem!.attachShadow({ mode: 'open' }).innerHTML = view('New', '100');
    expect(findByLabel(d, ['Amount'])).toBe('100');
  });
});

describe('waiting for render skips hidden views', () => {
  it('a page holding only a hidden cached view is not ready; the new view is read when it appears', async () => {
    const dom = new JSDOM(`<!doctype html><html><body><div hidden>${view('Old deal', '999')}</div><div id="app"></div></body></html>`, {
      pretendToBeVisual: true,
      runScripts: 'outside-only',
    });
    const d = dom.window.document;
    const early = await waitForSnapshot(d, ADAPTER, { timeoutMs: 300 });
    expect(early.ready).toBe(false);
    expect(early.snapshot.dealName).toBeNull();
    const later = waitForSnapshot(d, ADAPTER, { timeoutMs: 3000 });
    setTimeout(() => (d.getElementById('app')!.innerHTML = view('New deal', '100')), 100);
    const { snapshot, ready } = await later;
    expect(ready).toBe(true);
    expect(snapshot.dealName).toBe('New deal');
    expect(snapshot.amount).toBe(100);
    dom.window.close();
  });
});
