// Keeps the open sidebar from covering the CRM's own controls.
// push: the page is narrowed by the sidebar's width, and fixed/sticky bars
// anchored to the right edge of the window (headers, floating save buttons)
// are moved left / capped by the same amount.
// overlay: the CRM's app shell (its fixed top bar and left menu, which break
// when moved or narrowed) is left as it is; the sidebar starts below the top
// bar (topBarBottom), so the CRM's header is never covered, and only the
// page's own content (the body) gets narrower beside it.
// Both: blocks sized to the window (100vw panels) that run past the free part
// of the window are capped to it, so they reflow beside the sidebar. What still
// cannot shrink (grids with min-content columns) would end under the sidebar
// with no scrollbar to reach it, because it still fits the window: a spacer
// makes the page scrollable sideways by the sidebar's width past it, and
// scroll-padding tells scrollIntoView, focus and find-in-page that the right
// edge is taken. Original inline styles are restored on release.
import type { LayoutMode } from '@/lib/sidebar/layout';

const STYLE_ID = 'baton-page-space';
const SPACER_ID = 'baton-page-spacer';
const moved = new Map<HTMLElement, { right: string; maxWidth: string }>();
let reserved = 0;
let mode: LayoutMode = 'push';
let observer: MutationObserver | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let onChange: (() => void) | null = null;

const ours = (el: Element) => el.id === SPACER_ID || el.id === STYLE_ID || (el as HTMLElement).dataset?.baton !== undefined;

function fixedElements(): { el: HTMLElement; pos: string; rect: DOMRect }[] {
  const out: { el: HTMLElement; pos: string; rect: DOMRect }[] = [];
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n as HTMLElement;
    if (ours(el)) continue;
    const pos = getComputedStyle(el).position;
    if (pos !== 'fixed' && pos !== 'sticky') continue;
    const rect = el.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) out.push({ el, pos, rect });
  }
  return out;
}

function moveFixed() {
  const limit = window.innerWidth - reserved;
  for (const { el, pos, rect } of fixedElements()) {
    if (moved.has(el) || rect.right <= limit + 1) continue;
    moved.set(el, { right: el.style.right, maxWidth: el.style.maxWidth });
    if (pos === 'fixed') {
      const right = parseFloat(getComputedStyle(el).right);
      el.style.setProperty('right', `${(Number.isFinite(right) ? right : 0) + reserved}px`, 'important');
    }
    el.style.setProperty('max-width', `${Math.max(0, limit - Math.max(0, rect.left))}px`, 'important');
  }
}

/** Is this element inside something fixed or sticky (the app shell), which moveFixed handles or overlay leaves alone? */
function inShell(el: Element): boolean {
  for (let n: Element | null = el; n && n !== document.body; n = n.parentElement) {
    const pos = getComputedStyle(n).position;
    if (pos === 'fixed' || pos === 'sticky') return true;
  }
  return false;
}

/**
 * In-flow blocks that run past the free part of the window while their parent
 * ends inside it (a panel sized with 100vw) get max-width up to the free edge.
 * A parent that clips its overflow (a carousel's track) is left alone.
 */
function capOverflow() {
  const limit = window.innerWidth - reserved;
  const body = document.body;
  if (!body) return;
  // Nothing in flow runs past the free edge (the usual case): no walk over the page.
  if (body.getBoundingClientRect().left + body.scrollWidth <= limit + 1) return;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n as HTMLElement;
    if (ours(el) || moved.has(el) || !(el instanceof HTMLElement)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.right <= limit + 1 || rect.left >= limit - 100) continue;
    const parent = el.parentElement;
    if (!parent) continue;
    const pr = parent.getBoundingClientRect();
    if (pr.right > limit + 1 || getComputedStyle(parent).overflowX !== 'visible' || inShell(el)) continue;
    moved.set(el, { right: el.style.right, maxWidth: el.style.maxWidth });
    el.style.setProperty('max-width', `${Math.floor(limit - (rect.left + window.scrollX))}px`, 'important');
  }
}

/**
 * Bottom of the CRM's fixed top bar(s) that reach into the sidebar's column
 * (px from the top of the window), 0 when there is none. Bars taller than a
 * third of the window are app shells, not top bars.
 */
export function topBarBottom(width: number): number {
  let bottom = 0;
  for (const { rect } of fixedElements()) {
    if (rect.top > 2 || rect.bottom <= 0 || rect.height > window.innerHeight / 3) continue;
    if (rect.right < window.innerWidth - width || rect.width < window.innerWidth / 2) continue;
    bottom = Math.max(bottom, rect.bottom);
  }
  return Math.round(bottom);
}

/** Lets the page scroll sideways until its rightmost content clears the sidebar. */
function placeSpacer() {
  const body = document.body;
  let spacer = document.getElementById(SPACER_ID);
  if (!body) return;
  const contentRight = body.getBoundingClientRect().left + window.scrollX + body.scrollWidth;
  const free = window.innerWidth - reserved;
  if (contentRight <= free + 1) {
    spacer?.remove();
    return;
  }
  if (!spacer) {
    spacer = document.createElement('div');
    spacer.id = SPACER_ID;
    spacer.setAttribute('aria-hidden', 'true');
    document.documentElement.appendChild(spacer);
  }
  const s = spacer.style;
  for (const [k, v] of [
    ['position', 'absolute'], ['top', '0'], ['left', '0'], ['height', '1px'], ['margin', '0'], ['padding', '0'],
    ['width', `${Math.ceil(contentRight + reserved)}px`], ['visibility', 'hidden'], ['pointer-events', 'none'],
  ] as const) s.setProperty(k, v, 'important');
}

function adjust() {
  timer = null;
  if (!reserved) return;
  if (mode === 'push') moveFixed();
  capOverflow();
  placeSpacer();
  onChange?.();
}

function schedule() {
  if (timer === null) timer = setTimeout(adjust, 250);
}

/** `changed` runs after each re-measure (the overlay follows the top bar). */
export function reservePageSpace(width: number, layoutMode: LayoutMode, changed?: () => void): void {
  if (reserved !== width || mode !== layoutMode) restoreMoved();
  reserved = width;
  mode = layoutMode;
  onChange = changed ?? null;
  let style = document.getElementById(STYLE_ID);
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    document.documentElement.appendChild(style);
  }
  style.textContent =
    mode === 'push'
      ? `html { margin-right: ${width}px !important; width: auto !important; scroll-padding-right: ${width}px !important; }`
      : `html { scroll-padding-right: ${width}px !important; } body { margin-right: ${width}px !important; }`;
  adjust();
  if (!observer) {
    observer = new MutationObserver((records) => {
      if (records.every((r) => r.target instanceof Element && ours(r.target))) return;
      schedule();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
  }
}

function restoreMoved() {
  for (const [el, orig] of moved) {
    el.style.removeProperty('right');
    el.style.removeProperty('max-width');
    if (orig.right) el.style.right = orig.right;
    if (orig.maxWidth) el.style.maxWidth = orig.maxWidth;
  }
  moved.clear();
}

export function releasePageSpace(): void {
  reserved = 0;
  onChange = null;
  document.getElementById(STYLE_ID)?.remove();
  document.getElementById(SPACER_ID)?.remove();
  observer?.disconnect();
  observer = null;
  window.removeEventListener('resize', schedule);
  if (timer !== null) clearTimeout(timer);
  timer = null;
  restoreMoved();
}
