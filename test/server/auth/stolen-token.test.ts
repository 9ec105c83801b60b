// Someone holding a stolen token, or a copy of the database (docs/threat-model.md):
// the database keeps only SHA-256 hashes, so a leaked copy yields no working
// token; a stolen token works only as its owner, in its owner's team, until revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { hashToken } from '@/server/auth/tokens';
import type { Database } from '@/server/db/connect';
import { tokens } from '@/server/db/schema';
import { BACKENDS, freshDatabase } from '../harness/backends';
import { client, seedTeam, type Seeded } from '../harness/seed';

describe.each(BACKENDS)('a stolen token or database copy on %s', (backend) => {
  let database: Database;
  let a: Seeded;
  let b: Seeded;
  let call: ReturnType<typeof client>;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    a = await seedTeam(database, 'A');
    b = await seedTeam(database, 'B');
    call = client(database);
  });
  afterAll(() => database?.close());

  it('a copy of the tokens table holds no token, and a hash presented as a token is refused', async () => {
    const rows = await database.db.select().from(tokens);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const dump = JSON.stringify(rows);
    for (const t of [...Object.values(a.tokens), ...Object.values(b.tokens)]) expect(dump).not.toContain(t);
    const repHash = hashToken(a.tokens.rep);
    expect(rows.some((r) => r.hash === repHash)).toBe(true);
    expect((await call(repHash, 'GET', '/v1/me')).status).toBe(401);
    expect((await call(`bt_${repHash}`, 'GET', '/v1/me')).status).toBe(401);
  });

  it('a stolen rep token acts only as that rep: not a manager’s or admin’s routes', async () => {
    const me = await call(a.tokens.rep, 'GET', '/v1/me');
    expect(me.status).toBe(200);
    expect((me.json as { user: { role: string } }).user.role).toBe('rep');
    // Another team's data: test/server/http/authz-matrix.test.ts (every route × role × team).
    expect((await call(a.tokens.rep, 'GET', '/v1/users')).status).toBe(403);
    // Nor revoke the admin's token to lock the team out.
    const [admin] = await database.db.select().from(tokens).where(eq(tokens.hash, hashToken(a.tokens.admin)));
    expect([403, 404]).toContain((await call(a.tokens.rep, 'DELETE', `/v1/tokens/${admin!.id}`)).status);
    expect((await call(a.tokens.admin, 'GET', '/v1/me')).status).toBe(200);
  });

  it('once revoked, the stolen token fails at once', async () => {
    const [row] = await database.db.select().from(tokens).where(eq(tokens.hash, hashToken(b.tokens.rep)));
    expect((await call(b.tokens.rep, 'GET', '/v1/me')).status).toBe(200);
    const revoked = await call(b.tokens.admin, 'DELETE', `/v1/tokens/${row!.id}`);
    expect([200, 204]).toContain(revoked.status);
    expect((await call(b.tokens.rep, 'GET', '/v1/me')).status).toBe(401);
  });
});
