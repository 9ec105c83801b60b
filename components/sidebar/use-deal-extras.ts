// What the CRM page shows besides the deal facts (issue 19: contacts and
// roles, activities, line items, description, next step, competitor, win
// reason, industry, size), for the deal the sidebar shows. Asked for once the
// record has been read; the background injects the extras reader into the tab
// (entrypoints/deal-extras.ts), which answers at once and again whenever the
// page changes, so the latest value here may bring items the packet does not
// have yet. A result is only ever for the deal shown: the background relays it
// only for the tab's reported deal, and this hook drops any other identity.
import { useEffect, useState } from 'react';
import { dealKey } from '@/lib/crm/deal-key';
import type { DealExtras } from '@/lib/crm/deal-extras';
import type { TabDeal } from './use-tab-deal';
import { onSidebarPortMessage, postOnSidebarPort } from './use-tab-deal';

/** The latest extras read for the shown deal; null until they arrive (or when no deal is shown). */
export function useDealExtras({ proven, state }: TabDeal): DealExtras | null {
  const key = state ? dealKey(state.identity) : null;
  const reading = state?.reading ?? true;
  const [latest, setLatest] = useState<{ key: string; extras: DealExtras } | null>(null);
  useEffect(
    () =>
      onSidebarPortMessage((m) => {
        if (m.type === 'deal:extras') setLatest({ key: dealKey(m.identity), extras: m.extras });
      }),
    [],
  );
  // Once per record shown, when it has been read (the reader then follows the page's changes itself);
  // a reloaded CRM page mounts a new sidebar, which asks again.
  useEffect(() => {
    if (proven && key && !reading) postOnSidebarPort({ type: 'extras:get' });
  }, [proven, key, reading]);
  return latest && latest.key === key ? latest.extras : null;
}
