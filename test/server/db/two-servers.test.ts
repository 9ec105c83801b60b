// Two server instances (each with its own connection pool) against one
// PostgreSQL behave as one: what one accepts the other serves, a mutation sent
// to both is applied once, and racing pushes to one packet lose nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CALLER_TTL_MS } from '@/server/auth/caller-cache';
import { hashToken } from '@/server/auth/tokens';
import { openDatabase, type Database } from '@/server/db/connect';
import { tokens } from '@/server/db/schema';
import { freshDatabase } from '../harness/backends';
import { client, hlc, seedTeam, type Seeded } from '../harness/seed';

describe('two servers, one PostgreSQL', () => {
  let one: Database & { url?: string };
  let two: Database;
  let team: Seeded;
  beforeAll(async () => {
    one = await freshDatabase('postgres');
    two = await openDatabase({ databaseUrl: one.url!, poolSize: 10 });
    team = await seedTeam(one, 'Shared');
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  it('push on one, pull on the other; a duplicate sent to both is applied once; racing adds all kept', async () => {
    const a = client(one);
    const b = client(two);
    const key = 'dynamics:contoso.crm.dynamics.com:8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b';
    const m = { id: 'same-mutation', packetKey: key, op: { kind: 'set', path: 'profile.industry', value: 'Retail' }, hlc: hlc() };
    const [r1, r2] = await Promise.all([
      a(team.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'device-xyz', mutations: [m] }),
      b(team.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'device-xyz', mutations: [m] }),
    ]);
    const statuses = [(r1.json.results as { status: string }[])[0]!.status, (r2.json.results as { status: string }[])[0]!.status].sort();
    expect(statuses).toEqual(['applied', 'duplicate']);

    // 40 racing adds to the same list through both servers.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b)(team.tokens.rep, 'POST', '/v1/sync/push', {
          clientId: `device-${i % 4}-race`,
          mutations: [{ id: `race-${i}`, packetKey: key, op: { kind: 'add', list: 'followUps', item: { id: `f${i}`, summary: `call ${i}` } }, hlc: hlc(`n${i % 4}`) }],
        }),
      ),
    );
    const pulled = await b(team.tokens.manager, 'GET', '/v1/sync/pull?cursor=0');
    const p = (pulled.json.packets as { key: string; followUps: unknown[]; profile: { industry: string } }[]).find((x) => x.key === key)!;
    expect(p.profile.industry).toBe('Retail');
    expect(p.followUps).toHaveLength(40);
    const again = await a(team.tokens.manager, 'GET', `/v1/sync/pull?cursor=${pulled.json.cursor}`);
    expect(again.json.packets).toEqual([]);
  });

  it('a token revoked through one server is refused there at once and by the other within its caller cache time', async () => {
    const a = client(one);
    const b = client(two);
    const made = await a(team.tokens.admin, 'POST', `/v1/users/${team.userIds.csm}/tokens`, { label: 'two servers' });
    const token = made.json.token as string;
    // Both servers have seen it (and keep who it is for a moment).
    expect((await a(token, 'GET', '/v1/me')).status).toBe(200);
    expect((await b(token, 'GET', '/v1/me')).status).toBe(200);
    const [row] = await one.db.select({ id: tokens.id }).from(tokens).where(eq(tokens.hash, hashToken(token)));
    expect((await a(team.tokens.admin, 'DELETE', `/v1/tokens/${row!.id}`)).status).toBe(200);
    expect((await a(token, 'GET', '/v1/me')).status).toBe(401);
    const revokedAt = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < 20 * CALLER_TTL_MS) {
      status = (await b(token, 'GET', '/v1/me')).status;
      if (status === 200) await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(status).toBe(401);
  });

  it('the per-token rate limit counts the requests to both servers together', async () => {
    // Counts are per minute: start early in one, so the count is not reset midway.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((ok) => setTimeout(ok, 60_000 - intoMinute + 100));
    const limit = 8;
    const a = client(one, { requestsPerMinute: limit });
    const b = client(two, { requestsPerMinute: limit });
    // Each server alone would let 2 × limit through; shared, a refusal comes well before that.
    const statuses: number[] = [];
    for (let i = 0; i < 2 * limit && !statuses.includes(429); i++) {
      statuses.push((await (i % 2 ? a : b)(team.tokens.rep2, 'GET', '/v1/me')).status);
      await new Promise((ok) => setTimeout(ok, 250));
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((x) => x === 200).length).toBeLessThan(2 * limit - 1);
  });
});
