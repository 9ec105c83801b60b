// Where this browser syncs to and with which token. Kept in the extension's
// IndexedDB (meta), which neither the content script nor the CRM page can open.
import type { SyncAuth } from '@/lib/sync/sync-auth';
import type { BatonDB } from './database';
import { deleteMeta, getMeta, setMeta } from './meta';

export type { SyncAuth };

export async function getAuth(db: BatonDB): Promise<SyncAuth | null> {
  return (await getMeta(db, 'auth')) ?? null;
}

export async function setAuth(db: BatonDB, auth: SyncAuth | null): Promise<void> {
  if (auth) await setMeta(db, 'auth', auth);
  else await db.transaction('rw', db.meta, () => deleteMeta(db, 'auth', 'cursor', 'handoffs'));
}
