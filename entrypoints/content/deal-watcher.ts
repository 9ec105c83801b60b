// Watches the tab's URL, decides whether it shows a deal record, reads the deal
// once the record has rendered and keeps the read fresh; mounts the sidebar on
// deal pages only and swaps it to the new deal on SPA navigation.
import { browser } from 'wxt/browser';
import type { AdapterDefinition } from '@/lib/crm/adapter-schema';
import { detectDeal } from '@/lib/crm/detect-deal';
import { readContacts } from '@/lib/crm/read-contacts';
import { readSnapshot } from '@/lib/crm/read-snapshot';
import { dealKey, DEAL_FIELDS, type DealSnapshot } from '@/lib/crm/types';
import { waitForSnapshot } from '@/lib/crm/wait-for-snapshot';
import { watchUrl } from '@/lib/crm/watch-navigation';
import type { ContentToBackground, TabDealState } from '@/lib/messaging/protocol';
import { ADAPTER_STORE_KEY } from '@/lib/crm/merge-adapters';
import { loadAdapters } from './load-adapters';
import { mountSidebar, type MountedSidebar } from './mount-sidebar';

const sameSnapshot = (a: DealSnapshot, b: DealSnapshot) => DEAL_FIELDS.every((f) => a[f] === b[f]);

function send(msg: ContentToBackground) {
  browser.runtime.sendMessage(msg).catch(() => {
    // background restarting or extension reloaded: the next read sends again
  });
}

export function startDealWatcher(signal: AbortSignal): void {
  let adapters: AdapterDefinition[] = [];
  let sidebar: MountedSidebar | null = null;
  let currentKey: string | null = null;
  let dealAbort: AbortController | null = null;
  let lastSnapshot: DealSnapshot | null = null;

  function leaveDeal() {
    dealAbort?.abort();
    dealAbort = null;
    if (currentKey !== null) send({ type: 'deal:none' });
    currentKey = null;
    sidebar?.unmount();
    sidebar = null;
  }

  async function evaluate(href: string) {
    const hit = detectDeal(href, adapters);
    if (!hit) return leaveDeal();
    const key = dealKey(hit.identity);
    if (key === currentKey) return;
    dealAbort?.abort();
    const abort = new AbortController();
    dealAbort = abort;
    currentKey = key;
    const previous = lastSnapshot;

    const expectedFields = DEAL_FIELDS.filter((f) => (hit.adapter.fields[f]?.length ?? 0) > 0);
    const report = (snapshot: DealSnapshot, ready: boolean) => {
      lastSnapshot = snapshot;
      const state: TabDealState = {
        identity: hit.identity,
        crmName: hit.adapter.name,
        snapshot,
        ready,
        href: location.href,
        expectedFields,
        readAt: Date.now(),
        contacts: readContacts(document),
      };
      send({ type: 'deal:update', state });
    };

    let { snapshot, ready } = await waitForSnapshot(document, hit.adapter, { signal: abort.signal });
    if (abort.signal.aborted) return;
    // After SPA navigation the old record can still be on screen for a moment:
    // do not take it for the new deal; wait for the page to change.
    if (previous && ready && sameSnapshot(previous, snapshot)) {
      ready = await waitForChange(hit.adapter, previous, abort.signal).then((s) => {
        if (s) snapshot = s;
        return s !== null;
      });
      if (abort.signal.aborted) return;
    }
    // A page whose URL looks like a deal but which never rendered a record
    // (an adapter's dealPageTest fails) gets no sidebar.
    if (hit.adapter.dealPageTest && !document.querySelector(hit.adapter.dealPageTest) && !ready) {
      return leaveDeal();
    }
    if (!sidebar) sidebar = mountSidebar();
    report(snapshot, ready);
    keepFresh(hit.adapter, abort.signal, (s) => {
      if (!lastSnapshot || !sameSnapshot(lastSnapshot, s)) report(s, true);
    });
  }

  void (async () => {
    adapters = await loadAdapters();
    if (signal.aborted) return;
    void evaluate(location.href);
    watchUrl(window, (href) => void evaluate(href), signal);
    // Back from the back/forward cache: the background forgot this tab's deal
    // and frame when the tab left the page, so read, report and mount afresh.
    window.addEventListener(
      'pageshow',
      (e) => {
        if (!e.persisted) return;
        leaveDeal();
        void evaluate(location.href);
      },
      { signal },
    );
    browser.storage.onChanged.addListener(async (changes, area) => {
      if (area !== 'local' || !changes[ADAPTER_STORE_KEY]) return;
      adapters = await loadAdapters();
      currentKey = null;
      void evaluate(location.href);
    });
  })();
  signal.addEventListener('abort', leaveDeal);
}

/** Resolves with the first snapshot that differs from `old`, or null at the bound. */
function waitForChange(adapter: AdapterDefinition, old: DealSnapshot, signal: AbortSignal): Promise<DealSnapshot | null> {
  return new Promise((resolve) => {
    const bound = adapter.waitMs ?? 10_000;
    const done = (s: DealSnapshot | null) => {
      clearInterval(poll);
      clearTimeout(timeout);
      resolve(s);
    };
    const poll = setInterval(() => {
      if (signal.aborted) return done(null);
      const s = readSnapshot(document, adapter);
      if (s.dealName && !sameSnapshot(s, old)) done(s);
    }, 100);
    const timeout = setTimeout(() => done(null), bound);
  });
}

/**
 * Re-reads the record when the page changes (the rep edits the stage in the
 * CRM), throttled; a slow poll covers changes inside shadow roots that a
 * document-level MutationObserver cannot see.
 */
function keepFresh(adapter: AdapterDefinition, signal: AbortSignal, onRead: (s: DealSnapshot) => void) {
  let pending: ReturnType<typeof setTimeout> | null = null;
  const read = () => {
    pending = null;
    if (!signal.aborted) onRead(readSnapshot(document, adapter));
  };
  const schedule = () => {
    if (pending === null) pending = setTimeout(read, 400);
  };
  const mo = new MutationObserver(schedule);
  mo.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value', 'aria-current', 'aria-selected', 'class'] });
  const poll = setInterval(schedule, 2000);
  signal.addEventListener('abort', () => {
    mo.disconnect();
    clearInterval(poll);
    if (pending !== null) clearTimeout(pending);
  });
}
