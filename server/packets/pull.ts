// Pull: the caller's visible packets changed since its cursor, in sequence
// order; the new cursor is the last sequence returned.
import { and, asc, gt } from 'drizzle-orm';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { packets } from '../db/schema';
import { visibleTo } from './access';

export async function pull(db: Db, caller: Caller, cursor: number, limit: number) {
  const rows = await db
    .select({ key: packets.key, data: packets.data, seq: packets.seq })
    .from(packets)
    .where(and(visibleTo(caller), gt(packets.seq, cursor)))
    .orderBy(asc(packets.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    packets: page.map((r) => r.data),
    cursor: page.length ? page[page.length - 1]!.seq : cursor,
    more: rows.length > limit,
  };
}
