// Page → deal snapshot with an adapter's locators. Pure: reads the DOM, changes
// nothing. A field none of the locators finds is null — never a guess. Only
// elements on screen are read (hidden cached views are skipped), and a caller
// may refuse elements (`accept`: e.g. not rendered since the last navigation).
import type { AdapterDefinition, Locator } from './adapter-schema';
import { deepQueryAll, valueOf } from './deep-query';
import { findByLabel, type AcceptValue } from './find-by-label';
import type { ReadContext } from './locale-facts';
import { parseAmount } from './parse-amount';
import { parseCurrency } from './parse-currency';
import { parseDate } from './parse-date';
import { parseProbability } from './parse-probability';
import { emptySnapshot, type DealField, type DealSnapshot } from './types';
import { isOnScreen, onePass } from './visibility';

export interface ReadOptions {
  /** refuse an element a value would be read from (the next candidate is tried) */
  accept?: AcceptValue;
}

/** "--", "—", "…": how CRMs show an empty property (or one still loading); not a value. */
const shows = (v: string | null): v is string => !!v && !/^[\p{P}\s]*$/u.test(v);

function readLocator(root: Document, loc: Locator, opts: ReadOptions): string | null {
  if (loc.css !== undefined) {
    for (const el of deepQueryAll(root, loc.css)) {
      if (!isOnScreen(el) || (opts.accept && !opts.accept(el))) continue;
      const v = valueOf(el, loc.attr);
      if (shows(v)) return v;
    }
    return null;
  }
  const scopes = loc.scope ? deepQueryAll(root, loc.scope).filter(isOnScreen) : [root];
  const query = { exact: loc.label, prefix: loc.labelPrefix, pattern: loc.labelPattern, read: loc.read };
  for (const s of scopes) {
    const v = findByLabel(s, query, opts.accept);
    if (shows(v)) return v;
  }
  return null;
}

/** First raw text any of the locators finds on screen. */
export function readLocators(root: Document, locators: Locator[], opts: ReadOptions = {}): string | null {
  for (const loc of locators) {
    const v = readLocator(root, loc, opts);
    if (v) return v;
  }
  return null;
}

/** First raw text any locator of the field finds on screen. */
export function readRaw(root: Document, adapter: AdapterDefinition, field: DealField, opts: ReadOptions = {}): string | null {
  return readLocators(root, adapter.fields[field] ?? [], opts);
}

/**
 * What the page says about how to read its numbers, money and dates: the
 * user's locale where the adapter knows where the page shows it, else
 * `<html lang>`; the adapter's (for a custom adapter, the team's) currency
 * and date order.
 */
export function readContext(root: Document, adapter: AdapterDefinition): ReadContext {
  let locale: string | null = null;
  for (const loc of adapter.locale ?? []) locale ??= readLocator(root, loc, {});
  return { locale: locale ?? root.documentElement?.lang ?? null, defaultCurrency: adapter.defaultCurrency ?? null, dateOrder: adapter.dateOrder ?? null };
}

/** Amount and currency: a currency field beside the amount wins over the sign in the amount text. */
function readMoney(root: Document, adapter: AdapterDefinition, ctx: ReadContext, opts: ReadOptions): Pick<DealSnapshot, 'amount' | 'currency'> {
  const fieldCurrency = parseCurrency(readRaw(root, adapter, 'currency', opts), ctx);
  const parsed = parseAmount(readRaw(root, adapter, 'amount', opts), { ...ctx, currency: fieldCurrency });
  return { amount: parsed.amount, currency: fieldCurrency ?? (parsed.amount !== null ? parsed.currency : null) };
}

export function readSnapshot(root: Document, adapter: AdapterDefinition, opts: ReadOptions = {}): DealSnapshot {
  return onePass(() => readFields(root, adapter, opts));
}

function readFields(root: Document, adapter: AdapterDefinition, opts: ReadOptions): DealSnapshot {
  const ctx = readContext(root, adapter);
  const snap = emptySnapshot();
  snap.dealName = readRaw(root, adapter, 'dealName', opts);
  snap.accountName = readRaw(root, adapter, 'accountName', opts);
  snap.stage = readRaw(root, adapter, 'stage', opts);
  snap.owner = readRaw(root, adapter, 'owner', opts);
  snap.probability = parseProbability(readRaw(root, adapter, 'probability', opts));
  snap.closeDate = parseDate(readRaw(root, adapter, 'closeDate', opts), ctx);
  Object.assign(snap, readMoney(root, adapter, ctx, opts));
  return snap;
}

export function isReady(snap: DealSnapshot, adapter: AdapterDefinition): boolean {
  return adapter.readyWhen.every((f) => snap[f] !== null);
}
