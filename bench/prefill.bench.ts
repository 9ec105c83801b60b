// Issue 19's figure: fields a rep must type to reach the submit threshold, per
// CRM fixture, before and after prefill. Each page is loaded in jsdom with its
// scripts (late rows render as in a browser) and read with the real readers
// (lib/crm/read-snapshot.ts, lib/crm/read-extras.ts) until two reads a second
// apart agree; the packet is then built as the sidebar builds it:
//   before: the deal snapshot, and the contract amount and currency the page
//           shows (issue 11, contract-from-deal.ts) — what Baton did before issue 19;
//   after:  the same plus every proposal of lib/packet/prefill.ts, each confirmed
//           (a click per item or one "confirm all", not typing).
// The count is bench/typing-plan.ts's: the fewest fields to type so that the
// default template's required items are satisfied and completeness reaches
// its threshold, checked with the real scorer.
import { readFileSync } from 'node:fs';
import { builtinAdapters, extrasLocatorsFor } from '@/lib/crm/adapters';
import { emptyExtras, type DealExtras } from '@/lib/crm/deal-extras';
import { detectDeal } from '@/lib/crm/detect-deal';
import { readExtras } from '@/lib/crm/read-extras';
import { readSnapshot } from '@/lib/crm/read-snapshot';
import { emptySnapshot, type DealSnapshot } from '@/lib/crm/types';
import { DEFAULT_TEMPLATE } from '@/lib/packet/checklist-template';
import { contractFromDeal, contractFromDealMarked } from '@/lib/packet/contract-from-deal';
import { firstFillOps, newProposals, proposalsFrom } from '@/lib/packet/prefill';
import { confirmAllOps } from '@/lib/packet/prefill-marks';
import { newPacket, type Packet } from '@/lib/packet/schema';
import { applyOp } from '@/lib/sync/packet-ops';
import { loadPage } from '../test/lib/crm/load-page';
import type { Figure } from './figures';
import { fieldsToSubmit } from './typing-plan';

const DIRS = ['test/fixtures/crm-extras', 'test/fixtures/crm'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Read {
  crm: string;
  identity: Packet['identity'];
  snapshot: DealSnapshot;
  extras: DealExtras;
}

/** The page as the readers see it once it stopped changing (at most ~8 s). */
async function readPage(dir: string, file: string, url: string): Promise<Read | null> {
  const dom = loadPage(readFileSync(`${dir}/${file}`, 'utf8'), url);
  try {
    const doc = dom.window.document;
    let last = '';
    for (let i = 0; i < 8; i++) {
      await sleep(1000);
      const hit = detectDeal(url, builtinAdapters, doc);
      if (!hit) continue;
      const snapshot = readSnapshot(doc, hit.adapter);
      const locators = extrasLocatorsFor(hit.adapter);
      const extras = locators ? readExtras(doc, hit.adapter, locators, { dealCurrency: snapshot.currency }) : emptyExtras();
      const read = { crm: hit.identity.crm, identity: hit.identity, snapshot, extras };
      const text = JSON.stringify(read);
      if (text === last) return read;
      last = text;
    }
    return last ? (JSON.parse(last) as Read) : null;
  } finally {
    dom.window.close();
  }
}

function packets(r: Read): { before: Packet; after: Packet } {
  const at = new Date('2026-11-30T00:00:00Z');
  const fresh = newPacket(r.identity, emptySnapshot(), '', at);
  const deal = { kind: 'deal' as const, snapshot: r.snapshot, dealUrl: '' };
  const before = [deal, ...contractFromDeal(fresh, r.snapshot)].reduce(applyOp, fresh);
  const opened = [deal, ...contractFromDealMarked(fresh, r.snapshot, r.crm, at.toISOString())].reduce(applyOp, fresh);
  const src = { crm: r.crm, readAt: at.toISOString(), region: 'US' };
  const filled = firstFillOps(opened, newProposals(opened, proposalsFrom(r.extras, r.snapshot, src.region)), src).reduce(applyOp, opened);
  return { before, after: confirmAllOps(filled).reduce(applyOp, filled) };
}

export async function run(): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const dir of DIRS) {
    const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as { file: string; host: string; path: string }[];
    for (const m of manifest) {
      const read = await readPage(dir, m.file, `https://${m.host}${m.path}`);
      if (!read) continue;
      const { before, after } = packets(read);
      const b = fieldsToSubmit(before, DEFAULT_TEMPLATE).fields;
      const a = fieldsToSubmit(after, DEFAULT_TEMPLATE).fields;
      const x = read.extras;
      out.push({
        name: `fields to type to submit, ${dir.split('/').pop()}/${m.file}`,
        unit: 'fields',
        median: a,
        runs: 1,
        reference: { name: 'before prefill', median: b },
        ratio: b ? Math.round((a / b) * 100) / 100 : 0,
        goal: 'fewer after prefill where the page shows contacts, activities, line items',
        note: `page shows ${x.contacts?.length ?? 0} contacts, ${x.activities?.length ?? 0} activities, ${x.lineItems?.length ?? 0} line items${x.industry ? ', industry' : ''}${x.companySize ? ', size' : ''}; default template (threshold ${DEFAULT_TEMPLATE.threshold}); a field = one input typed (a list row's column counts once; choosing from a list counts; confirming a CRM value is a click, not counted)`,
      });
    }
  }
  return out;
}
