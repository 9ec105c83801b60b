// A list the deal page shows (contact roles, the activity timeline, line items)
// → one raw text per column per row. Same rules as the deal facts: only what
// is on screen (a hidden earlier record view, a collapsed section, rows kept
// behind "View all" are skipped), open shadow roots searched, and a caller may
// refuse elements (`accept`: not rendered since the last navigation).
// The list is found by its section heading in any language, or by CSS; a
// heading whose section holds no rows, or whose nearest rows belong to the
// next section, finds nothing (never another list's rows).
import type { ColumnLocator } from './extras-schema';
import { allRoots, deepQueryAll, valueOf, visibleText } from './deep-query';
import { findByLabel, type AcceptValue } from './find-by-label';
import { flatParent, hiddenByMarkup, isOnScreen } from './visibility';

/** Where one list is and what its rows are. */
export interface ListPlace {
  section?: string[];
  container?: string;
  rows: string;
}

/** At most this many rows are read (the first ones shown). */
export const MAX_ROWS = 100;
/** How far above its heading a section's container may be. */
const MAX_CLIMB = 5;

const norm = (s: string) =>
  (/[^ -~\s]/.test(s) ? s.normalize('NFKC') : s)
    .replace(/[*]/g, '')
    // "Contact Roles (3)", "联系人 (3+)", "Products · 2", a trailing colon
    .replace(/\s*(?:\(\s*\d+\+?\s*\)|·\s*\d+\+?|[:：])\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const HEADING_SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|OPTION|SELECT|TEXTAREA|INPUT)$/;
const CHROME = 'nav, [role=navigation], [role=menubar], [role=menu], [role=tablist]';

/** Elements on screen whose whole visible text is one of the headings. */
function headings(root: Document, texts: string[]): Element[] {
  const want = new Set(texts.map(norm));
  const out: Element[] = [];
  for (const r of allRoots(root)) {
    const start = 'documentElement' in r ? r.documentElement : r;
    if (!start) continue;
    const doc = (start as Element).ownerDocument ?? (r as Document);
    const walker = doc.createTreeWalker(start, 1, { acceptNode: (n) => (hiddenByMarkup(n as Element) ? 2 : 1) });
    for (let n = walker.nextNode() as Element | null; n; n = walker.nextNode() as Element | null) {
      if (HEADING_SKIP.test(n.tagName)) continue;
      const text = n.textContent ?? '';
      if (!text.trim() || text.length > 120) continue;
      // The innermost element with the text: its parent would match too.
      if (Array.from(n.children).some((c) => want.has(norm(visibleText(c))))) continue;
      if (want.has(norm(visibleText(n))) && !n.closest(CHROME) && isOnScreen(n)) out.push(n);
    }
  }
  return out;
}

const HEADING = 'h1, h2, h3, h4, h5, h6, [role=heading]';
const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & 4) /* FOLLOWING */ !== 0;

/** The container of the rows a heading titles: the nearest ancestor holding rows after it, with no peer heading in between. */
function sectionOf(heading: Element, rows: string): Element | null {
  let el: Element | null = heading;
  for (let depth = 0; el && depth <= MAX_CLIMB; depth++, el = flatParent(el)) {
    const found = deepQueryAll(el, rows).filter((r) => r !== heading && !r.contains(heading) && follows(heading, r));
    if (!found.length) continue;
    // Another heading of the same level between this one and the rows opens another section.
    const level = heading.closest(HEADING);
    const peers = level ? Array.from(el.querySelectorAll(level.matches('[role=heading]') ? '[role=heading]' : level.tagName)) : [];
    const between = peers.filter((p) => p !== level && follows(level!, p) && follows(p, found[0]!) && isOnScreen(p));
    return between.length ? null : el;
  }
  return null;
}

/** Rows on screen in the first container that shows some; null when none does. */
export function findRows(root: Document, place: ListPlace, accept?: AcceptValue): Element[] | null {
  const containers = place.section
    ? headings(root, place.section).map((h) => sectionOf(h, place.rows)).filter((c): c is Element => c !== null)
    : deepQueryAll(root, place.container ?? ':not(*)').filter(isOnScreen);
  for (const c of containers) {
    const all = deepQueryAll(c, place.rows);
    // A row inside another row (nested cards) is part of it.
    const rows = all.filter((r) => isOnScreen(r) && (!accept || accept(r)) && !all.some((o) => o !== r && o.contains(r)));
    if (rows.length) return rows.slice(0, MAX_ROWS);
  }
  return null;
}

const CELL = ':scope > td, :scope > th, :scope > [role=cell], :scope > [role=gridcell], :scope > [role=rowheader]';

/** The row's cell under the column headed by one of `texts`, or null. */
function cellUnder(row: Element, texts: string[]): Element | null {
  const table = row.closest('table, [role=table], [role=grid], [role=treegrid]');
  if (!table) return null;
  const want = new Set(texts.map(norm));
  const headerRow =
    table.querySelector('thead tr') ??
    Array.from(table.querySelectorAll('tr')).find((tr) => tr.querySelector(':scope > th') && !tr.querySelector(':scope > td')) ??
    table.querySelector('[role=columnheader]')?.closest('[role=row]');
  if (!headerRow || headerRow === row) return null;
  const heads = Array.from(headerRow.querySelectorAll(':scope > th, :scope > td, :scope > [role=columnheader]'));
  const at = heads.findIndex((h) => want.has(norm(visibleText(h))));
  if (at < 0) return null;
  return row.querySelectorAll(CELL)[at] ?? null;
}

const shows = (v: string | null | undefined): v is string => !!v && !/^[\p{P}\s]*$/u.test(v);

/** The first raw text one of the column locators finds in the row (CSS: the row itself or inside it). */
export function readColumn(row: Element, locators: ColumnLocator[] | undefined, accept?: AcceptValue): string | null {
  for (const loc of locators ?? []) {
    let v: string | null = null;
    if ('css' in loc) {
      // The row itself may carry it (an entry's type as an attribute of the entry).
      const el = [...(row.matches(loc.css) ? [row] : []), ...deepQueryAll(row, loc.css)].find((e) => isOnScreen(e) && (!accept || accept(e)));
      v = el ? valueOf(el, loc.attr) : null;
    } else if ('header' in loc) {
      const cell = cellUnder(row, loc.header);
      v = cell && isOnScreen(cell) && (!accept || accept(cell)) ? valueOf(cell) : null;
    } else v = findByLabel(row, loc.label, accept);
    if (shows(v)) return v;
  }
  return null;
}
