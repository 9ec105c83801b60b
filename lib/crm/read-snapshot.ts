// Page → deal snapshot with an adapter's locators. Pure: reads the DOM, changes
// nothing. A field none of the locators finds is null — never a guess. Only
// elements on screen are read (hidden cached views are skipped), and a caller
// may refuse elements (`accept`: e.g. not rendered since the last navigation).
import type { AdapterDefinition, Locator } from './adapter-schema';
import { deepQueryAll, valueOf } from './deep-query';
import { findByLabel, type AcceptValue } from './find-by-label';
import { parseAmount } from './parse-amount';
import { bareSymbols, parseCurrency } from './parse-currency';
import { parseDate } from './parse-date';
import { emptySnapshot, type DealField, type DealSnapshot } from './types';
import { isOnScreen } from './visibility';

export interface ReadOptions {
  /** refuse an element a value would be read from (the next candidate is tried) */
  accept?: AcceptValue;
}

function readLocator(root: Document, loc: Locator, opts: ReadOptions): string | null {
  if ('css' in loc) {
    for (const el of deepQueryAll(root, loc.css)) {
      if (!isOnScreen(el) || (opts.accept && !opts.accept(el))) continue;
      const v = valueOf(el, loc.attr);
      if (v) return v;
    }
    return null;
  }
  const scopes = loc.scope ? deepQueryAll(root, loc.scope).filter(isOnScreen) : [root];
  for (const s of scopes) {
    const v = findByLabel(s, loc.label, opts.accept);
    if (v) return v;
  }
  return null;
}

/** First raw text any locator of the field finds on screen. */
export function readRaw(root: Document, adapter: AdapterDefinition, field: DealField, opts: ReadOptions = {}): string | null {
  for (const loc of adapter.fields[field] ?? []) {
    const v = readLocator(root, loc, opts);
    if (v) return v;
  }
  return null;
}

export function readSnapshot(root: Document, adapter: AdapterDefinition, opts: ReadOptions = {}): DealSnapshot {
  const snap = emptySnapshot();
  snap.dealName = readRaw(root, adapter, 'dealName', opts);
  snap.accountName = readRaw(root, adapter, 'accountName', opts);
  snap.stage = readRaw(root, adapter, 'stage', opts);
  snap.owner = readRaw(root, adapter, 'owner', opts);
  snap.closeDate = parseDate(readRaw(root, adapter, 'closeDate', opts), adapter.dateOrder);
  const amountText = readRaw(root, adapter, 'amount', opts);
  // A bare "¥" is yuan unless the adapter says otherwise or the page is Japanese.
  const fallbackCurrency = adapter.defaultCurrency ?? (/^ja\b/i.test(root.documentElement?.lang ?? '') ? 'JPY' : undefined);
  const parsed = parseAmount(amountText, fallbackCurrency ? { defaultCurrency: fallbackCurrency } : {});
  snap.amount = parsed.amount;
  const currencyText = readRaw(root, adapter, 'currency', opts);
  snap.currency = (currencyText && parseCurrency(currencyText, bareSymbols(fallbackCurrency))) || (snap.amount !== null ? parsed.currency : null);
  return snap;
}

export function isReady(snap: DealSnapshot, adapter: AdapterDefinition): boolean {
  return adapter.readyWhen.every((f) => snap[f] !== null);
}
