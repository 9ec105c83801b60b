// /v1/sync/* and /v1/packets/*: every query scoped to the caller's team and
// checked against the caller's role (server/packets/access.ts).
import { and, asc, eq, gt } from 'drizzle-orm';
import { recordSyncLag } from '../metrics/sync-lag';
import { Hono } from 'hono';
import { migratePacket } from '@/lib/packet/migrations';
import { listQuerySchema, packetKeySchema, pullQuerySchema, pushBodySchema } from '@/lib/sync/api-schemas';
import type { Db } from '../db/connect';
import { auditLog, packets } from '../db/schema';
import type { Env } from '../http/auth';
import { notFound } from '../http/errors';
import { body, param, query } from '../http/validate';
import { visibleTo } from '../packets/access';
import { PACKET_COMMAND_TABLE, runCommand } from '../packets/commands';
import { pull } from '../packets/pull';
import { push } from '../packets/push';

export function packetRoutes(db: Db) {
  const r = new Hono<Env>();

  r.post('/sync/push', async (c) => {
    const b = await body(c, pushBodySchema);
    recordSyncLag(b.mutations);
    return c.json({ results: await push(db, c.get('caller'), b) });
  });

  r.get('/sync/pull', async (c) => {
    const q = query(c, pullQuerySchema);
    return c.json(await pull(db, c.get('caller'), q.cursor, q.limit));
  });

  r.get('/packets', async (c) => {
    const q = query(c, listQuerySchema);
    const where = and(visibleTo(c.get('caller')), gt(packets.id, q.after), q.status ? eq(packets.status, q.status) : undefined);
    const rows = await db.select({ id: packets.id, data: packets.data }).from(packets).where(where).orderBy(asc(packets.id)).limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    return c.json({ packets: page.map((p) => migratePacket(p.data)), next: rows.length > q.limit ? page[page.length - 1]!.id : null });
  });

  r.get('/packets/:key', async (c) => {
    const key = param(c, 'key', packetKeySchema);
    const [row] = await db.select({ data: packets.data }).from(packets).where(and(visibleTo(c.get('caller')), eq(packets.key, key))).limit(1);
    if (!row) throw notFound('No such packet.');
    return c.json({ packet: migratePacket(row.data) });
  });

  r.get('/packets/:key/audit', async (c) => {
    const key = param(c, 'key', packetKeySchema);
    const caller = c.get('caller');
    const [row] = await db.select({ id: packets.id }).from(packets).where(and(visibleTo(caller), eq(packets.key, key))).limit(1);
    if (!row) throw notFound('No such packet.');
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.teamId, caller.teamId), eq(auditLog.packetKey, key)))
      .orderBy(asc(auditLog.id))
      .limit(1000);
    return c.json({ entries });
  });

  // POST /packets/:key/<command>, one per entry of the command table.
  for (const [name, cmd] of Object.entries(PACKET_COMMAND_TABLE)) {
    r.post(`/packets/:key/${name}`, async (c) => {
      const key = param(c, 'key', packetKeySchema);
      const b = await body(c, cmd.body, cmd.form);
      return c.json({ packet: await runCommand(db, c.get('caller'), key, name, cmd, b) });
    });
  }

  return r;
}
