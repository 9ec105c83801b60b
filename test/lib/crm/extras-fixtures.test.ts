// Every page written for issue 19 (test/fixtures/crm-extras): read in jsdom with
// the built-in adapter's extras locators, the contacts, activities, line items
// and texts are exactly the expected ones once the page has rendered, and no
// read along the way — late rows, hidden earlier views — ever shows a value
// that belongs to another record.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { JSDOM } from 'jsdom';
import { builtinAdapters, extrasLocatorsFor } from '@/lib/crm/adapters';
import type { DealExtras } from '@/lib/crm/deal-extras';
import { detectDeal } from '@/lib/crm/detect-deal';
import { readExtras } from '@/lib/crm/read-extras';
import { readSnapshot } from '@/lib/crm/read-snapshot';
import { loadPage } from './load-page';

const DIR = 'test/fixtures/crm-extras';
interface ExtrasFixture {
  file: string;
  url: string;
  extras: DealExtras;
  /** texts only another record's (hidden or earlier) view shows */
  foreign?: string[];
}
const fixtures = (JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as { file: string }[]).map(
  (m) => ({ file: m.file, ...JSON.parse(readFileSync(`${DIR}/${m.file.replace(/\.html$/, '.json')}`, 'utf8')) }) as ExtrasFixture,
);

let dom: JSDOM | null = null;
afterEach(() => {
  dom?.window.close();
  dom = null;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(fixtures)('$file', (f) => {
  it('reads the contacts, activities, line items and texts shown, and nothing of another record', async () => {
    dom = loadPage(readFileSync(`${DIR}/${f.file}`, 'utf8'), f.url);
    const doc = dom.window.document;
    const hit = detectDeal(f.url, builtinAdapters, doc);
    expect(hit, f.url).not.toBeNull();
    const locators = extrasLocatorsFor(hit!.adapter);
    expect(locators).not.toBeNull();
    const reads: string[] = [];
    let last: DealExtras | null = null;
    // Generous bound on a contended machine: the page renders within ~2 s.
    for (let i = 0; i < 60; i++) {
      const dealCurrency = readSnapshot(doc, hit!.adapter).currency;
      last = readExtras(doc, hit!.adapter, locators!, { dealCurrency });
      reads.push(JSON.stringify(last));
      if (JSON.stringify(last) === JSON.stringify(f.extras)) break;
      await sleep(100);
    }
    expect(last).toEqual(f.extras);
    for (const text of f.foreign ?? []) expect(reads.filter((r) => r.includes(text)), text).toEqual([]);
  });
});
