// The deal the content script read in this tab, relayed by the background
// through a port (DESIGN.md §3: never window.postMessage).
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SIDEBAR_PORT, type BackgroundToSidebar, type TabDealState } from '@/lib/messaging/protocol';

/** undefined while waiting for the first answer, null when the tab shows no deal. */
export function useTabDeal(): TabDealState | null | undefined {
  const [state, setState] = useState<TabDealState | null | undefined>(undefined);
  useEffect(() => {
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    let closed = false;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const connect = () => {
      port = browser.runtime.connect({ name: SIDEBAR_PORT });
      port.onMessage.addListener((raw: unknown) => {
        const msg = raw as BackgroundToSidebar;
        if (msg?.type === 'deal:state') setState(msg.state);
      });
      // A service worker that was stopped drops the port: reconnect.
      port.onDisconnect.addListener(() => {
        if (!closed) retry = setTimeout(connect, 200);
      });
      port.postMessage({ type: 'deal:get' });
    };
    connect();
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
      port?.disconnect();
    };
  }, []);
  return state;
}
