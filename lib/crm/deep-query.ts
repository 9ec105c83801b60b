// CRMs built with web components (Salesforce LWC) put the record inside open
// shadow roots, where document.querySelector does not reach. These helpers
// search the document and every open shadow root inside it.
import { hidesSubtree, isOnScreen } from './visibility';

/** Every root to search: the document and each open shadow root, depth first. */
export function allRoots(root: Document | ShadowRoot | Element): (Document | ShadowRoot | Element)[] {
  const out: (Document | ShadowRoot | Element)[] = [root];
  const start = 'documentElement' in root ? root.documentElement : root;
  if (!start) return out;
  const visit = (node: Element | ShadowRoot) => {
    const walker = (node.ownerDocument ?? (node as unknown as Document)).createTreeWalker(node, 1 /* SHOW_ELEMENT */);
    for (let n = walker.currentNode as Element | null; n; n = walker.nextNode() as Element | null) {
      const sr = (n as Element).shadowRoot;
      if (sr) {
        out.push(sr);
        visit(sr);
      }
    }
  };
  visit(start as Element);
  return out;
}

export function deepQueryAll(root: Document | ShadowRoot | Element, selector: string): Element[] {
  const out: Element[] = [];
  for (const r of allRoots(root)) {
    try {
      out.push(...Array.from(r.querySelectorAll(selector)));
    } catch {
      return out; // invalid selector in a custom adapter: nothing found
    }
  }
  return out;
}

// Never text a person reads as a value: code, templates, icons; and controls,
// whose value is read through valueOf (a <select>'s text would be every option).
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'BUTTON', 'NOSCRIPT', 'svg', 'SELECT', 'TEXTAREA', 'OPTION', 'DATALIST']);
// Pop-ups inside a value (an open picker's option list) are not the value.
const POPUP = /^(listbox|menu|tooltip|dialog)$/;

/**
 * The text a person sees in an element (hidden parts, buttons, controls and
 * scripts left out), whitespace collapsed. `hides` judges each descendant; the
 * label search passes the cheap markup-only test and checks style afterwards.
 */
export function visibleText(el: Element, hides: (el: Element) => boolean = hidesSubtree): string {
  let s = '';
  const skipped = (e: Element) => SKIP.has(e.tagName) || POPUP.test(e.getAttribute('role') ?? '') || hides(e);
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) s += c.nodeValue ?? '';
      else if (c.nodeType === 1 && !skipped(c as Element)) {
        const e = c as Element;
        if (e.shadowRoot && !e.textContent?.trim()) walk(e.shadowRoot);
        else walk(e);
        if (/^(DIV|P|LI|BR|TR|DD|DT)$/.test(e.tagName)) s += ' ';
      }
    }
  };
  if (el.shadowRoot && !el.textContent?.trim()) walk(el.shadowRoot);
  else walk(el);
  return s.replace(/\s+/g, ' ').trim();
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Form controls and widgets that show a value: the value is what they display, not their markup. */
export const VALUE_CONTROL = [
  'select',
  'textarea',
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]):not([type=file])',
  '[role=combobox]',
  '[contenteditable=""]',
  '[contenteditable=true]',
  '[contenteditable=plaintext-only]',
  'button',
  '[role=button]',
].join(', ');

function selectText(sel: HTMLSelectElement): string {
  const opts = Array.from(sel.selectedOptions ?? []);
  // A placeholder ("-- None --", "Select…") carries an empty value: nothing is chosen.
  const chosen = opts.filter((o) => !(o.hasAttribute('value') && o.getAttribute('value') === ''));
  return chosen.map((o) => squash(o.label || o.textContent || '')).filter(Boolean).join(', ');
}

function comboboxText(el: Element): string {
  const input = el.querySelector('input:not([type=hidden])') as HTMLInputElement | null;
  if (input && squash(input.value)) return squash(input.value);
  const shown = visibleText(el);
  if (shown) return shown;
  const active = el.getAttribute('aria-activedescendant');
  const option = active ? (el.getRootNode() as Document | ShadowRoot).getElementById?.(active) : null;
  return option ? squash(option.textContent ?? '') : '';
}

/** The value a control shows (property, not attribute), or null when `el` is not a control. */
function controlValue(el: Element): string | null {
  const tag = el.tagName;
  if (tag === 'INPUT') return el.matches(VALUE_CONTROL) ? squash((el as HTMLInputElement).value ?? '') : '';
  if (tag === 'TEXTAREA') return squash((el as HTMLTextAreaElement).value ?? '');
  if (tag === 'SELECT') return selectText(el as HTMLSelectElement);
  if (el.getAttribute('role') === 'combobox') return comboboxText(el);
  // A picker button (owner, stage) shows its value as its text.
  if (tag === 'BUTTON' || el.getAttribute('role') === 'button') return visibleText(el);
  if ((el as HTMLElement).isContentEditable || el.matches('[contenteditable=""], [contenteditable=true], [contenteditable=plaintext-only]')) return visibleText(el);
  return null;
}

/** The first control inside `el` a person sees that shows a value. */
export function shownControl(el: Element): Element | null {
  for (const c of Array.from(el.querySelectorAll(VALUE_CONTROL))) {
    if (!isOnScreen(c)) continue;
    if (controlValue(c)) return c;
  }
  return null;
}

/**
 * The value shown by an element: an attribute when asked; a control's current
 * value (selected option's text, `.value` of inputs, a combobox's or a picker
 * button's shown text, contenteditable text); otherwise its visible text, or,
 * when it shows no text of its own, the one control inside it.
 */
export function valueOf(el: Element, attr?: string): string {
  if (attr) return squash(el.getAttribute(attr) ?? '');
  const control = controlValue(el);
  if (control !== null) return control;
  const text = visibleText(el);
  if (text) return text;
  const inner = shownControl(el);
  return inner ? (controlValue(inner) ?? '') : '';
}
