// Table test per UI language: for each built-in CRM, a page whose fields are
// labelled as that CRM's UI labels them in that language (and with none of the
// CRM's own markup, so only the labels can find the values) reads exactly the
// values beside them, and nothing for the fields the page does not show.
import { afterEach, describe, expect, it } from 'vitest';
import type { JSDOM } from 'jsdom';
import { builtins } from '@/lib/crm/adapters';
import { readSnapshot } from '@/lib/crm/read-snapshot';
import { emptySnapshot, DEAL_FIELDS, type DealField, type DealSnapshot } from '@/lib/crm/types';
import { UI_LANGUAGES } from '@/lib/crm/ui-languages';
import { loadPage } from './load-page';

// Probability joins the snapshot as the CRM's own win % (a number 0–100).
const SHOWN: Record<DealField, string> = {
  dealName: 'Atlas Logistik – Rollout 2027',
  accountName: 'Atlas Logistik GmbH',
  amount: '12,500.00 EUR',
  currency: 'EUR',
  stage: 'Negotiation/Review',
  closeDate: '2027-03-31',
  owner: 'Jane Roe',
  probability: '60%',
};

/** What the reader must return for a page showing these fields. */
function expected(fields: DealField[]): DealSnapshot {
  const snap = emptySnapshot();
  for (const f of fields) {
    if (f === 'amount') snap.amount = 12500;
    else if (f === 'closeDate') snap.closeDate = '2027-03-31';
    else if (f === 'probability') snap.probability = 60;
    else snap[f] = SHOWN[f] as never;
  }
  if (fields.includes('amount') || fields.includes('currency')) snap.currency = 'EUR';
  return snap;
}

// Label and value in sibling cells of a row, under a navigation bar that names
// other objects, the way record pages lay out their detail panels.
const page = (lang: string, rows: [string, string][]) => `<!doctype html><html lang="${lang}"><body>
<nav role="navigation"><a>Home</a><a>Reports</a></nav>
<main><table><tbody>${rows.map(([l, v]) => `<tr><th>${l}</th><td>${v}</td></tr>`).join('')}</tbody></table></main></body></html>`;

let dom: JSDOM | null = null;
afterEach(() => {
  dom?.window.close();
  dom = null;
});

const cases = UI_LANGUAGES.flatMap((lang) =>
  builtins.flatMap((b) => {
    const fields = DEAL_FIELDS.filter((f) => b.labels[lang].labels[f]?.length);
    return fields.length ? [{ lang, crm: b.definition.id, b, fields }] : [];
  }),
);

// A ratchet: verified labels may be added, never lost (153 CRM × language × field cells at the last count).
it('coverage does not shrink (printed per CRM and language for the README)', () => {
  let cells = 0;
  const rows = builtins.map((b) => {
    const fields = DEAL_FIELDS.filter((f) => UI_LANGUAGES.some((l) => b.labels[l].labels[f]?.length));
    const per = UI_LANGUAGES.map((l) => fields.filter((f) => b.labels[l].labels[f]?.length).length);
    cells += per.reduce((a, n) => a + n, 0);
    return `${b.definition.id.padEnd(11)} ${UI_LANGUAGES.map((l, i) => `${l} ${per[i]}/${fields.length}`).join(' · ')}`;
  });
  console.log(`[labels] deal fields read by label, per language:\n${rows.join('\n')}`);
  expect(cells).toBeGreaterThanOrEqual(153);
});

describe.each(UI_LANGUAGES)('%s', (lang) => {
  it('at least one built-in CRM is read in this language', () => {
    expect(cases.filter((c) => c.lang === lang).map((c) => c.crm)).not.toEqual([]);
  });

  it.each(cases.filter((c) => c.lang === lang).map((c) => [c.crm, c] as const))('%s: every labelled field reads the value beside its label', (_crm, c) => {
    // Each label text of the language, one page per variant, so none is left untried.
    const variants = Math.max(...c.fields.map((f) => c.b.labels[lang].labels[f]!.length));
    for (let v = 0; v < variants; v++) {
      const rows = c.fields.map((f): [string, string] => {
        const texts = c.b.labels[lang].labels[f]!;
        return [texts[Math.min(v, texts.length - 1)]!, SHOWN[f]];
      });
      dom = loadPage(page(lang, rows), c.b.tryOn.deals[0]!.url);
      expect(readSnapshot(dom.window.document, c.b.definition), JSON.stringify(rows.map((r) => r[0]))).toEqual(expected(c.fields));
      dom.window.close();
      dom = null;
    }
  });
});
