// DATABASE_URL naming several hosts (server/db/failover-pool.ts): a host that
// refuses passes the turn to the next, and target_session_attrs=read-write
// refuses a server that does not take writes — the API then answers 503 with
// Retry-After, as during a failover, never 500 (so does a write PostgreSQL
// refuses on a read-only server). (The primary dying and its
// standby being promoted: test/drills/pg-failover.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/server/db/connect';
import { freePort } from '../../free-port';
import { freshDatabase } from '../harness/backends';
import { client, hlc, seedTeam, type Seeded } from '../harness/seed';

describe('a DATABASE_URL naming several hosts', () => {
  let live: Database & { url?: string };
  let team: Seeded;
  let at: { hostPort: string; rest: string };
  const opened: Database[] = [];
  const open = async (url: string) => {
    const d = await openDatabase({ databaseUrl: url, poolSize: 2 });
    opened.push(d);
    return d;
  };
  beforeAll(async () => {
    live = await freshDatabase('postgres');
    team = await seedTeam(live, 'Hosts');
    const m = /^postgres:\/\/postgres@([^/]+)(\/.*)$/.exec(live.url!)!;
    at = { hostPort: m[1]!, rest: m[2]! };
  });
  afterAll(async () => {
    for (const d of opened) await d.close();
    await live?.close();
  });

  it('skips a host that refuses connections and serves from the next, for queries and transactions alike', async () => {
    const dead = `127.0.0.1:${await freePort()}`; // nothing listens there
    const call = client(await open(`postgres://postgres@${dead},${at.hostPort}${at.rest}?target_session_attrs=read-write`));
    const m = { id: 'via-second-host', packetKey: 'hubspot:hosts:1', op: { kind: 'set', path: 'profile.industry', value: 'Retail' }, hlc: hlc() };
    const push = await call(team.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'hosts-device', mutations: [m] });
    expect(push.status).toBe(200);
    const claim = await call(team.tokens.rep, 'POST', '/v1/claims', { customer: '第二主机科技有限公司', keys: [{ kind: 'company', value: '第二主机科技有限公司' }] });
    expect(claim.status).toBe(201);
  });

  it('with target_session_attrs=read-write, a server that does not take writes is refused: 503 unavailable with Retry-After, no 500', async () => {
    const name = at.rest.slice(1);
    await live.exec(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
    try {
      const call = client(await open(`postgres://postgres@${at.hostPort},localhost:${at.hostPort.split(':')[1]}${at.rest}?target_session_attrs=read-write`));
      const res = await call(team.tokens.rep, 'POST', '/v1/claims', { customer: '只读主机有限公司', keys: [{ kind: 'company', value: '只读主机有限公司' }] });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.json.error?.code).toBe('unavailable');
      // Without the requirement the read-only server is taken, and PostgreSQL refuses the write itself
      // (25006): still 503, never 500. (A read is answered: rate counts are no longer written per request.)
      const any = client(await open(`postgres://postgres@${at.hostPort}${at.rest}`));
      const refused = await any(team.tokens.rep, 'POST', '/v1/claims', { customer: '只读主机有限公司', keys: [{ kind: 'company', value: '只读主机有限公司' }] });
      expect([refused.status, refused.headers.get('retry-after'), refused.json.error?.code]).toEqual([503, '5', 'unavailable']);
    } finally {
      await live.exec(`ALTER DATABASE ${name} SET default_transaction_read_only = off`);
    }
  });
});
