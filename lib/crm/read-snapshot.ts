// Page → deal snapshot with an adapter's locators. Pure: reads the DOM, changes
// nothing. A field none of the locators finds is null — never a guess.
import type { AdapterDefinition, Locator } from './adapter-schema';
import { deepQueryAll, valueOf } from './deep-query';
import { findByLabel } from './find-by-label';
import { parseAmount } from './parse-amount';
import { bareSymbols, parseCurrency } from './parse-currency';
import { parseDate } from './parse-date';
import { emptySnapshot, type DealField, type DealSnapshot } from './types';

function readLocator(root: Document, loc: Locator): string | null {
  if ('css' in loc) {
    for (const el of deepQueryAll(root, loc.css)) {
      const v = valueOf(el, loc.attr);
      if (v) return v;
    }
    return null;
  }
  const scopes = loc.scope ? deepQueryAll(root, loc.scope) : [root];
  for (const s of scopes) {
    const v = findByLabel(s, loc.label);
    if (v) return v;
  }
  return null;
}

/** First raw text any locator of the field finds. */
export function readRaw(root: Document, adapter: AdapterDefinition, field: DealField): string | null {
  for (const loc of adapter.fields[field] ?? []) {
    const v = readLocator(root, loc);
    if (v) return v;
  }
  return null;
}

export function readSnapshot(root: Document, adapter: AdapterDefinition): DealSnapshot {
  const snap = emptySnapshot();
  snap.dealName = readRaw(root, adapter, 'dealName');
  snap.accountName = readRaw(root, adapter, 'accountName');
  snap.stage = readRaw(root, adapter, 'stage');
  snap.owner = readRaw(root, adapter, 'owner');
  snap.closeDate = parseDate(readRaw(root, adapter, 'closeDate'), adapter.dateOrder);
  const amountText = readRaw(root, adapter, 'amount');
  // A bare "¥" is yuan unless the adapter says otherwise or the page is Japanese.
  const fallbackCurrency = adapter.defaultCurrency ?? (/^ja\b/i.test(root.documentElement?.lang ?? '') ? 'JPY' : undefined);
  const parsed = parseAmount(amountText, fallbackCurrency ? { defaultCurrency: fallbackCurrency } : {});
  snap.amount = parsed.amount;
  const currencyText = readRaw(root, adapter, 'currency');
  snap.currency = (currencyText && parseCurrency(currencyText, bareSymbols(fallbackCurrency))) || (snap.amount !== null ? parsed.currency : null);
  return snap;
}

export function isReady(snap: DealSnapshot, adapter: AdapterDefinition): boolean {
  return adapter.readyWhen.every((f) => snap[f] !== null);
}
