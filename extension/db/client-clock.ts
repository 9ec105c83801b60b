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

/**
 * `n` fresh HLC stamps for edits made at `now` (ms since epoch), and the write
 * that keeps the clock: the caller runs it in the same transaction, beside its
 * own writes (the reads here and the caller's go out together).
 */
export async function nextHlcs(db: BatonDB, n: number, now: number): Promise<{ clocks: string[]; save: () => Promise<void> }> {
  const [node, stored] = await Promise.all([clientId(db), getMeta(db, 'hlc')]);
  let state: HlcState | null = stored ?? null;
  const clocks: string[] = [];
  for (let i = 0; i < n; i++) {
    state = tickHlc(state, now);
    clocks.push(formatHlc(state, node));
  }
  const last = state;
  return { clocks, save: async () => (last ? await setMeta(db, 'hlc', last) : undefined) };
}

/** After a pull: keep this clock ahead of what the server has seen. */
export async function observeHlc(db: BatonDB, remote: string, now: number): Promise<void> {
  await setMeta(db, 'hlc', receiveHlc((await getMeta(db, 'hlc')) ?? null, remote, now));
}
