// The extras on a custom adapter's host, in real Chromium: the admin saves a
// SuiteCRM adapter whose `extras` locate its Contacts subpanel (by the panel's
// heading and column headers) and its Description, on the intranet host
// http://suitecrm, granted at run time. The background injects the extras
// reader there by the same grant the content script runs by, and the sidebar
// shows exactly the contacts the page shows — not those of the panel a
// collapsed, hidden earlier record left behind.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealExtras } from '@/lib/crm/deal-extras';
import { extensionWithHosts, launchWithExtension, sidebarFrame, type LaunchedBrowser } from './harness/browser';
import { listHttpHosts, startFixtureServer } from './harness/fixture-server';

const adapter = {
  ...(JSON.parse(readFileSync('test/fixtures/crm-selfhosted/suitecrm.adapter.json', 'utf8')) as Record<string, unknown>),
  extras: {
    contacts: [{ section: ['Contacts', 'Kontakte'], rows: 'tbody tr', name: [{ header: ['Name'] }], role: [{ header: ['Role'] }], email: [{ header: ['Email Address'] }] }],
    description: [{ label: ['Description'] }],
  },
};
const RECORD = '1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b';
const URL_ = `http://suitecrm/index.php?module=Opportunities&action=DetailView&record=${RECORD}`;
const contactsTable = (rows: [string, string, string][]) =>
  `<table><thead><tr><th>Name</th><th>Role</th><th>Email Address</th></tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
// Written for this test: a SuiteCRM detail view with a Contacts subpanel; an earlier record's view kept hidden first.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SuiteCRM</title></head><body>
<div id="old" hidden><div class="moduleTitle"><h2>Old Record</h2></div><div class="subpanel"><h3>Contacts</h3>${contactsTable([['Otto Alt', 'Buyer', 'otto@alt.example']])}</div></div>
<div id="content"><div class="moduleTitle"><h2>Kiel Marine – Fleet Portal</h2></div>
<div id="formDetailView" data-record-id="${RECORD}">
<div class="detail-view-row-item"><div class="label">Opportunity Amount: (EUR €):</div><div class="detail-view-field"><span>€36,000.00</span></div></div>
<div class="detail-view-row-item"><div class="label">Description:</div><div class="detail-view-field"><span>Fleet portal for the Kiel harbour depots.</span></div></div></div>
<div class="subpanel"><h3>Contacts</h3>${contactsTable([
  ['Frieda Lange', 'Decision Maker', 'frieda.lange@kielmarine.example'],
  ['Paul Berg', 'Technical Evaluator', 'paul.berg@kielmarine.example'],
])}</div></div></body></html>`;

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: LaunchedBrowser;

beforeAll(async () => {
  server = await startFixtureServer({ port: 0 });
  browser = await launchWithExtension({ fixturePort: server.port, http: { port: server.httpPort, hosts: listHttpHosts() }, extensionPath: extensionWithHosts(['http://suitecrm/*']) });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('extras through a custom adapter on a host granted at run time', () => {
  it('the options editor accepts the extras keys, and the sidebar gets the contacts and description the page shows', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('[data-field="adapter-json"]').fill(JSON.stringify(adapter, null, 2));
    await options.getByRole('button', { name: /Save and allow/ }).click();
    await options.locator('[data-field="adapter-save"][data-value="saved"]').waitFor({ timeout: 15_000 });
    await options.close();

    const page = await browser.context.newPage();
    await page.route(URL_, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }));
    await page.goto(URL_);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector(`[data-field="deal.recordId"][data-value="${RECORD}"]`, { timeout: 20_000 });
    await frame.waitForSelector('[data-field="crm.extras"]', { timeout: 20_000 });
    const extras = JSON.parse((await frame.getAttribute('[data-field="crm.extras"]', 'data-value'))!) as DealExtras;
    expect(extras.contacts).toEqual([
      { name: 'Frieda Lange', title: null, role: 'Decision Maker', phone: null, email: 'frieda.lange@kielmarine.example' },
      { name: 'Paul Berg', title: null, role: 'Technical Evaluator', phone: null, email: 'paul.berg@kielmarine.example' },
    ]);
    expect(extras.description).toBe('Fleet portal for the Kiel harbour depots.');
    expect(extras.activities).toBeNull();
    await page.close();
  });

  it('the options editor refuses a malformed extras locator by its path', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('[data-field="adapter-json"]').fill(JSON.stringify({ ...adapter, extras: { contacts: [{ rows: 'tr', name: [{ header: ['Name'] }] }] } }, null, 2));
    await expect.poll(() => options.locator('text=extras.contacts[0].section').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await options.close();
  });
});
