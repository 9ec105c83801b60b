// Is an element on screen? CRMs keep earlier record views in the DOM and hide
// them (Salesforce Lightning caches the previous record's view), so a reader
// that ignores hiding reads the wrong deal. Kinds of hiding, in two tiers:
// - markup and style, checked everywhere (jsdom included): the `hidden`
//   attribute, aria-hidden="true", `inert`, display:none, visibility:hidden or
//   collapse, content-visibility:hidden, visually-hidden utility classes;
// - layout, checked only where the browser lays the page out (it has
//   Element.checkVisibility): no box at all (e.g. light DOM that no slot shows),
//   zero size with its overflow clipped, or entirely off-screen above or left
//   of the document, where no scrolling reaches.
// A hidden shadow host hides its whole shadow tree: ancestors are followed in
// the rendered (flat) tree, through slots and shadow hosts.

const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/i;
const VISUALLY_HIDDEN = /\b(slds-assistive-text|sr-only|visually-hidden|assistive-text|screen-reader-only)\b/;

/** The parent in the rendered tree: the slot a node is shown in, or the host of a shadow root's child. */
export function flatParent(el: Element): Element | null {
  const slot = (el as HTMLElement).assignedSlot;
  if (slot) return slot;
  if (el.parentElement) return el.parentElement;
  const p = el.parentNode as (Node & { host?: Element }) | null;
  return p?.host ?? null;
}

/** Hidden by its own attributes or inline style: cheap, no style computation. */
export function hiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.hasAttribute('inert') || el.getAttribute('aria-hidden') === 'true') return true;
  // The attribute text, not el.style: building a style object per element is what a walk of a big page pays for.
  const style = el.getAttribute('style');
  if (style !== null && INLINE_HIDDEN.test(style)) return true;
  const cls = el.getAttribute('class');
  return cls !== null && VISUALLY_HIDDEN.test(cls);
}

const hasLayout = (el: Element) => typeof (el as HTMLElement).checkVisibility === 'function';

/** Hidden by computed style or (in a real browser) by layout; `self` = the element read, not an ancestor. */
function hiddenByStyleOrLayout(el: Element, self: boolean): boolean {
  const win = el.ownerDocument?.defaultView;
  if (!win) return false;
  const cs = win.getComputedStyle(el);
  if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') return true;
  if (cs.getPropertyValue('content-visibility') === 'hidden') return true;
  // display:contents has no box of its own; its children carry the layout.
  if (!hasLayout(el) || cs.display === 'contents') return false;
  if (self && !(el as HTMLElement).checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) return true;
  const r = el.getBoundingClientRect();
  const clipped = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
  if (r.width * r.height <= 1 && clipped) return true;
  // Left of or above the document's origin: scrolling never brings it in.
  if (r.width > 0 && r.height > 0 && (r.right + win.scrollX <= 0 || r.bottom + win.scrollY <= 0)) return true;
  return false;
}

// Style look-ups are the cost of a read (jsdom computes each from scratch), and
// one read asks about the same ancestors many times. Inside onePass the answers
// are kept: a read does not change the page. Outside, nothing is kept.
type Cache = { hides: WeakMap<Element, boolean>; shown: WeakMap<Element, boolean> };
let passCache: Cache | null = null;
const cache = (): Cache => passCache ?? { hides: new WeakMap(), shown: new WeakMap() };

/** Runs a read that does not change the page, remembering visibility answers until it returns. */
export function onePass<T>(read: () => T): T {
  if (passCache) return read();
  passCache = { hides: new WeakMap(), shown: new WeakMap() };
  try {
    return read();
  } finally {
    passCache = null;
  }
}

/** Does this element itself hide what it contains (judged on its own, not its ancestors)? */
export function hidesSubtree(el: Element): boolean {
  const c = cache().hides;
  let v = c.get(el);
  if (v === undefined) c.set(el, (v = hiddenByMarkup(el) || hiddenByStyleOrLayout(el, false)));
  return v;
}

/**
 * True when a person can see the element: neither it nor any ancestor in the
 * rendered tree (through shadow hosts and slots) is hidden by any kind above.
 */
export function isOnScreen(el: Element): boolean {
  const c = cache().shown;
  let v = c.get(el);
  if (v === undefined) c.set(el, (v = !hiddenByMarkup(el) && !hiddenByStyleOrLayout(el, true) && ancestorsShown(el)));
  return v;
}

function ancestorsShown(el: Element): boolean {
  const parent = flatParent(el);
  if (!parent) return true;
  if (hidesSubtree(parent)) return false;
  const c = cache().shown;
  // An ancestor already judged on screen answers for the rest of the chain.
  return c.get(parent) === true || ancestorsShown(parent);
}
