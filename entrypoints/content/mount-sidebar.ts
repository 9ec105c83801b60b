// Mounts the sidebar as an extension-page iframe (DESIGN.md §5 test contract:
// iframe[data-baton="sidebar"] whose src is sidebar.html) and sizes it from the
// stored layout: a column on the right when open, a slim tab when collapsed.
// Each time the frame loads, the content script gets a one-time nonce from the
// background and posts it to that frame's window only (frame-gate): the page
// can read the iframe's src, never the nonce.
import { browser } from 'wxt/browser';
import { onBuiltInCrmHost, SIDEBAR_PAGES } from '@/lib/extension/frame-access';
import { FRAME_NONCE_MESSAGE, type FrameMintAnswer, type FrameNonceMessage } from '@/lib/messaging/protocol';
import {
  COLLAPSED_HEIGHT,
  COLLAPSED_WIDTH,
  LAYOUT_KEY,
  parseLayout,
  type SidebarLayout,
} from '@/lib/messaging/layout';
import { benchFrameUrl } from './frame-page';
import { releasePageSpace, reservePageSpace } from './page-space';

export interface MountedSidebar {
  unmount(): void;
}

function applyLayout(iframe: HTMLIFrameElement, layout: SidebarLayout) {
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
  if (layout.collapsed) {
    // A slim tab at the right edge, vertically centred: small enough to leave
    // the CRM's own buttons (usually in the header or at the bottom) uncovered.
    s.setProperty('top', `calc(50% - ${COLLAPSED_HEIGHT / 2}px)`, 'important');
    s.setProperty('width', `${COLLAPSED_WIDTH}px`, 'important');
    s.setProperty('height', `${COLLAPSED_HEIGHT}px`, 'important');
    s.setProperty('box-shadow', 'none', 'important');
    releasePageSpace();
  } else {
    s.setProperty('top', '0', 'important');
    s.setProperty('width', `${layout.width}px`, 'important');
    s.setProperty('height', '100vh', 'important');
    s.setProperty('box-shadow', '-1px 0 0 #c9ccd1', 'important');
    reservePageSpace(layout.width);
  }
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
    const answer = (await browser.runtime.sendMessage({ type: 'frame:mint' }).catch(() => undefined)) as FrameMintAnswer | undefined;
    if (answer === null) return; // refused: this is not a tab's top frame
    if (answer) {
      const msg: FrameNonceMessage = { type: FRAME_NONCE_MESSAGE, nonce: answer.nonce };
      for (const origin of origins) iframe.contentWindow?.postMessage(msg, origin);
      return;
    }
    await new Promise((r) => setTimeout(r, 250 * attempt));
  }
}

export function mountSidebar(): MountedSidebar {
  const iframe = document.createElement('iframe');
  iframe.dataset.baton = 'sidebar';
  iframe.title = 'Baton';
  iframe.setAttribute('allow', 'clipboard-write');
  // Built-in CRM hosts load the page only they may load; custom-adapter hosts the copy any origin may (frame-access).
  const page = onBuiltInCrmHost(location.href) ? SIDEBAR_PAGES[0] : SIDEBAR_PAGES[1];
  const src = benchFrameUrl() ?? browser.runtime.getURL(page as '/sidebar.html');
  iframe.addEventListener('load', () => void handNonce(iframe, extensionOrigins(src)));
  iframe.src = src;
  let layout = parseLayout(undefined);
  applyLayout(iframe, layout);
  document.documentElement.appendChild(iframe);

  void browser.storage.local.get(LAYOUT_KEY).then((got) => {
    layout = parseLayout(got[LAYOUT_KEY]);
    applyLayout(iframe, layout);
  });
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !changes[LAYOUT_KEY]) return;
    layout = parseLayout(changes[LAYOUT_KEY].newValue);
    applyLayout(iframe, layout);
  };
  browser.storage.onChanged.addListener(onStorage);

  // SPAs re-render the whole document: put the frame back if the page drops it.
  const keeper = new MutationObserver(() => {
    if (!iframe.isConnected) document.documentElement.appendChild(iframe);
  });
  keeper.observe(document.documentElement, { childList: true });

  return {
    unmount() {
      keeper.disconnect();
      browser.storage.onChanged.removeListener(onStorage);
      iframe.remove();
      releasePageSpace();
    },
  };
}
