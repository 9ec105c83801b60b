// Does the Baton sidebar cover anything of the CRM page? Runs in the page
// (real Chromium layout): every clickable element of the CRM — a, button,
// input, select, textarea, [role=button], [onclick], [tabindex], in open
// shadow roots too — is scrolled into view and hit-tested at its centre with
// elementFromPoint; it fails when Baton's frame is what lies there, or when its
// centre cannot be brought inside the part of the window the sidebar leaves
// free. Named landmarks (the CRM's top bar, record header, stage path items)
// must be wholly visible once scrolled into view: not under the frame, not
// clipped by their own containers.
import type { Page } from 'playwright-core';

export interface Covered {
  what: string;
  /** the element's centre after scrolling it into view, CSS px */
  x: number;
  y: number;
  why: 'under-sidebar' | 'out-of-reach';
}

export interface CoverageReport {
  sidebar: { left: number; top: number; bottom: number; width: number };
  checked: number;
  covered: Covered[];
  cutOff: { selector: string; what: string; visible: number }[];
}

/** `landmarks`: CSS selectors (searched through open shadow roots) that must be fully visible. */
export async function sidebarCoverage(page: Page, landmarks: string[] = []): Promise<CoverageReport> {
  // Under tsx (scripts), esbuild names the inner functions with a __name helper the page lacks.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate((landmarkSelectors) => {
    const CLICKABLE = 'a[href], button, input:not([type=hidden]), select, textarea, [role=button], [onclick], [tabindex]';
    const frame = document.querySelector('iframe[data-baton="sidebar"]');
    if (!frame) throw new Error('no sidebar frame');
    const fr = frame.getBoundingClientRect();
    const roots: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < roots.length; i++) {
      for (const el of Array.from(roots[i]!.querySelectorAll('*'))) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    const deepAll = (sel: string) => roots.flatMap((r) => Array.from(r.querySelectorAll(sel)));
    const describe = (el: Element) => {
      const text = (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${text ? ` "${text}"` : ''}`;
    };
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return false;
      for (let n: Element | null = el; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) {
        const cs = getComputedStyle(n);
        if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse' || n.getAttribute('aria-hidden') === 'true' || n.hasAttribute('inert')) return false;
        if (cs.clip === 'rect(0px, 0px, 0px, 0px)' || cs.clipPath === 'inset(50%)') return false;
      }
      return true;
    };
    // Deepest element at a point, through open shadow roots.
    const hitAt = (x: number, y: number): Element | null => {
      let hit = document.elementFromPoint(x, y);
      while (hit?.shadowRoot) {
        const inner = hit.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === hit) break;
        hit = inner;
      }
      return hit;
    };
    const onFrame = (x: number, y: number) => x >= fr.left && x < fr.right && y >= fr.top && y < fr.bottom;
    const inWindow = (x: number, y: number) => x >= 0 && x < window.innerWidth && y >= 0 && y < window.innerHeight;
    const covered: { what: string; x: number; y: number; why: 'under-sidebar' | 'out-of-reach' }[] = [];
    const controls = deepAll(CLICKABLE).filter((el) => !el.closest('[data-baton]') && shown(el));
    for (const el of controls) {
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      const x = Math.round(r.left + r.width / 2);
      const y = Math.round(r.top + r.height / 2);
      if (!inWindow(x, y) || onFrame(x, y)) {
        // Scrolled as far as the page allows, its centre is still under Baton's frame (or outside the window).
        covered.push({ what: describe(el), x, y, why: onFrame(x, y) ? 'under-sidebar' : 'out-of-reach' });
        continue;
      }
      const hit = hitAt(x, y);
      if (hit === frame) covered.push({ what: describe(el), x, y, why: 'under-sidebar' });
    }
    window.scrollTo(0, 0);
    for (const r of roots) if ('host' in r) (r.host as HTMLElement).scrollTop = 0;
    const cutOff: { selector: string; what: string; visible: number }[] = [];
    for (const sel of landmarkSelectors) {
      const found = deepAll(sel).filter(shown);
      if (!found.length) cutOff.push({ selector: sel, what: '(not on the page)', visible: 0 });
      for (const el of found) {
        el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const r = el.getBoundingClientRect();
        let left = Math.max(r.left, 0);
        let right = Math.min(r.right, window.innerWidth);
        let top = Math.max(r.top, 0);
        let bottom = Math.min(r.bottom, window.innerHeight);
        // Clipped by a container that hides overflow?
        for (let n = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null); n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) {
          const cs = getComputedStyle(n);
          if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
            const c = n.getBoundingClientRect();
            if (n !== document.documentElement && n !== document.body) {
              left = Math.max(left, c.left);
              right = Math.min(right, c.right);
              top = Math.max(top, c.top);
              bottom = Math.min(bottom, c.bottom);
            }
          }
        }
        const area = Math.max(0, right - left) * Math.max(0, bottom - top);
        // minus the part of that under Baton's frame
        const under = Math.max(0, Math.min(right, fr.right) - Math.max(left, fr.left)) * Math.max(0, Math.min(bottom, fr.bottom) - Math.max(top, fr.top));
        const visible = (area - under) / (r.width * r.height);
        if (visible < 0.99) cutOff.push({ selector: sel, what: describe(el), visible: Math.round(visible * 100) / 100 });
      }
    }
    window.scrollTo(0, 0);
    return { sidebar: { left: fr.left, top: fr.top, bottom: fr.bottom, width: fr.width }, checked: controls.length, covered, cutOff };
  }, landmarks);
}
