// Keeps the open sidebar from covering the CRM's own controls: the page is
// narrowed by the sidebar's width, and fixed/sticky bars that are anchored to
// the right edge of the viewport (headers, floating save buttons) are moved
// left by the same amount. Original inline styles are restored on release.
const STYLE_ID = 'baton-page-space';
const moved = new Map<HTMLElement, { right: string; maxWidth: string }>();
let reserved = 0;
let observer: MutationObserver | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

function adjustFixed() {
  timer = null;
  if (!reserved) return;
  const limit = window.innerWidth - reserved;
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n as HTMLElement;
    if (el.dataset.baton || moved.has(el)) continue;
    const pos = getComputedStyle(el).position;
    if (pos !== 'fixed' && pos !== 'sticky') continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.right <= limit + 1) continue;
    moved.set(el, { right: el.style.right, maxWidth: el.style.maxWidth });
    if (pos === 'fixed') {
      const right = parseFloat(getComputedStyle(el).right);
      el.style.setProperty('right', `${(Number.isFinite(right) ? right : 0) + reserved}px`, 'important');
    }
    el.style.setProperty('max-width', `${Math.max(0, limit - Math.max(0, rect.left))}px`, 'important');
  }
}

function schedule() {
  if (timer === null) timer = setTimeout(adjustFixed, 250);
}

export function reservePageSpace(width: number): void {
  if (reserved !== width) restoreMoved();
  reserved = width;
  let style = document.getElementById(STYLE_ID);
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    document.documentElement.appendChild(style);
  }
  style.textContent = `html { margin-right: ${width}px !important; width: auto !important; }`;
  adjustFixed();
  if (!observer) {
    observer = new MutationObserver(schedule);
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
  document.getElementById(STYLE_ID)?.remove();
  observer?.disconnect();
  observer = null;
  window.removeEventListener('resize', schedule);
  if (timer !== null) clearTimeout(timer);
  timer = null;
  restoreMoved();
}
