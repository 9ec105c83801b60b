// Page → DealExtras with an adapter's extras locators (extras-schema.ts). Pure:
// reads the DOM, changes nothing. The deal facts' rules hold: only the record
// on screen, `accept` may refuse elements (the previous record's view after a
// navigation), and what cannot be read for sure is null — a row without a
// name or product is dropped, a date that could be two days is null, an
// email that is not one is null. Lists: the first locator whose list is on
// screen gives it, at most 100 rows; null when no list is shown.
import type { AdapterDefinition, Locator } from './adapter-schema';
import { activityType } from './activity-type';
import { emptyExtras, type CrmActivity, type CrmContact, type CrmLineItem, type DealExtras } from './deal-extras';
import type { ActivityList, ContactList, ExtrasLocators, LineItemList } from './extras-schema';
import { foldNumberText } from './fold-number-text';
import { decimalMark, type ReadContext } from './locale-facts';
import { parseAmount } from './parse-amount';
import { parseDate } from './parse-date';
import { findRows, readColumn } from './read-list';
import { readNumber } from './read-number';
import { readContext, readLocators, type ReadOptions } from './read-snapshot';
import { onePass } from './visibility';

export interface ExtrasReadOptions extends ReadOptions {
  /** the deal's currency (ISO 4217) as read with the deal facts: a line amount with no sign of its own is in it */
  dealCurrency?: string | null;
}

const cut = (v: string | null, max: number) => (v ? v.slice(0, max) : null);
const EMAIL = /^[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}$/i;

function email(raw: string | null): string | null {
  const v = raw?.replace(/^mailto:/i, '').split('?')[0]?.trim();
  return v && EMAIL.test(v) ? v.slice(0, 320) : null;
}

function phone(raw: string | null): string | null {
  const v = raw?.replace(/^tel:/i, '').trim();
  const digits = v?.replace(/\D/g, '').length ?? 0;
  return v && digits >= 6 && digits <= 22 && /^[+\d\s()./\-–#x]+(?:\s*(?:ext\.?|转|轉|分机|分機|內線|内线)\s*\d{1,6})?$/i.test(v) ? v.slice(0, 100) : null;
}

// "Nov 19, 2026 at 3:04 PM", "19.11.2026 um 15:04", "2026/11/19 15:04", "Logged call · Nov 19, 2026"
const TIME_TAIL = /[\s,]*(?:at|um|à|a las|às|alle|om|於|于)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|午前|午後|上午|下午)?.*$/i;

/** The calendar day a timeline text shows (a time after it ignored), or null. */
export function dayOf(raw: string | null, ctx: ReadContext): string | null {
  if (!raw) return null;
  const parts = [raw, ...raw.split(/\s[·|•–—]\s/)];
  for (const p of parts) {
    const d = parseDate(p.trim(), ctx) ?? parseDate(p.replace(TIME_TAIL, '').trim(), ctx);
    if (d) return d;
  }
  return null;
}

/** A quantity as shown ("10", "2.5", "1,000 pcs", "× 3", "10 个"): one non-negative number, or null. */
export function quantityOf(raw: string | null, ctx: ReadContext): number | null {
  if (!raw) return null;
  const numbers = foldNumberText(raw).match(/\d+(?:[ .,']\d+)*/g) ?? [];
  if (numbers.length !== 1 || /-\s*\d/.test(foldNumberText(raw))) return null;
  const plain = readNumber(numbers[0]!, { decimal: decimalMark(ctx.locale) });
  return plain === null ? null : Number(plain);
}

function contactRow(row: Element, l: ContactList, o: ExtrasReadOptions): CrmContact | null {
  const name = readColumn(row, l.name, o.accept);
  if (!name) return null;
  return {
    name: name.slice(0, 500),
    title: cut(readColumn(row, l.title, o.accept), 500),
    role: cut(readColumn(row, l.role, o.accept), 200),
    phone: phone(readColumn(row, l.phone, o.accept)),
    email: email(readColumn(row, l.email, o.accept)),
  };
}

function activityRow(row: Element, l: ActivityList, ctx: ReadContext, o: ExtrasReadOptions): CrmActivity | null {
  const date = dayOf(readColumn(row, l.date, o.accept), ctx);
  const subject = cut(readColumn(row, l.subject, o.accept), 4000);
  if (!date && !subject) return null;
  return { type: activityType(readColumn(row, l.type, o.accept)), date, who: cut(readColumn(row, l.who, o.accept), 500), subject };
}

function lineItemRow(row: Element, l: LineItemList, ctx: ReadContext, o: ExtrasReadOptions): CrmLineItem | null {
  const product = readColumn(row, l.product, o.accept);
  if (!product) return null;
  const money = parseAmount(readColumn(row, l.amount, o.accept), { ...ctx, currency: o.dealCurrency ?? null });
  const amount = money.amount !== null && money.amount >= 0 ? money.amount : null;
  return {
    product: product.slice(0, 500),
    quantity: quantityOf(readColumn(row, l.quantity, o.accept), ctx),
    amount,
    currency: amount === null ? null : (money.currency ?? o.dealCurrency ?? null),
  };
}

/** The first list on screen that gives at least one row, read row by row; null when none does. */
function firstList<L extends { section?: string[]; container?: string; rows: string }, T>(root: Document, lists: L[] | undefined, o: ExtrasReadOptions, row: (el: Element, l: L) => T | null): T[] | null {
  for (const l of lists ?? []) {
    const rows = findRows(root, l, o.accept);
    const items = (rows ?? []).map((r) => row(r, l)).filter((x): x is T => x !== null);
    if (items.length) return items;
  }
  return null;
}

const text = (root: Document, locs: Locator[] | undefined, max: number, o: ExtrasReadOptions) => cut(locs ? readLocators(root, locs, o) : null, max);

/** Everything the locators find on screen; a kind without locators, or not shown, is null. */
export function readExtras(root: Document, adapter: AdapterDefinition, locators: ExtrasLocators, o: ExtrasReadOptions = {}): DealExtras {
  return onePass(() => {
    const ctx = readContext(root, adapter);
    const x = emptyExtras();
    x.contacts = firstList(root, locators.contacts, o, (r, l) => contactRow(r, l, o));
    x.activities = firstList(root, locators.activities, o, (r, l) => activityRow(r, l, ctx, o));
    x.lineItems = firstList(root, locators.lineItems, o, (r, l) => lineItemRow(r, l, ctx, o));
    x.description = text(root, locators.description, 10_000, o);
    x.nextStep = text(root, locators.nextStep, 2000, o);
    x.competitor = text(root, locators.competitor, 500, o);
    x.winReason = text(root, locators.winReason, 2000, o);
    x.industry = text(root, locators.industry, 200, o);
    x.companySize = text(root, locators.companySize, 100, o);
    return x;
  });
}
