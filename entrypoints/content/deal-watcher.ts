// Watches the tab's URL, decides whether it shows a deal record, reads the deal
// once the record has rendered and keeps the read fresh; mounts the sidebar on
// deal pages only and swaps it to the new deal on SPA navigation.
//
// After any navigation the sidebar switches to the new record's identity at
// once, with no field values ("reading"); values then come only from elements
// rendered for the new record (lib/crm/rendered-since.ts), never from the
// previous record's view, which CRMs keep on screen or hidden in the DOM.
import { browser } from 'wxt/browser';
import type { AdapterDefinition } from '@/lib/crm/adapter-schema';
import { detectDeal, needsPageRecordId } from '@/lib/crm/detect-deal';
import { readContacts } from '@/lib/crm/read-contacts';
import { readSnapshot, type ReadOptions } from '@/lib/crm/read-snapshot';
import { trackRenders } from '@/lib/crm/rendered-since';
import { dealKey } from '@/lib/crm/deal-key';
import { DEAL_FIELDS, emptySnapshot, type DealSnapshot } from '@/lib/crm/types';
import { waitForSnapshot } from '@/lib/crm/wait-for-snapshot';
import { watchUrl } from '@/lib/crm/watch-navigation';
import { sendFromContent } from '@/extension/messaging/send-message';
import type { CONTENT_MESSAGES, TabDealState } from '@/extension/messaging/content-messages';
import type { MapRequest } from '@/extension/messaging/message-map';
import { ADAPTER_STORE_KEY } from '@/lib/crm/merge-adapters';
import { TEAM_CURRENCY_KEY } from '@/lib/crm/team-currency';
import { keepCurrencyTables, loadCurrencyTables } from './currency-cache';
import { benchFrameUrl } from './frame-page';
import { loadAdapters } from './load-adapters';
import { mountSidebar, type MountedSidebar } from './mount-sidebar';

const sameSnapshot = (a: DealSnapshot, b: DealSnapshot) => DEAL_FIELDS.every((f) => a[f] === b[f]);

function send(msg: MapRequest<typeof CONTENT_MESSAGES, 'deal:update' | 'deal:none'>) {
  sendFromContent(msg).catch(() => {
    // background restarting or extension reloaded: the next read sends again
  });
}

export function startDealWatcher(signal: AbortSignal): void {
  let adapters: AdapterDefinition[] = [];
  let sidebar: MountedSidebar | null = null;
  let currentKey: string | null = null;
  let dealAbort: AbortController | null = null;
  const renders = trackRenders(document);
  const read: ReadOptions = { accept: (el) => renders.isFresh(el) };

  function leaveDeal() {
    dealAbort?.abort();
    dealAbort = null;
    if (currentKey !== null) send({ type: 'deal:none' });
    currentKey = null;
    sidebar?.unmount();
    sidebar = null;
  }

  let evaluating = 0;
  async function evaluate(href: string) {
    const run = ++evaluating;
    // A URL form without the record id: the id is read from the page once it shows it.
    const hit = detectDeal(href, adapters, document) ?? (needsPageRecordId(href, adapters) ? await pageRecordId(href, adapters) : null);
    if (run !== evaluating) return; // the URL changed while waiting
    if (!hit) return leaveDeal();
    const key = dealKey(hit.identity);
    if (key === currentKey) return;
    dealAbort?.abort();
    const abort = new AbortController();
    dealAbort = abort;
    currentKey = key;

    const expectedFields = DEAL_FIELDS.filter((f) => (hit.adapter.fields[f]?.length ?? 0) > 0);
    let last: DealSnapshot | null = null;
    const report = (snapshot: DealSnapshot, ready: boolean, reading = false) => {
      last = snapshot;
      const state: TabDealState = {
        identity: hit.identity,
        crmName: hit.adapter.name,
        layout: hit.adapter.layout,
        snapshot,
        ready,
        reading,
        href: location.href,
        expectedFields,
        readAt: Date.now(),
        contacts: reading ? { phones: [], emails: [] } : readContacts(document, read.accept),
      };
      send({ type: 'deal:update', state });
    };

    // The new identity at once, no values yet: the sidebar never keeps showing
    // the previous deal (or a previous page's state kept by the background).
    report(emptySnapshot(), false, true);
    // The frame loads and starts while the CRM renders the record (issue 14:
    // the sidebar interactive soon after the record shows), hidden until the
    // record is read. The benchmark's reference frame is mounted when the
    // record renders, as before (frame-page.ts).
    if (!sidebar && !benchFrameUrl()) sidebar = mountSidebar(hit.adapter.id, hit.adapter.layout, true);
    const { snapshot, ready } = await waitForSnapshot(document, hit.adapter, { signal: abort.signal, ...read });
    if (abort.signal.aborted) return;
    // A page whose URL looks like a deal but which never rendered a record
    // (an adapter's dealPageTest fails) gets no sidebar.
    if (hit.adapter.dealPageTest && !document.querySelector(hit.adapter.dealPageTest) && !ready) {
      return leaveDeal();
    }
    if (!sidebar) sidebar = mountSidebar(hit.adapter.id, hit.adapter.layout);
    sidebar.show();
    report(snapshot, ready);
    keepCurrencyTables();
    keepFresh(hit.adapter, read, abort.signal, (s) => {
      if (!last || !sameSnapshot(last, s)) report(s, true);
    });
  }

  void (async () => {
    [adapters] = await Promise.all([loadAdapters(), loadCurrencyTables()]);
    if (signal.aborted) return;
    void evaluate(location.href);
    watchUrl(
      window,
      (href, at) => {
        // Another record (or none): what is on screen now is the old record's.
        const hit = detectDeal(href, adapters);
        if ((hit ? dealKey(hit.identity) : null) !== currentKey) renders.navigated(at);
        void evaluate(href);
      },
      signal,
    );
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
      if (area !== 'local' || (!changes[ADAPTER_STORE_KEY] && !changes[TEAM_CURRENCY_KEY])) return;
      adapters = await loadAdapters();
      currentKey = null;
      void evaluate(location.href);
    });
  })();
  signal.addEventListener('abort', () => {
    leaveDeal();
    renders.stop();
  });
}

/**
 * Re-reads the record when the page changes (the rep edits the stage in the
 * CRM, or a late field renders), throttled; a slow poll covers changes inside
 * shadow roots that a document-level MutationObserver cannot see.
 */
function keepFresh(adapter: AdapterDefinition, opts: ReadOptions, signal: AbortSignal, onRead: (s: DealSnapshot) => void) {
  let pending: ReturnType<typeof setTimeout> | null = null;
  const read = () => {
    pending = null;
    if (!signal.aborted) onRead(readSnapshot(document, adapter, opts));
  };
  const schedule = () => {
    if (pending === null) pending = setTimeout(read, 400);
  };
  const mo = new MutationObserver(schedule);
  mo.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['value', 'aria-current', 'aria-selected', 'class', 'style', 'hidden', 'aria-hidden', 'inert'],
  });
  const poll = setInterval(schedule, 2000);
  // A control changed by the rep fires input/change, not a mutation.
  document.addEventListener('change', schedule, { capture: true, signal });
  document.addEventListener('input', schedule, { capture: true, signal });
  signal.addEventListener('abort', () => {
    mo.disconnect();
    clearInterval(poll);
    if (pending !== null) clearTimeout(pending);
  });
}

/** Polls until the page shows the record id a URL form needs, or gives up after the adapters' wait bound. */
async function pageRecordId(href: string, adapters: AdapterDefinition[]): Promise<ReturnType<typeof detectDeal>> {
  const bound = Math.max(...adapters.map((a) => a.waitMs ?? 10_000));
  for (const end = Date.now() + bound; Date.now() < end && location.href === href; ) {
    await new Promise((r) => setTimeout(r, 200));
    const hit = detectDeal(href, adapters, document);
    if (hit) return hit;
  }
  return null;
}
