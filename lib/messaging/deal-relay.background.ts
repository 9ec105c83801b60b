// The background relays what a tab's content script read of its deal to the
// sidebar frame mounted in that same tab. State is kept in storage.session as
// well as memory so a restarted service worker still answers.
import { browser, type Browser } from 'wxt/browser';
import {
  SIDEBAR_PORT,
  type BackgroundToSidebar,
  type ContentToBackground,
  type SidebarToBackground,
  type TabDealState,
} from './protocol';

const sessionKey = (tabId: number) => `tabDeal:${tabId}`;

export function startDealRelay(): void {
  const states = new Map<number, TabDealState | null>();
  const ports = new Map<number, Set<Browser.runtime.Port>>();

  async function stateFor(tabId: number): Promise<TabDealState | null> {
    if (states.has(tabId)) return states.get(tabId) ?? null;
    const stored = await browser.storage.session.get(sessionKey(tabId));
    const s = (stored[sessionKey(tabId)] as TabDealState | undefined) ?? null;
    states.set(tabId, s);
    return s;
  }

  function broadcast(tabId: number, msg: BackgroundToSidebar) {
    for (const port of ports.get(tabId) ?? []) {
      try {
        port.postMessage(msg);
      } catch {
        // port closed between disconnect and delete
      }
    }
  }

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const msg = raw as ContentToBackground;
    const tabId = sender.tab?.id;
    // Only the content script (top frame of a tab) reports deals.
    if (tabId === undefined || sender.frameId !== 0 || sender.url?.startsWith(browser.runtime.getURL(''))) return;
    if (msg?.type === 'deal:update') {
      states.set(tabId, msg.state);
      void browser.storage.session.set({ [sessionKey(tabId)]: msg.state });
      broadcast(tabId, { type: 'deal:state', state: msg.state });
    } else if (msg?.type === 'deal:none') {
      states.set(tabId, null);
      void browser.storage.session.remove(sessionKey(tabId));
      broadcast(tabId, { type: 'deal:state', state: null });
    }
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SIDEBAR_PORT) return;
    const tabId = port.sender?.tab?.id;
    if (tabId === undefined || !port.sender?.url?.startsWith(browser.runtime.getURL('/'))) return port.disconnect();
    const set = ports.get(tabId) ?? new Set();
    set.add(port);
    ports.set(tabId, set);
    port.onDisconnect.addListener(() => set.delete(port));
    port.onMessage.addListener((raw: unknown) => {
      const msg = raw as SidebarToBackground;
      if (msg?.type === 'deal:get') {
        void stateFor(tabId).then((state) => port.postMessage({ type: 'deal:state', state } satisfies BackgroundToSidebar));
      }
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    states.delete(tabId);
    ports.delete(tabId);
    void browser.storage.session.remove(sessionKey(tabId));
  });
}
