// Which elements were rendered for the record now in the URL? After an SPA
// navigation the previous record's view can stay on screen for a while (the
// new one renders late, field by field), and the two deals may share values
// (same owner, same stage), so comparing values cannot tell them apart. This
// tracks elements instead: at a navigation it notes what is on screen; from
// then on an element may be read only if it was not on screen then, or was
// inserted, or had content added or its text changed, since the navigation —
// or it is a form control whose value changed. Anything else is the previous
// view's, and reads as blank (a wrong value is worse than a blank).
import { allRoots } from './deep-query';
import { flatParent, hidesSubtree, onePass } from './visibility';

export interface RenderTracker {
  /**
   * The record in the URL changed at `at` (performance.now() ms). Elements
   * rendered from `at - graceMs` on count as the new view's: some routers render
   * the new view just before they update the URL.
   */
  navigated(at: number): void;
  /** May a value be read from this element for the current record? */
  isFresh(el: Element): boolean;
  stop(): void;
}

const GRACE_MS = 500;
const CONTROL = 'input, select, textarea';

const controlValue = (el: Element) => {
  const c = el as HTMLInputElement;
  return el.tagName === 'SELECT' ? String((el as HTMLSelectElement).selectedIndex) + c.value : c.value;
};

/** Starts watching `doc` (and its open shadow roots) for renders. */
export function trackRenders(doc: Document, now: () => number = () => performance.now()): RenderTracker {
  const win = doc.defaultView;
  // When a node was inserted / when content inside it last appeared.
  const insertedAt = new WeakMap<Node, number>();
  const changedAt = new WeakMap<Node, number>();
  const observed = new WeakSet<Node>();
  let onScreenThen: WeakSet<Element> | null = null;
  let valuesThen = new WeakMap<Element, string>();
  let since = -Infinity;

  const touchUp = (start: Node | null, t: number) => {
    for (let n: Node | null = start; n; n = n.nodeType === 1 ? flatParent(n as Element) : (n.parentNode ?? (n as ShadowRoot).host ?? null)) {
      if (changedAt.get(n) === t) break; // already marked in this batch
      changedAt.set(n, t);
    }
  };
  const handle = (records: MutationRecord[]) => {
    const t = now();
    for (const r of records) {
      if (r.type === 'characterData') touchUp(r.target.parentNode, t);
      else if (r.addedNodes.length) {
        // Removals alone leave the rest of an old value on screen: not a render.
        r.addedNodes.forEach((n) => insertedAt.set(n, t));
        touchUp(r.target, t);
      }
    }
  };
  const mo = win ? new win.MutationObserver(handle) : null;
  const observeRoots = () => {
    if (!mo) return;
    for (const r of allRoots(doc)) {
      const node = 'documentElement' in r ? r.documentElement : r;
      if (node && !observed.has(node)) {
        observed.add(node);
        mo.observe(node, { childList: true, subtree: true, characterData: true });
      }
    }
  };
  const flush = () => {
    if (mo) handle(mo.takeRecords());
  };
  observeRoots();

  /** Every element on screen now (hidden subtrees pruned), and each control's value. */
  const snapshotScreen = () => {
    const seen = new WeakSet<Element>();
    valuesThen = new WeakMap();
    const visit = (root: Element | ShadowRoot) => {
      for (let c = root.firstElementChild; c; c = c.nextElementSibling) {
        if (hidesSubtree(c)) continue;
        seen.add(c);
        if (c.matches(CONTROL)) valuesThen.set(c, controlValue(c));
        if (c.shadowRoot) visit(c.shadowRoot);
        visit(c);
      }
    };
    if (doc.documentElement) {
      seen.add(doc.documentElement);
      visit(doc.documentElement);
    }
    return seen;
  };

  const renderedSince = (el: Element) => {
    if ((changedAt.get(el) ?? -Infinity) >= since) return true;
    for (let n: Element | null = el; n; n = flatParent(n)) if ((insertedAt.get(n) ?? -Infinity) >= since) return true;
    return false;
  };

  return {
    navigated(at) {
      flush();
      observeRoots();
      since = at - GRACE_MS;
      onScreenThen = onePass(snapshotScreen);
    },
    isFresh(el) {
      if (!onScreenThen) return true; // no navigation in this document yet
      flush();
      if (!onScreenThen.has(el) || renderedSince(el)) return true;
      // A control React or the rep changed: its value property moved without a mutation.
      const then = valuesThen.get(el);
      if (then !== undefined && then !== controlValue(el)) return true;
      for (const c of Array.from(el.querySelectorAll(CONTROL))) {
        const v = valuesThen.get(c);
        if (v !== undefined && v !== controlValue(c)) return true;
      }
      return false;
    },
    stop() {
      mo?.disconnect();
    },
  };
}
