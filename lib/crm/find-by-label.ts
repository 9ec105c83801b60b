// Finds a value by the label shown next to it ("Amount", "金额", "金額"), the way
// a person reads a form. It survives class-name churn, which is the usual way
// CRM overlays break. Labels match exactly (case, spaces, a trailing colon and
// a required-field asterisk ignored), so "Amount" never reads "Budget Amount".
import { allRoots, valueOf, visibleText } from './deep-query';

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[*＊]/g, '')
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Text of the element's own text nodes (not its children's). */
function ownText(el: Element): string {
  let s = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) s += c.nodeValue ?? '';
  return s;
}

const CHROME = 'nav, [role=navigation], [role=menubar], [role=menu], [role=tablist], [role=tab], [role=banner], header[role]';

const CONTROL = 'input:not([type=hidden]), select, textarea';

function nonEmpty(el: Element | null | undefined): Element | null {
  if (!el) return null;
  return valueOf(el) ? el : null;
}

/** The element holding the value that belongs to a label element. */
function valueBeside(label: Element, root: Document | ShadowRoot | Element): Element | null {
  const rootNode = label.getRootNode() as Document | ShadowRoot;
  const forId = label.getAttribute('for');
  if (forId) {
    const c = rootNode.getElementById?.(forId) ?? null;
    if (c) return c;
  }
  if (label.id) {
    const byAria = (rootNode as ParentNode).querySelector?.(`[aria-labelledby~="${label.id.replace(/["\\]/g, "\\$&")}"]`);
    if (byAria) return byAria;
  }
  // dt → dd, th → td
  if (label.tagName === 'DT' || label.tagName === 'TH') {
    for (let s = label.nextElementSibling; s; s = s.nextElementSibling) {
      if (s.tagName === 'DD' || s.tagName === 'TD') return s;
      if (s.tagName === label.tagName) break;
    }
  }
  // The nearest following sibling with content, climbing a few levels
  // (label wrapped in a span inside a cell, value in the next cell).
  let cur: Element | null = label;
  for (let depth = 0; cur && depth < 4 && cur !== root; depth++) {
    for (let s = cur.nextElementSibling; s; s = s.nextElementSibling) {
      const control = s.matches(CONTROL) ? s : s.querySelector(CONTROL);
      if (control && valueOf(control)) return control;
      const v = nonEmpty(s);
      if (v) return v;
    }
    cur = cur.parentElement;
  }
  return null;
}

export function findByLabel(root: Document | ShadowRoot | Element, labels: string[]): string | null {
  const wanted = new Set(labels.map(norm));
  for (const r of allRoots(root)) {
    const start = 'documentElement' in r ? r.documentElement : r;
    if (!start) continue;
    const doc = (start as Element).ownerDocument ?? (r as Document);
    const walker = doc.createTreeWalker(start, 1);
    for (let n = walker.nextNode() as Element | null; n; n = walker.nextNode() as Element | null) {
      if (/^(SCRIPT|STYLE|BUTTON|OPTION)$/.test(n.tagName)) continue;
      // Menus and tabs list words like "Deals" or "商机" next to each other;
      // a value is never read from them.
      if (n.closest(CHROME)) continue;
      const own = ownText(n);
      if (!own.trim() || own.length > 200) continue;
      // An element whose own text is the label, or a <label>/<dt> whose whole text is.
      if (!wanted.has(norm(own)) && !wanted.has(norm(visibleText(n)))) continue;
      const host = valueBeside(n, r);
      if (!host) continue;
      const v = valueOf(host);
      if (v && !wanted.has(norm(v))) return v;
    }
  }
  return null;
}
