// /v1/webhooks: the team's chat robots (managers and admins), with their
// deliveries and failures, and "send a test"; /v1/users/:id/chat: a person's
// chat identity, for @mentions (admins, or the person themselves).
// Secrets are write-only: set or cleared here, never returned.
import { and, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { chatIdentitySchema, SIGNING_KINDS, webhookBodySchema, webhookPatchSchema } from '@/lib/webhooks/config-schema';
import { audit } from '../audit';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { users, webhookOutbox, webhooks } from '../db/schema';
import { requireRole, type Env } from '../http/auth';
import { notFound } from '../http/errors';
import { body, invalidInput, param } from '../http/validate';
import { teamWebhooks, webhookView } from '../webhooks/admin-view';
import { sendTest } from '../webhooks/send-test';

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const MANAGE = ['admin', 'manager'] as const;

export function webhookRoutes(db: Db) {
  const r = new Hono<Env>();

  const own = async (teamId: number, id: number) => {
    const [h] = await db.select().from(webhooks).where(and(eq(webhooks.id, id), eq(webhooks.teamId, teamId), isNull(webhooks.removedAt)));
    if (!h) throw notFound('No such webhook.');
    return h;
  };

  r.get('/webhooks', async (c) => {
    const caller = c.get('caller');
    requireRole(caller, [...MANAGE], 'list webhooks');
    return c.json({ webhooks: await teamWebhooks(db, caller.teamId) });
  });

  r.post('/webhooks', async (c) => {
    const caller = c.get('caller');
    requireRole(caller, [...MANAGE], 'add webhooks');
    const b = await body(c, webhookBodySchema, 'webhook');
    const w = await writeTransaction(db, async (tx) => {
      const [added] = await tx.insert(webhooks).values({ teamId: caller.teamId, kind: b.kind, url: b.url, name: b.name ?? '', secret: b.secret ?? null, keyword: b.keyword ?? null }).returning();
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'webhook.add', after: { id: added!.id, kind: b.kind, signed: !!b.secret, keyword: b.keyword ?? null } });
      return added!;
    });
    return c.json({ webhook: await webhookView(db, w) }, 201);
  });

  r.patch('/webhooks/:id', async (c) => {
    const caller = c.get('caller');
    requireRole(caller, [...MANAGE], 'change webhooks');
    const id = param(c, 'id', idParam);
    const b = await body(c, webhookPatchSchema, 'webhook');
    const h = await own(caller.teamId, id);
    const misplaced = (['secret', 'keyword'] as const).filter((f) => b[f] && !SIGNING_KINDS.includes(h.kind));
    if (misplaced.length) throw invalidInput(misplaced.map((path) => ({ path, code: 'notForKind' as const })), { form: 'webhook' });
    const w = await writeTransaction(db, async (tx) => {
      const [changed] = await tx
        .update(webhooks)
        .set({ ...(b.url ? { url: b.url } : {}), ...(b.name !== undefined ? { name: b.name } : {}), ...(b.secret !== undefined ? { secret: b.secret } : {}), ...(b.keyword !== undefined ? { keyword: b.keyword } : {}) })
        .where(eq(webhooks.id, id))
        .returning();
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'webhook.change', after: { id, changed: Object.keys(b) } });
      return changed!;
    });
    return c.json({ webhook: await webhookView(db, w) });
  });

  r.delete('/webhooks/:id', async (c) => {
    const caller = c.get('caller');
    requireRole(caller, [...MANAGE], 'remove webhooks');
    const id = param(c, 'id', idParam);
    await own(caller.teamId, id);
    await writeTransaction(db, async (tx) => {
      await tx.update(webhooks).set({ removedAt: new Date() }).where(eq(webhooks.id, id));
      // What was still waiting will not be sent: say so where admins look.
      await tx
        .update(webhookOutbox)
        .set({ failedAt: new Date(), lastError: 'webhook removed' })
        .where(and(eq(webhookOutbox.webhookId, id), isNull(webhookOutbox.deliveredAt), isNull(webhookOutbox.failedAt)));
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'webhook.remove', after: { id } });
    });
    return c.json({ removed: id });
  });

  r.post('/webhooks/:id/test', async (c) => {
    const caller = c.get('caller');
    requireRole(caller, [...MANAGE], 'test webhooks');
    const id = param(c, 'id', idParam);
    const h = await own(caller.teamId, id);
    const [me] = await db.select({ name: users.name, chat: users.chat }).from(users).where(eq(users.id, caller.userId));
    const result = await sendTest(h, { name: me?.name ?? caller.name, chat: me?.chat ?? {} });
    await audit(db, { teamId: caller.teamId, userId: caller.userId, action: 'webhook.test', after: { id, ...result } });
    return c.json({ result });
  });

  r.put('/users/:id/chat', async (c) => {
    const caller = c.get('caller');
    const id = param(c, 'id', idParam);
    if (id !== caller.userId) requireRole(caller, ['admin'], "set other people's chat identity");
    const b = await body(c, chatIdentitySchema, 'chat');
    const u = await writeTransaction(db, async (tx) => {
      const [changed] = await tx.update(users).set({ chat: b }).where(and(eq(users.id, id), eq(users.teamId, caller.teamId))).returning({ id: users.id, name: users.name, chat: users.chat });
      if (!changed) throw notFound('No such user.');
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'user.chat', after: { userId: id, tools: Object.keys(b) } });
      return changed;
    });
    return c.json({ user: u });
  });

  return r;
}
