// Pull: the caller's visible packets changed since its cursor, in sequence
// order; the new cursor is the last sequence returned, and the newest hybrid
// logical clock among them.
import { and, asc, gt } from 'drizzle-orm';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { packets } from '../db/schema';
import { visibleTo } from './access';

export async function pull(db: Db, caller: Caller, cursor: number, limit: number) {
  const rows = await db
    .select({ key: packets.key, data: packets.data, seq: packets.seq, clocks: packets.clocks })
    .from(packets)
    .where(and(visibleTo(caller), gt(packets.seq, cursor)))
    .orderBy(asc(packets.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  // The newest clock on these packets: the client moves its own HLC past it,
  // so an edit made after seeing them wins even if its wall clock is behind.
  let hlc: string | null = null;
  for (const r of page) for (const c of Object.values(r.clocks)) if (hlc === null || c > hlc) hlc = c;
  return {
    packets: page.map((r) => r.data),
    cursor: page.length ? page[page.length - 1]!.seq : cursor,
    more: rows.length > limit,
    hlc,
  };
}
