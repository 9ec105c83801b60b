// Where this browser syncs to and with which token. Kept in the extension's
// IndexedDB (meta), which neither the content script nor the CRM page can open.
import type { BatonDB } from './database';

export interface SyncAuth {
  serverUrl: string;
  token: string;
  user: { id: number; name: string; role: string; channel: string | null };
  team: { id: number; name: string };
}

export async function getAuth(db: BatonDB): Promise<SyncAuth | null> {
  return ((await db.meta.get('auth'))?.value as SyncAuth | undefined) ?? null;
}

export async function setAuth(db: BatonDB, auth: SyncAuth | null): Promise<void> {
  if (auth) await db.meta.put({ key: 'auth', value: auth });
  else await db.transaction('rw', db.meta, async () => {
    await db.meta.delete('auth');
    await db.meta.delete('cursor');
  });
}
