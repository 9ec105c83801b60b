// Mounts the sidebar as an extension-page iframe (docs/architecture.md, test contract:
// iframe[data-baton="sidebar"] whose src is sidebar.html) and sizes it from the
// stored layout: a column on the right when open (push: beside the narrowed
// page; overlay: over the page, below the CRM's top bar), a slim tab when
// collapsed. Alt+Shift+B in the page collapses or opens it.
// Each time the frame loads, the content script gets a one-time nonce from the
// background and posts it to that frame's window only (frame-gate): the page
// can read the iframe's src, never the nonce.
import { browser } from 'wxt/browser';
import { onBuiltInCrmHost, SIDEBAR_PAGES } from '@/lib/sidebar/frame-access';
import { sendFromContent } from '@/extension/messaging/send-message';
import { readStored, watchStored, writeStored } from '@/extension/messaging/storage';
import { SIDEBAR_LAYOUT } from '@/extension/messaging/storage-keys';
import { FRAME_NONCE_MESSAGE, type FrameNonceMessage } from '@/extension/messaging/content-messages';
import {
  COLLAPSED_HEIGHT,
  COLLAPSED_WIDTH,
  isToggleKey,
  modeFor,
  parseLayout,
  type LayoutMode,
  type SidebarLayout,
} from '@/lib/sidebar/layout';
import { benchFrameUrl } from './frame-page';
import { releasePageSpace, reservePageSpace, topBarBottom } from './page-space';

export interface MountedSidebar {
  /** Shows a frame mounted hidden (and gives it the test contract's data-baton); nothing when shown already. */
  show(): void;
  unmount(): void;
}

/** Out of sight and out of the page's way: the frame loads and starts, the page keeps its width. */
function applyHidden(iframe: HTMLIFrameElement) {
  iframe.style.setProperty('display', 'none', 'important');
}

function applyLayout(iframe: HTMLIFrameElement, layout: SidebarLayout, mode: LayoutMode) {
  const s = iframe.style;
  s.setProperty('position', 'fixed', 'important');
  s.setProperty('right', '0', 'important');
  s.setProperty('z-index', '2147483646', 'important');
  s.setProperty('border', '0', 'important');
  s.setProperty('margin', '0', 'important');
  s.setProperty('padding', '0', 'important');
  s.setProperty('background', 'transparent', 'important');
  s.setProperty('color-scheme', 'normal', 'important');
  s.setProperty('display', 'block', 'important');
  iframe.dataset.layout = layout.collapsed ? 'collapsed' : mode;
  if (layout.collapsed) {
    // A slim tab at the right edge, vertically centred: small enough to leave
    // the CRM's own buttons (usually in the header or at the bottom) uncovered.
    s.setProperty('top', `calc(50% - ${COLLAPSED_HEIGHT / 2}px)`, 'important');
    s.setProperty('width', `${COLLAPSED_WIDTH}px`, 'important');
    s.setProperty('height', `${COLLAPSED_HEIGHT}px`, 'important');
    s.setProperty('bottom', 'auto', 'important');
    s.setProperty('box-shadow', 'none', 'important');
    releasePageSpace();
    return;
  }
  s.setProperty('width', `${layout.width}px`, 'important');
  s.setProperty('box-shadow', '-1px 0 0 #c9ccd1', 'important');
  const place = () => {
    // Overlay: below the CRM's own top bar, so its header stays whole.
    const top = mode === 'overlay' ? topBarBottom(layout.width) : 0;
    s.setProperty('top', `${top}px`, 'important');
    // 100% of a fixed box is the viewport without its scrollbars (100vh is
    // with them: a page's horizontal scrollbar hid the sidebar's last row).
    // Not bottom: 0 with height auto — an iframe is a replaced element and
    // would fall back to its 150 px intrinsic height.
    s.setProperty('bottom', 'auto', 'important');
    s.setProperty('height', `calc(100% - ${top}px)`, 'important');
  };
  reservePageSpace(layout.width, mode, place);
  place();
}

/**
 * The origins the loaded frame can have: Chromium serves a dynamic URL
 * (use_dynamic_url) from the extension's id origin; Firefox's URL is its origin.
 */
function extensionOrigins(src: string): string[] {
  const dynamic = new URL(src);
  return [...new Set([dynamic.origin, `${dynamic.protocol}//${browser.runtime.id}`])];
}

/**
 * Gives the frame that just loaded in Baton's own iframe element its nonce.
 * targetOrigin is the extension's: if the page navigated the frame elsewhere,
 * the browser drops the message.
 */
async function handNonce(iframe: HTMLIFrameElement, origins: string[]) {
  // A background that is restarting does not answer: ask again a few times.
  for (let attempt = 1; attempt <= 5; attempt++) {
    const answer = await sendFromContent({ type: 'frame:mint' }).catch(() => undefined);
    if (answer === null) return; // refused: this is not a tab's top frame
    if (answer) {
      const msg: FrameNonceMessage = { type: FRAME_NONCE_MESSAGE, nonce: answer.nonce };
      for (const origin of origins) iframe.contentWindow?.postMessage(msg, origin);
      return;
    }
    await new Promise((r) => setTimeout(r, 250 * attempt));
  }
}

/**
 * `crm`: the adapter's id; `defaultMode`: the adapter's layout, until the user
 * picks one for this CRM; `hidden`: mounted out of sight until show(), so the
 * frame loads while the CRM is still rendering the record.
 */
export function mountSidebar(crm: string, defaultMode: LayoutMode, hidden = false): MountedSidebar {
  const iframe = document.createElement('iframe');
  if (!hidden) iframe.dataset.baton = 'sidebar';
  iframe.title = 'Baton';
  iframe.setAttribute('allow', 'clipboard-write');
  // Built-in CRM hosts load the page only they may load; custom-adapter hosts the copy any origin may (frame-access).
  const page = onBuiltInCrmHost(location.href) ? SIDEBAR_PAGES[0] : SIDEBAR_PAGES[1];
  const src = benchFrameUrl() ?? browser.runtime.getURL(page as '/sidebar.html');
  iframe.addEventListener('load', () => void handNonce(iframe, extensionOrigins(src)));
  iframe.src = src;
  let layout = parseLayout(undefined);
  const apply = () => (hidden ? applyHidden(iframe) : applyLayout(iframe, layout, modeFor(layout, crm, defaultMode)));
  apply();
  document.documentElement.appendChild(iframe);

  const adopt = (stored: SidebarLayout) => {
    layout = stored;
    apply();
  };
  void readStored(SIDEBAR_LAYOUT).then(adopt);
  const unwatch = watchStored(SIDEBAR_LAYOUT, adopt);
  // The one-key collapse from the CRM page (the sidebar handles it inside its frame).
  const onKey = (e: KeyboardEvent) => {
    if (!isToggleKey(e)) return;
    e.preventDefault();
    e.stopPropagation();
    void writeStored(SIDEBAR_LAYOUT, { ...layout, collapsed: !layout.collapsed });
  };
  window.addEventListener('keydown', onKey, true);

  // SPAs re-render the whole document: put the frame back if the page drops it.
  const keeper = new MutationObserver(() => {
    if (!iframe.isConnected) document.documentElement.appendChild(iframe);
  });
  keeper.observe(document.documentElement, { childList: true });

  return {
    show() {
      if (!hidden) return;
      hidden = false;
      iframe.dataset.baton = 'sidebar';
      apply();
    },
    unmount() {
      keeper.disconnect();
      unwatch();
      window.removeEventListener('keydown', onKey, true);
      iframe.remove();
      releasePageSpace();
    },
  };
}
