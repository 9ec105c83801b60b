// Pull: the caller's visible packets changed since its cursor, in position
// order, only below the watermark (server/packets/change-position.ts) so a
// later commit never lands behind the cursor; the new cursor is the last
// position returned, and the newest hybrid logical clock among them.
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { packets } from '../db/schema';
import { visibleTo } from './access';
import { pullWatermark } from './change-position';
import { migratePacket } from '@/lib/packet/migrations';

const columns = { id: packets.id, key: packets.key, data: packets.data, seq: packets.seq, clocks: packets.clocks };

export async function pull(db: Db, caller: Caller, cursor: number, limit: number) {
  const rows = await db
    .select(columns)
    .from(packets)
    .where(and(visibleTo(caller), gt(packets.seq, cursor), lt(packets.seq, pullWatermark)))
    .orderBy(asc(packets.seq), asc(packets.id))
    .limit(limit + 1);
  let page = rows.slice(0, limit);
  const more = rows.length > limit;
  // One transaction writing several packets gives them one position: a page
  // never ends inside such a group, or the next cursor would skip its rest.
  const last = page[page.length - 1];
  if (more && last && rows[limit]!.seq === last.seq) {
    const whole = page.filter((r) => r.seq !== last.seq);
    page = whole.length ? whole : await db.select(columns).from(packets).where(and(visibleTo(caller), eq(packets.seq, last.seq))).orderBy(asc(packets.id));
  }
  // The newest clock on these packets: the client moves its own HLC past it,
  // so an edit made after seeing them wins even if its wall clock is behind.
  let hlc: string | null = null;
  for (const r of page) for (const c of Object.values(r.clocks)) if (hlc === null || c > hlc) hlc = c;
  return {
    // Stored in an older shape: sent in the current one (lib/packet/migrations).
    packets: page.map((r) => migratePacket(r.data)),
    cursor: page.length ? page[page.length - 1]!.seq : cursor,
    more,
    hlc,
  };
}
