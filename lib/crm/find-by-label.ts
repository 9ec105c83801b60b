// Finds a value by the label shown next to it ("Amount", "金额", "Betrag"), the
// way a person reads a form. It survives class-name churn, which is the usual
// way CRM overlays break. Labels match exactly (case, spaces, a trailing colon
// and a required-field asterisk ignored), so "Amount" never reads "Budget
// Amount". Only what is on screen counts: labels and values in hidden subtrees
// (a cached earlier record view) are skipped. A label's value is the control or
// text that belongs to THAT label — by for/id, aria-labelledby, a control it
// wraps, or its own field container or table row — never a neighbouring field's.
import { allRoots, shownControl, valueOf, visibleText, VALUE_CONTROL } from './deep-query';
import { hiddenByMarkup, isOnScreen, onePass } from './visibility';

// NFKC only where it can change something (full-width colons and letters): it is
// the dearest step of a walk over every text on a big page.
const norm = (s: string) =>
  (/[^ -~\s]/.test(s) ? s.normalize('NFKC') : s)
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
// Where a field's own container ends: the next sibling of one of these is another field.
const FIELD_BOUNDARY = /^(TR|LI|DL|DD|FIELDSET|FORM|TABLE|TBODY|THEAD|SECTION|ARTICLE)$/;
const DECORATION_TAG = /^(BR|HR|IMG|svg|I|ABBR|SUP|WBR)$/;
/** Required marks, colons, info icons: not a value. */
const DECORATION_TEXT = /^[\p{P}\p{S}\s]*$/u;

/** Accepts or rejects an element a value would be read from (e.g. "rendered after the navigation"). */
export type AcceptValue = (el: Element) => boolean;

function isDecoration(el: Element): boolean {
  if (!isOnScreen(el)) return true;
  if (el.matches(VALUE_CONTROL)) return el.matches('button, [role=button]') ? !valueOf(el) : false;
  if (el.querySelector(VALUE_CONTROL) && shownControl(el)) return false;
  const text = visibleText(el);
  if (text) return DECORATION_TEXT.test(text);
  return DECORATION_TAG.test(el.tagName);
}

/** Pieces a sibling shows: its controls plus elements with own visible text. Two or more = another field. */
function pieces(el: Element): Element[] {
  const out: Element[] = [];
  const visit = (e: Element) => {
    if (!isOnScreen(e)) return;
    if (e.matches(VALUE_CONTROL)) {
      if (valueOf(e) || !e.matches('button, [role=button]')) out.push(e);
      return;
    }
    if (ownText(e).trim() && !DECORATION_TEXT.test(ownText(e))) out.push(e);
    for (const c of Array.from(e.children)) visit(c);
  };
  visit(el);
  return out;
}

/** What a label's value slot shows: its text, else the control in it (even an empty one: the field is blank). */
function slotValue(s: Element): Element | false {
  if (s.matches(VALUE_CONTROL)) return s;
  const text = visibleText(s);
  if (text && !DECORATION_TEXT.test(text)) return s;
  return shownControl(s) ?? s.querySelector(VALUE_CONTROL) ?? (text ? s : false);
}

function byReference(label: Element): Element | null {
  const rootNode = label.getRootNode() as Document | ShadowRoot;
  const forId = label.getAttribute('for');
  if (forId) return rootNode.getElementById?.(forId) ?? null;
  // <label>Stage <select>…</select></label>
  if (label.tagName === 'LABEL') {
    const wrapped = label.querySelector(VALUE_CONTROL);
    if (wrapped) return wrapped;
  }
  if (label.id) {
    const id = label.id.replace(/["\\]/g, '\\$&');
    const byAria = (rootNode as ParentNode).querySelector?.(`[aria-labelledby~="${id}"]`);
    if (byAria) return byAria;
  }
  return null;
}

/**
 * The element holding the value that belongs to a label element; `false` when
 * the label's own slot is there but empty (the field is blank: never look further).
 */
function valueBeside(label: Element, root: Document | ShadowRoot | Element): Element | null | false {
  const ref = byReference(label);
  if (ref) return ref;
  // dt → dd, th → td
  if (label.tagName === 'DT' || label.tagName === 'TH') {
    for (let s = label.nextElementSibling; s; s = s.nextElementSibling) {
      if (s.tagName === 'DD' || s.tagName === 'TD') return s;
      if (s.tagName === label.tagName) break;
    }
    return false;
  }
  // The label's own siblings: the first that is not decoration is its value slot.
  for (let s = label.nextElementSibling; s; s = s.nextElementSibling) {
    if (isDecoration(s)) continue;
    return slotValue(s);
  }
  // Label wrapped alone (a span in a cell): climb within the field's container.
  // A sibling showing one piece is the value; two or more are another field.
  let cur: Element | null = label.parentElement;
  for (let depth = 1; cur && depth < 4 && cur !== root && !FIELD_BOUNDARY.test(cur.tagName); depth++) {
    for (let s = cur.nextElementSibling; s; s = s.nextElementSibling) {
      if (isDecoration(s)) continue;
      const found = pieces(s);
      if (found.length !== 1) return false;
      return found[0]!.matches(VALUE_CONTROL) ? found[0]! : s;
    }
    cur = cur.parentElement;
  }
  return null;
}

const MATCH_SKIP = /^(SCRIPT|STYLE|BUTTON|OPTION|SELECT|TEXTAREA|TEMPLATE|NOSCRIPT)$/;

/** A control named by its own aria-label ("Deal stage" on a <select>). */
function isNamedControl(n: Element, isLabel: (text: string) => boolean): boolean {
  const name = n.getAttribute('aria-label');
  return name !== null && isLabel(name) && n.matches('select, textarea, input, [role=combobox]');
}

/** Which label texts count: whole texts, prefixes, or a pattern; and whether the label itself is what is read. */
export interface LabelQuery {
  exact?: string[];
  prefix?: string[];
  /** regular expression, case-insensitive, tried on the label's visible text */
  pattern?: string;
  /** "label": return the label's own text (a currency shown in it, "Amount (EUR €)") */
  read?: 'value' | 'label';
}

function labelTest(q: LabelQuery): (text: string) => boolean {
  const exact = new Set((q.exact ?? []).map(norm));
  const prefixes = (q.prefix ?? []).map(norm);
  const re = q.pattern ? new RegExp(q.pattern, 'i') : null;
  return (text) => {
    const n = norm(text);
    if (!n) return false;
    return exact.has(n) || prefixes.some((p) => n.startsWith(p)) || (re !== null && re.test(text.trim()));
  };
}

/**
 * The value shown beside one of `labels`, or null. Hidden labels and values
 * are skipped; `accept` may refuse the element a value is read from.
 */
export function findByLabel(root: Document | ShadowRoot | Element, labels: string[] | LabelQuery, accept?: AcceptValue): string | null {
  return onePass(() => search(root, Array.isArray(labels) ? { exact: labels } : labels, accept));
}

function search(root: Document | ShadowRoot | Element, q: LabelQuery, accept?: AcceptValue): string | null {
  const isLabel = labelTest(q);
  for (const r of allRoots(root)) {
    const start = 'documentElement' in r ? r.documentElement : r;
    if (!start) continue;
    const doc = (start as Element).ownerDocument ?? (r as Document);
    // Prune subtrees hidden by markup at once; style and layout are checked per match.
    const walker = doc.createTreeWalker(start, 1, {
      acceptNode: (n) => (hiddenByMarkup(n as Element) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
    });
    for (let n = walker.nextNode() as Element | null; n; n = walker.nextNode() as Element | null) {
      let host: Element | null | false;
      if (isNamedControl(n, isLabel)) host = n;
      else {
        if (MATCH_SKIP.test(n.tagName)) continue;
        const own = ownText(n);
        if (!own.trim() || own.length > 200) continue;
        // An element whose own text is the label, or a <label>/<dt> whose whole text is.
        let labelText: string | null = isLabel(own) ? own : null;
        if (labelText === null) {
          // Without child elements the whole text is the own text, already tried.
          if (!n.firstElementChild) continue;
          const whole = visibleText(n, hiddenByMarkup);
          if (!isLabel(whole)) continue;
          labelText = whole;
        }
        // Menus and tabs list words like "Deals" or "商机" next to each other;
        // a value is never read from them.
        if (n.closest(CHROME) || !isOnScreen(n)) continue;
        if (q.read === 'label') return labelText.replace(/\s+/g, ' ').trim();
        host = valueBeside(n, r);
      }
      if (!host || !isOnScreen(host) || (accept && !accept(host))) continue;
      const v = valueOf(host);
      if (v && !isLabel(v)) return v;
    }
  }
  return null;
}
