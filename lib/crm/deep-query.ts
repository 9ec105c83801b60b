// CRMs built with web components (Salesforce LWC) put the record inside open
// shadow roots, where document.querySelector does not reach. These helpers
// search the document and every open shadow root inside it.

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

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'BUTTON', 'NOSCRIPT', 'svg']);

function isHidden(el: Element): boolean {
  if (SKIP.has(el.tagName)) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  const cls = el.getAttribute('class') ?? '';
  return /\b(slds-assistive-text|sr-only|visually-hidden|assistive-text)\b/.test(cls);
}

/** The text a person sees in an element (assistive text, buttons and scripts left out), whitespace collapsed. */
export function visibleText(el: Element): string {
  let s = '';
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) s += c.nodeValue ?? '';
      else if (c.nodeType === 1 && !isHidden(c as Element)) {
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

/** The value of a form control, or the visible text of anything else. */
export function valueOf(el: Element, attr?: string): string {
  if (attr) return (el.getAttribute(attr) ?? '').replace(/\s+/g, ' ').trim();
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA') return ((el as HTMLInputElement).value ?? '').replace(/\s+/g, ' ').trim();
  if (tag === 'SELECT') {
    const sel = el as HTMLSelectElement;
    const opt = sel.selectedOptions?.[0] ?? sel.options?.[sel.selectedIndex];
    return opt ? visibleText(opt) : '';
  }
  return visibleText(el);
}
