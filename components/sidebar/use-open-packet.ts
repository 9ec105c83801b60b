// Creates the deal's packet on the first visit and keeps its deal snapshot
// current with each read of the page; says which fields the page stopped showing.
import { useEffect, useState } from 'react';
import { dealKey } from '@/lib/crm/deal-key';
import type { DealField } from '@/lib/crm/types';
import type { TabDealState } from '@/extension/messaging/content-messages';
import { dbClient } from './db-client';

/**
 * @returns openedKey: the deal key whose packet is open (null until the
 * background answered), lost: fields Baton used to read on this CRM that the
 * page no longer shows. Retries while the background restarts (20 tries).
 */
export function useOpenPacket(state: TabDealState | null | undefined): { openedKey: string | null; lost: DealField[] } {
  const [openedKey, setOpenedKey] = useState<string | null>(null);
  const [lost, setLost] = useState<DealField[]>([]);
  useEffect(() => {
    // Not while the page is being read (just navigated, or the frame mounted
    // before the record rendered): the URL may look like a deal on a page that
    // turns out not to be one, and no packet is made for that.
    if (!state || state.reading) return;
    let cancelled = false;
    const open = async (attempt: number): Promise<void> => {
      try {
        const { unreadable } = await dbClient.request({
          type: 'packet:open',
          identity: state.identity,
          snapshot: state.snapshot,
          href: state.href,
          ready: state.ready,
        });
        if (!cancelled) {
          setLost(unreadable);
          setOpenedKey(dealKey(state.identity));
        }
      } catch {
        // background restarting: try again shortly
        if (!cancelled && attempt < 20) setTimeout(() => void open(attempt + 1), 200 * (attempt + 1));
      }
    };
    void open(0);
    return () => {
      cancelled = true;
    };
  }, [state]);
  return { openedKey, lost };
}
