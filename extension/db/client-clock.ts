// This browser's identity for sync (a random client id, also the HLC node id)
// and its hybrid logical clock, both kept in the meta table. Must be called
// inside a transaction that includes db.meta.
import { formatHlc, receiveHlc, tickHlc, type HlcState } from '@/lib/sync/hlc';
import type { BatonDB } from './database';
import { getMeta, setMeta } from './meta';

export async function clientId(db: BatonDB): Promise<string> {
  const got = await getMeta(db, 'clientId');
  if (got) return got;
  const id = crypto.randomUUID().replace(/-/g, '').slice(0, 20);
  await setMeta(db, 'clientId', id);
  return id;
}

export async function nextHlcs(db: BatonDB, n: number, now: number): Promise<string[]> {
  const node = await clientId(db);
  let state: HlcState | null = (await getMeta(db, 'hlc')) ?? null;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    state = tickHlc(state, now);
    out.push(formatHlc(state, node));
  }
  if (state) await setMeta(db, 'hlc', state);
  return out;
}

/** After a pull: keep this clock ahead of what the server has seen. */
export async function observeHlc(db: BatonDB, remote: string, now: number): Promise<void> {
  await setMeta(db, 'hlc', receiveHlc((await getMeta(db, 'hlc')) ?? null, remote, now));
}
