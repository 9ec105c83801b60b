// What a reassignment handed to me (issue 16 item 2), cached for the popup's
// "needs me": fetched at every sync run and after every change to claims or
// handoffs (an acknowledgement), like the claims cache. A failed answer keeps
// the cached list.
import { handoffsAnswerSchema, type HandoffNotice } from '@/lib/reassign/handoff-notice';
import type { SyncAuth } from '../db/sync-auth';
import { readAs, type ServerClient } from './http-client';

/** Where the list lives (production: IndexedDB meta, extension/sync/dexie-stores.ts). */
export interface HandoffsStore {
  save(handoffs: HandoffNotice[]): Promise<void>;
}

export function createHandoffsCache(client: ServerClient, store: HandoffsStore) {
  return {
    /** My unacknowledged handoffs replace the cached ones. */
    async refresh(auth: SyncAuth): Promise<void> {
      const res = await client.send(auth, 'GET', '/v1/me/handoffs');
      const answer = res.ok ? await readAs(res, handoffsAnswerSchema) : null;
      if (answer) await store.save(answer.handoffs);
    },
  };
}
