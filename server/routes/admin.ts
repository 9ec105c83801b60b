// /v1/me, users and tokens. Admins manage users and tokens (the team's chat
// webhooks are in ./webhooks). All within the caller's team.
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { createTokenBodySchema, createUserBodySchema, updateUserBodySchema } from '@/lib/sync/api-schemas';
import { audit } from '../audit';
import { callerCacheOf } from '../auth/caller-cache';
import { createToken, revokeToken } from '../auth/tokens';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/write-transaction';
import { teams, tokens, users } from '../db/schema';
import { requireRole, type Env } from '../http/auth';
import { ApiError, notFound } from '../http/errors';
import { body, param, query } from '../http/validate';

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const pageQuery = z.strictObject({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(200).default(50) });

/** The user `id` of this team; another team's user is 404, like one that does not exist. */
async function userOfTeam(db: Db, teamId: number, id: number) {
  const [u] = await db.select().from(users).where(and(eq(users.id, id), eq(users.teamId, teamId)));
  if (!u) throw notFound('No such user.');
  return u;
}

/**
 * The opening every admin action on one user of the team shares, in this
 * order: the role check (403 forbidden), the `:id` parameter and the body
 * (400 invalid, with the field's path), then the user (404). `what` names the
 * action in the 403 message.
 */
async function adminOnUser<T extends z.ZodType>(db: Db, c: Context<Env>, what: string, schema: T) {
  const caller = c.get('caller');
  requireRole(caller, ['admin'], what);
  const id = param(c, 'id', idParam);
  const input = await body(c, schema, 'user');
  return { caller, input, user: await userOfTeam(db, caller.teamId, id) };
}

export function adminRoutes(db: Db) {
  const r = new Hono<Env>();

  r.get('/me', async (c) => {
    const caller = c.get('caller');
    const [team] = await db.select().from(teams).where(eq(teams.id, caller.teamId));
    return c.json({ user: { id: caller.userId, name: caller.name, role: caller.role, channel: caller.channel, department: caller.department }, team: { id: team!.id, name: team!.name } });
  });

  r.get('/users', async (c) => {
    const caller = c.get('caller');
    requireRole(caller, ['admin', 'manager'], 'list users');
    const q = query(c, pageQuery);
    const rows = await db.select().from(users).where(and(eq(users.teamId, caller.teamId), gt(users.id, q.after))).orderBy(asc(users.id)).limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    return c.json({ users: page, next: rows.length > q.limit ? page[page.length - 1]!.id : null });
  });

  r.post('/users', async (c) => {
    const caller = c.get('caller');
    requireRole(caller, ['admin'], 'add users');
    const b = await body(c, createUserBodySchema, 'user');
    const u = await writeTransaction(db, async (tx) => {
      const [added] = await tx.insert(users).values({ teamId: caller.teamId, name: b.name, role: b.role, channel: b.channel ?? (b.role === 'rep' ? 'direct' : null), department: b.department ?? null }).returning();
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'user.add', after: added });
      return added;
    });
    return c.json({ user: u }, 201);
  });

  r.patch('/users/:id', async (c) => {
    const { caller, input: b, user: before } = await adminOnUser(db, c, 'change users', updateUserBodySchema);
    const u = await writeTransaction(db, async (tx) => {
      const [after] = await tx
        .update(users)
        .set({ ...(b.role ? { role: b.role } : {}), ...(b.channel !== undefined ? { channel: b.channel } : {}), ...(b.department !== undefined ? { department: b.department } : {}) })
        .where(and(eq(users.id, before.id), eq(users.teamId, caller.teamId)))
        .returning();
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'user.change', before, after });
      return after;
    });
    // A new role takes effect on this process's next request (others within CALLER_TTL_MS).
    callerCacheOf(db).forgetUser(before.id);
    return c.json({ user: u });
  });

  r.post('/users/:id/tokens', async (c) => {
    const { caller, input: b, user: u } = await adminOnUser(db, c, 'create tokens', createTokenBodySchema);
    if (u.deactivatedAt) throw new ApiError(409, 'deactivated', `${u.name} has left the team: the account is deactivated.`);
    const t = await writeTransaction(db, async (tx) => {
      const made = await createToken(tx, u.id, b?.label ?? '');
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'token.create', after: { tokenId: made.id, userId: u.id } });
      return made;
    });
    return c.json({ id: t.id, token: t.token }, 201);
  });

  r.get('/users/:id/tokens', async (c) => {
    const caller = c.get('caller');
    requireRole(caller, ['admin'], 'list tokens');
    const id = param(c, 'id', idParam);
    await userOfTeam(db, caller.teamId, id);
    // Never the hash: a token is shown once, when it is made.
    const rows = await db.select({ id: tokens.id, label: tokens.label, createdAt: tokens.createdAt, revokedAt: tokens.revokedAt }).from(tokens).where(eq(tokens.userId, id)).orderBy(tokens.id).limit(200);
    return c.json({ tokens: rows });
  });

  r.delete('/tokens/:id', async (c) => {
    const caller = c.get('caller');
    const id = param(c, 'id', idParam);
    const [t] = await db
      .select({ id: tokens.id, userId: tokens.userId })
      .from(tokens)
      .innerJoin(users, eq(users.id, tokens.userId))
      .where(and(eq(tokens.id, id), eq(users.teamId, caller.teamId), isNull(tokens.revokedAt)));
    // Anyone may revoke their own token; admins any token of their team.
    if (!t || (t.userId !== caller.userId && caller.role !== 'admin')) throw notFound('No such token.');
    await writeTransaction(db, async (tx) => {
      await revokeToken(tx, id);
      await audit(tx, { teamId: caller.teamId, userId: caller.userId, action: 'token.revoke', after: { tokenId: id } });
    });
    // Once committed, this process refuses it at once; others within CALLER_TTL_MS (auth/caller-cache.ts).
    callerCacheOf(db).forgetToken(id);
    return c.json({ revoked: id });
  });

  return r;
}
