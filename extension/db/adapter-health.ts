// Notices when an adapter that used to read a field stops finding it (a CRM
// changed its page): per CRM we remember which fields were ever read, and per
// deal the last value read. Overlays that break silently are the top complaint.
import type { DealField, DealIdentity, DealSnapshot } from '@/lib/crm/types';

type Read = { identity: DealIdentity; snapshot: DealSnapshot };
import { DEAL_FIELDS } from '@/lib/crm/types';
import type { BatonDB } from './database';
import { getMeta, metaKey, setMeta } from './meta';

const seenKey = (crm: string) => metaKey('adapterSeen', crm);

export async function unreadableFields(db: BatonDB, state: Read, stored: DealSnapshot | null): Promise<DealField[]> {
  const seen = new Set((await getMeta(db, seenKey(state.identity.crm))) ?? []);
  return DEAL_FIELDS.filter((f) => state.snapshot[f] === null && ((stored && stored[f] !== null) || seen.has(f)));
}

export async function rememberReadFields(db: BatonDB, state: Read): Promise<void> {
  const key = seenKey(state.identity.crm);
  await db.transaction('rw', db.meta, async () => {
    const seen = new Set((await getMeta(db, key)) ?? []);
    const before = seen.size;
    for (const f of DEAL_FIELDS) if (state.snapshot[f] !== null) seen.add(f);
    if (seen.size !== before) await setMeta(db, key, [...seen]);
  });
}
