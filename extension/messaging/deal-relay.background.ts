// The background relays what a tab's content script read of its deal to the
// sidebar frame mounted in that same tab — only to a frame that proved Baton's
// content script mounted it (frame-gate), and only while the tab still shows
// the document that reported the deal. State is kept in storage.session as
// well as memory so a restarted service worker still answers.
import { isSidebarPage } from '@/lib/sidebar/frame-access';
import { dealKey } from '@/lib/crm/deal-key';
import { injectExtrasReader } from '@/extension/extras/inject-extras.background';
import { browser, type Browser } from 'wxt/browser';
import { mintFrameNonce, onFrameProofRevoked, proveFrame, provenFrame, revokeFrameProof, type FrameProof } from './frame-gate.background';
import { onRuntimeMessages, parseReceived } from './channel';
import type { TabDealState } from './content-messages';
import { SIDEBAR_PORT, sidebarToBackgroundSchema, type BackgroundToSidebar } from './messages';
import { readStored, removeStored, writeStored } from './storage';
import { tabDeal, type StoredDeal } from './storage-keys';

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

export function startDealRelay(): void {
  const deals = new Map<number, StoredDeal | null>();
  const ports = new Map<number, Map<Browser.runtime.Port, FrameProof>>();
  // End-to-end tests read which tabs have a proven sidebar port (test/e2e/frames.test.ts).
  (globalThis as unknown as { __batonDealPorts: () => number[] }).__batonDealPorts = () => [...ports].flatMap(([tab, set]) => [...set.keys()].map(() => tab));

  async function dealFor(tabId: number): Promise<StoredDeal | null> {
    if (deals.has(tabId)) return deals.get(tabId) ?? null;
    const d = await readStored(tabDeal(tabId));
    deals.set(tabId, d);
    return d;
  }

  /** The deal a proven frame may see: its own top document's, else none. */
  const visibleTo = (deal: StoredDeal | null, proof: FrameProof): TabDealState | null =>
    deal && (!deal.documentId || !proof.topDocumentId || deal.documentId === proof.topDocumentId) ? deal.state : null;

  function send(port: Browser.runtime.Port, msg: BackgroundToSidebar) {
    try {
      port.postMessage(msg);
    } catch {
      // port closed between disconnect and delete
    }
  }

  function setDeal(tabId: number, deal: StoredDeal | null) {
    deals.set(tabId, deal);
    void (deal ? writeStored(tabDeal(tabId), deal) : removeStored(tabDeal(tabId)));
    for (const [port, proof] of ports.get(tabId) ?? []) send(port, { type: 'deal:state', state: visibleTo(deal, proof) });
  }

  /** The tab left the page that reported its deal: forget the deal, the frame proofs and their ports. */
  function leftPage(tabId: number, newDocumentId?: string) {
    const deal = deals.get(tabId);
    if (!(deal && newDocumentId && deal.documentId === newDocumentId)) {
      deals.set(tabId, null);
      void removeStored(tabDeal(tabId));
    }
    void revokeFrameProof(tabId, newDocumentId);
  }

  // Only the content script (top frame of a tab) reports deals: the map's sender check (channel.ts).
  const tabOf = (sender: Browser.runtime.MessageSender) => sender.tab?.id ?? -1;
  onRuntimeMessages({
    'deal:update': (msg, sender) => setDeal(tabOf(sender), { state: msg.state, ...(sender.documentId ? { documentId: sender.documentId } : {}) }),
    'deal:none': (_msg, sender) => setDeal(tabOf(sender), null),
    'frame:mint': (_msg, sender) => mintFrameNonce(sender).then((nonce) => (nonce ? { nonce } : null)),
    // The extras reader's result, relayed only for the deal this tab's page reports, from that same document.
    'extras:update': (msg, sender) => {
      const tabId = tabOf(sender);
      void dealFor(tabId).then((deal) => {
        if (!deal || dealKey(deal.state.identity) !== dealKey(msg.identity)) return;
        if (deal.documentId && sender.documentId && deal.documentId !== sender.documentId) return;
        for (const [port, proof] of ports.get(tabId) ?? []) if (visibleTo(deal, proof)) send(port, { type: 'deal:extras', identity: msg.identity, extras: msg.extras });
      });
    },
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SIDEBAR_PORT) return;
    const sender = port.sender;
    const tabId = sender?.tab?.id;
    if (!sender || tabId === undefined || !isSidebarPage(sender.url, browser.runtime.getURL('/'))) return port.disconnect();
    let proof: FrameProof | null = null;
    // Messages are handled in order: the proof check is asynchronous.
    let queue: Promise<unknown> = provenFrame(sender).then((p) => {
      proof = p;
      if (p) admit(p);
    });
    const admit = (p: FrameProof) => {
      const set = ports.get(tabId) ?? new Map<Browser.runtime.Port, FrameProof>();
      set.set(port, p);
      ports.set(tabId, set);
      send(port, { type: 'frame:proven' });
    };
    port.onDisconnect.addListener(() => ports.get(tabId)?.delete(port));
    port.onMessage.addListener((raw: unknown) => {
      // A malformed message is no proof and asks for nothing.
      const msg = parseReceived(sidebarToBackgroundSchema, raw, 'sidebar port message');
      queue = queue.then(async () => {
        if (!proof && msg?.type === 'frame:prove') {
          // Newest first: Baton's own nonce usually came last.
          for (const nonce of msg.nonces.slice(-64).reverse()) {
            proof = await proveFrame(sender, nonce);
            if (proof) return admit(proof);
          }
        }
        if (!proof) {
          send(port, { type: 'frame:refused' });
          return port.disconnect();
        }
        if (msg?.type === 'deal:get') send(port, { type: 'deal:state', state: visibleTo(await dealFor(tabId), proof) });
        if (msg?.type === 'extras:get' && visibleTo(await dealFor(tabId), proof)) void injectExtrasReader(tabId);
      });
    });
  });

  // A frame that lost its proof (the tab navigated, a newer sidebar proved) loses its port.
  onFrameProofRevoked((tabId) => {
    for (const port of ports.get(tabId)?.keys() ?? []) {
      void provenFrame(port.sender ?? {}).then((p) => {
        if (p) return;
        ports.get(tabId)?.delete(port);
        port.disconnect();
      });
    }
  });

  watchTabPages({
    dealFor,
    leftPage,
    closed(tabId) {
      deals.delete(tabId);
      ports.delete(tabId);
      void removeStored(tabDeal(tabId));
      void revokeFrameProof(tabId);
    },
  });
}

/**
 * Tells the relay when a tab leaves the page that reported its deal: a new
 * top document (another origin, or a page where the content script does not
 * run), a URL on another origin, or the tab closing. Same-document (SPA)
 * navigation is the content script's to report.
 */
function watchTabPages(on: { dealFor: (tabId: number) => Promise<StoredDeal | null>; leftPage: (tabId: number, newDocumentId?: string) => void; closed: (tabId: number) => void }) {
  browser.webNavigation.onCommitted.addListener((d) => {
    if (d.frameId === 0) on.leftPage(d.tabId, d.documentId);
  });
  // Prerendered pages commit under another frame id and only later become
  // the tab's page: a URL on another origin is enough to forget the deal.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (!change.url) return;
    void on.dealFor(tabId).then((deal) => {
      if (deal && originOf(deal.state.href) !== originOf(change.url!)) on.leftPage(tabId);
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => on.closed(tabId));
}
