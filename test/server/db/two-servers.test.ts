// Two server instances (each with its own connection pool) against one
// PostgreSQL behave as one: what one accepts the other serves, a mutation sent
// to both is applied once, and racing pushes to one packet lose nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/server/db/connect';
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
});
