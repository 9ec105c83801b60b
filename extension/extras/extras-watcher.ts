// The extras reader's loop, in the CRM tab's top frame (isolated world): reads
// what the record on screen shows besides the deal facts (lib/crm/read-extras.ts)
// and sends it to the background for the deal it detected, at once and again
// whenever the page changes (a new activity, a contact role added, rows that
// render late). Same freshness rule as the deal watcher: after an SPA
// navigation only elements rendered since count (lib/crm/rendered-since.ts),
// never the previous record's view.
// Injected on demand by the background (not part of the content script, whose
// 30 KB budget has no room for the extras readers).
import type { AdapterDefinition } from '@/lib/crm/adapter-schema';
import { extrasLocatorsFor } from '@/lib/crm/adapters';
import { emptyExtras } from '@/lib/crm/deal-extras';
import { detectDeal } from '@/lib/crm/detect-deal';
import { readExtras } from '@/lib/crm/read-extras';
import { readSnapshot } from '@/lib/crm/read-snapshot';
import { trackRenders } from '@/lib/crm/rendered-since';
import { watchUrl } from '@/lib/crm/watch-navigation';
import { EXTRAS_MESSAGES } from '@/extension/messaging/extras-messages';
import type { MapRequest } from '@/extension/messaging/message-map';
import { sendOn } from '@/extension/messaging/send-message';

export interface ExtrasWatcher {
  /** read now and send, even when nothing changed (the sidebar asked again) */
  readNow(): void;
}

/** How long the page must be quiet after a change before it is read again (ms). */
const SETTLE_MS = 400;
const POLL_MS = 2000;

export function watchExtras(loadAdapters: () => Promise<AdapterDefinition[]>): ExtrasWatcher {
  const renders = trackRenders(document);
  const accept = (el: Element) => renders.isFresh(el);
  let adapters: Promise<AdapterDefinition[]> | null = null;
  let lastSent = '';
  let pending: ReturnType<typeof setTimeout> | null = null;

  const read = async (force: boolean) => {
    const hit = detectDeal(location.href, await (adapters ??= loadAdapters()), document);
    if (!hit) return;
    const locators = extrasLocatorsFor(hit.adapter);
    const extras = locators ? readExtras(document, hit.adapter, locators, { accept, dealCurrency: readSnapshot(document, hit.adapter, { accept }).currency }) : emptyExtras();
    const msg: MapRequest<typeof EXTRAS_MESSAGES, 'extras:update'> = { type: 'extras:update', identity: hit.identity, extras };
    const text = JSON.stringify(msg);
    if (text === lastSent && !force) return;
    lastSent = text;
    sendOn(EXTRAS_MESSAGES, msg).catch(() => {
      lastSent = ''; // background restarting: the next change sends again
    });
  };
  const schedule = () => {
    if (pending === null)
      pending = setTimeout(() => {
        pending = null;
        void read(false);
      }, SETTLE_MS);
  };

  const mo = new MutationObserver(schedule);
  mo.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'aria-hidden', 'inert', 'aria-expanded'] });
  // Shadow roots a document-level observer cannot see, and rows behind a "View all" the rep opens.
  setInterval(schedule, POLL_MS);
  const stop = new AbortController();
  watchUrl(
    window,
    (_href, at) => {
      renders.navigated(at);
      lastSent = '';
      schedule();
    },
    stop.signal,
  );
  return { readNow: () => void read(true) };
}
