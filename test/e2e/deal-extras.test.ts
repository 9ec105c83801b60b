// Issue 19 item 1 in real Chromium with the built extension: the sidebar gets
// what the CRM page shows besides the deal facts — the contacts with their
// roles, the activities and the line items of the record on screen — through
// the background (the extras reader injected on demand, never the content
// script's bundle), and never those of the earlier deal view the page keeps
// hidden; rows that render late arrive as the page changes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DealExtras } from '@/lib/crm/deal-extras';
import { sidebarFrame } from './harness/browser';
import { fixtureBrowser } from './harness/fixture-browser';

const env = fixtureBrowser({ locale: 'en-US' });
const DIR = 'test/fixtures/crm-extras';
interface ExtrasFixture {
  file: string;
  url: string;
  extras: DealExtras;
  foreign: string[];
  navigate?: { click: string; expectedUrl: string; recordId: string };
  afterNavigation?: DealExtras;
  /** texts only the first deal shows: never with the second deal's record id */
  onlyBefore?: string[];
}
const fixtures = (JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as { file: string }[]).map(
  (m) => ({ file: m.file, ...JSON.parse(readFileSync(`${DIR}/${m.file.replace(/\.html$/, '.json')}`, 'utf8')) }) as ExtrasFixture,
);

describe('the sidebar receives the extras of the deal on screen', () => {
  it.each(fixtures)('$file: three contacts, five activities, two line items, and nothing of the hidden earlier view', async (fixture) => {
    const page = await env.browser.context.newPage();
    await page.goto(fixture.url);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-field="deal.recordId"]', { timeout: 20_000 });
    // Every extras value the sidebar shows, in order, until the page's late timeline rows arrived.
    const seen: string[] = [];
    let shown: DealExtras | null = null;
    for (let i = 0; i < 120 && JSON.stringify(shown) !== JSON.stringify(fixture.extras); i++) {
      const raw = await frame.getAttribute('[data-field="crm.extras"]', 'data-value', { timeout: 20_000 }).catch(() => null);
      if (raw) {
        seen.push(raw);
        shown = JSON.parse(raw) as DealExtras;
      }
      await page.waitForTimeout(250);
    }
    expect(shown).toEqual(fixture.extras);
    expect(await frame.getAttribute('[data-field="crm.extras"]', 'data-contacts')).toBe('3');
    expect(await frame.getAttribute('[data-field="crm.extras"]', 'data-activities')).toBe('5');
    expect(await frame.getAttribute('[data-field="crm.extras"]', 'data-line-items')).toBe('2');
    for (const text of fixture.foreign) expect(seen.filter((s) => s.includes(text)), text).toEqual([]);
    await page.close();
  });
});

/** Runs in the sidebar frame: logs every distinct (record id, extras) pair it renders. */
function recordExtrasStates() {
  const w = window as unknown as { __batonExtrasLog?: string[] };
  if (w.__batonExtrasLog) return;
  const log: string[] = (w.__batonExtrasLog = []);
  const snap = () => {
    const id = document.querySelector('[data-field="deal.recordId"]')?.getAttribute('data-value') ?? '';
    const extras = document.querySelector('[data-field="crm.extras"]')?.getAttribute('data-value') ?? '';
    const entry = `${id} ${extras}`;
    if (log.at(-1) !== entry) log.push(entry);
  };
  snap();
  new MutationObserver(snap).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** Polls the sidebar's extras until they equal `want` (generous bound on a contended machine). */
async function extrasShown(frame: Awaited<ReturnType<typeof sidebarFrame>>, want: DealExtras): Promise<DealExtras | null> {
  let shown: DealExtras | null = null;
  for (let i = 0; i < 120 && JSON.stringify(shown) !== JSON.stringify(want); i++) {
    const raw = await frame.getAttribute('[data-field="crm.extras"]', 'data-value', { timeout: 20_000 }).catch(() => null);
    if (raw) shown = JSON.parse(raw) as DealExtras;
    await frame.page().waitForTimeout(250);
  }
  return shown;
}

describe('after an SPA navigation the sidebar gets the new deal\'s extras, never the old view\'s', () => {
  const spa = fixtures.filter((f) => f.navigate && f.afterNavigation);
  it.each(spa)('$file', async (fixture) => {
    const page = await env.browser.context.newPage();
    await page.goto(fixture.url);
    const frame = await sidebarFrame(page);
    expect(await extrasShown(frame, fixture.extras)).toEqual(fixture.extras);
    await frame.evaluate(recordExtrasStates);
    await page.click(fixture.navigate!.click);
    await page.waitForURL(fixture.navigate!.expectedUrl);
    await frame.waitForSelector(`[data-field="deal.recordId"][data-value="${fixture.navigate!.recordId}"]`, { timeout: 20_000 });
    expect(await extrasShown(frame, fixture.afterNavigation!)).toEqual(fixture.afterNavigation);
    const log = await frame.evaluate(() => (window as unknown as { __batonExtrasLog: string[] }).__batonExtrasLog);
    const withNewId = log.filter((entry) => entry.startsWith(`${fixture.navigate!.recordId} `));
    for (const text of fixture.onlyBefore ?? []) expect(withNewId.filter((e) => e.includes(text)), text).toEqual([]);
    await page.close();
  });
});
