// Mounts the sidebar as an extension-page iframe (DESIGN.md §5 test contract:
// iframe[data-baton="sidebar"] whose src is sidebar.html) and sizes it from the
// stored layout: a column on the right when open, a slim tab when collapsed.
import { browser } from 'wxt/browser';
import {
  COLLAPSED_HEIGHT,
  COLLAPSED_WIDTH,
  LAYOUT_KEY,
  parseLayout,
  type SidebarLayout,
} from '@/lib/messaging/layout';
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

export function mountSidebar(): MountedSidebar {
  const iframe = document.createElement('iframe');
  iframe.dataset.baton = 'sidebar';
  iframe.title = 'Baton';
  iframe.setAttribute('allow', 'clipboard-write');
  iframe.src = browser.runtime.getURL('/sidebar.html');
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
