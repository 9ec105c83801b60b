// The deal the content script read in this tab, relayed by the background
// through a port (docs/architecture.md: never window.postMessage). The port first
// proves that Baton's content script mounted this frame (frame-gate); until
// the background accepts the proof there is no deal and no database port.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { parseReceived } from '@/extension/messaging/channel';
import type { TabDealState } from '@/extension/messaging/content-messages';
import { backgroundToSidebarSchema, SIDEBAR_PORT, type BackgroundToSidebar, type SidebarToBackground } from '@/extension/messaging/messages';
import { dbClient } from './db-client';
import { onNonce, takeNonces } from './frame-nonce';

export interface TabDeal {
  /** true once the background accepted this frame's proof */
  proven: boolean;
  /** undefined while waiting for the first answer, null when the tab shows no deal */
  state: TabDealState | null | undefined;
}

// Other hooks share this frame's one proven port (use-deal-extras.ts): a second
// port would need a second one-time nonce.
const portListeners = new Set<(msg: BackgroundToSidebar) => void>();
let provenPost: ((m: SidebarToBackground) => void) | null = null;

/** Calls `listener` with every message the sidebar port brings; returns the unsubscribe. */
export function onSidebarPortMessage(listener: (msg: BackgroundToSidebar) => void): () => void {
  portListeners.add(listener);
  return () => portListeners.delete(listener);
}

/** Posts on the sidebar port once the background accepted this frame's proof; false when it has not (yet). */
export function postOnSidebarPort(m: SidebarToBackground): boolean {
  if (!provenPost) return false;
  provenPost(m);
  return true;
}

export function useTabDeal(): TabDeal {
  const [proven, setProven] = useState(false);
  const [state, setState] = useState<TabDealState | null | undefined>(undefined);
  useEffect(() => {
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    let closed = false;
    let wasProven = false;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const post = (m: SidebarToBackground) => port?.postMessage(m);
    const connect = (nonces: string[]) => {
      port = browser.runtime.connect({ name: SIDEBAR_PORT });
      port.onMessage.addListener((raw: unknown) => {
        const msg = parseReceived(backgroundToSidebarSchema, raw, 'sidebar port message');
        if (msg) for (const l of portListeners) l(msg);
        if (msg?.type === 'frame:proven') {
          provenPost = post;
          wasProven = true;
          setProven(true);
          dbClient.open();
        } else if (msg?.type === 'frame:refused') {
          // Never proven, or no longer (a newer sidebar in this tab proved).
          wasProven = false;
          provenPost = null;
          setProven(false);
          setState(undefined);
          dbClient.close();
        } else if (msg?.type === 'deal:state') setState(msg.state);
      });
      port.onDisconnect.addListener(() => {
        port = null;
        provenPost = null;
        if (closed) return;
        // Proven before: the service worker restarted and still knows this
        // frame. Refused: try the next candidate nonce, if one comes.
        if (wasProven) retry = setTimeout(() => connect([]), 200);
        else tryNext();
      });
      if (nonces.length) post({ type: 'frame:prove', nonces });
      post({ type: 'deal:get' });
    };
    const tryNext = () => {
      if (port || closed) return;
      const nonces = takeNonces();
      if (nonces.length) connect(nonces);
    };
    const off = onNonce(tryNext);
    tryNext();
    return () => {
      closed = true;
      off();
      if (retry) clearTimeout(retry);
      port?.disconnect();
    };
  }, []);
  return { proven, state };
}
