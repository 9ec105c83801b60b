// Claims on both drivers, and the race on PostgreSQL: 100 concurrent claims of
// one company spelled 100 ways → exactly one wins, 99 are told until when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/server/db/schema';
import { createToken } from '@/server/auth/tokens';
import type { Database } from '@/server/db/connect';
import { BACKENDS, freshDatabase } from '../harness/backends';
import { client, seedTeam, type Seeded } from '../harness/seed';

describe.each(BACKENDS)('claims on %s', (backend) => {
  let database: Database;
  let A: Seeded;
  let call: ReturnType<typeof client>;
  let partner: string;
  let partner2: string;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    A = await seedTeam(database, 'A');
    call = client(database, { requestsPerMinute: 1e6 });
    for (const [name, channel] of [['Partner One', 'partner:Acme Resell'], ['Partner Two', 'partner:Beta Channel']] as const) {
      const [u] = await database.db.insert(users).values({ teamId: A.teamId, name, role: 'rep', channel }).returning();
      const t = (await createToken(database.db, u!.id)).token;
      if (channel.includes('Acme')) partner = t;
      else partner2 = t;
    }
  });
  afterAll(() => database?.close());

  it('first claim wins for 14 days; another spelling is refused with the expiry; lookup answers', async () => {
    const first = await call(A.tokens.rep, 'POST', '/v1/claims', { customer: '台灣好食股份有限公司', keys: [{ kind: 'company', value: '台灣好食股份有限公司' }] });
    expect(first.status).toBe(201);
    const claim = first.json.claim as { id: number; expiresAt: string; claimedAt: string; status: string };
    expect(Date.parse(claim.expiresAt) - Date.parse(claim.claimedAt)).toBe(14 * 86_400_000);
    expect(claim.status).toBe('active');
    const second = await call(A.tokens.rep2, 'POST', '/v1/claims', { customer: 'Taiwan Haoshi', keys: [{ kind: 'company', value: '台湾好食有限公司' }] });
    expect(second.status).toBe(409);
    expect(second.json.error).toMatchObject({ code: 'already_claimed', until: new Date(claim.expiresAt).toISOString(), holder: { name: 'A rep' } });
    const look = await call(A.tokens.rep2, 'GET', `/v1/claims/lookup?kind=company&value=${encodeURIComponent('ＴＡＩＷＡＮ好食')}`);
    expect(look.json).toMatchObject({ status: 'free' }); // a different name: not folded into 台湾好食
    const look2 = await call(A.tokens.rep2, 'GET', `/v1/claims/lookup?kind=company&value=${encodeURIComponent('臺灣好食（中國）有限公司')}`);
    expect(look2.json).toMatchObject({ status: 'taken', holder: { name: 'A rep' } });
    expect((await call(A.tokens.rep, 'GET', `/v1/claims/lookup?kind=company&value=${encodeURIComponent('台湾好食')}`)).json).toMatchObject({ status: 'mine' });
  });

  it('partners see only "taken until", never another partner’s identity', async () => {
    expect((await call(partner, 'POST', '/v1/claims', { customer: 'Contoso', keys: [{ kind: 'company', value: 'Contoso Ltd' }] })).status).toBe(201);
    const refused = await call(partner2, 'POST', '/v1/claims', { customer: 'Contoso', keys: [{ kind: 'company', value: 'CONTOSO LIMITED' }] });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toHaveProperty('until');
    expect(refused.json.error).not.toHaveProperty('holder');
    expect(JSON.stringify(refused.json)).not.toContain('Partner One');
    const look = await call(partner2, 'GET', '/v1/claims/lookup?kind=company&value=Contoso%20Corp');
    expect(look.json).toMatchObject({ status: 'taken' });
    expect(look.json).not.toHaveProperty('holder');
    // A direct rep (or manager) may see who holds it.
    expect((await call(A.tokens.manager, 'GET', '/v1/claims/lookup?kind=company&value=Contoso')).json).toMatchObject({ holder: { name: 'Partner One' } });
  });

  it('a phone claimed with a company blocks that company, and the company blocks the phone', async () => {
    const r = await call(A.tokens.rep, 'POST', '/v1/claims', {
      customer: '上海远航物流',
      keys: [{ kind: 'company', value: '上海远航物流股份有限公司' }, { kind: 'phone', value: '+86 138 0013 8000' }],
    });
    expect(r.status).toBe(201);
    expect((await call(A.tokens.rep2, 'POST', '/v1/claims', { customer: 'x', keys: [{ kind: 'phone', value: '+86 13800138000' }] })).status).toBe(409);
    expect((await call(A.tokens.rep2, 'POST', '/v1/claims', { customer: 'x', keys: [{ kind: 'company', value: '上海远航物流' }] })).status).toBe(409);
    // Released: the customer is free again.
    const id = (r.json.claim as { id: number }).id;
    expect((await call(A.tokens.rep2, 'POST', `/v1/claims/${id}/release`)).status).toBe(404); // not theirs
    expect((await call(A.tokens.rep, 'POST', `/v1/claims/${id}/release`)).status).toBe(200);
    expect((await call(A.tokens.rep2, 'GET', '/v1/claims/lookup?kind=phone&value=%2B8613800138000')).json).toMatchObject({ status: 'free' });
    expect((await call(A.tokens.rep2, 'POST', '/v1/claims', { customer: 'x', keys: [{ kind: 'company', value: '上海远航物流' }] })).status).toBe(201);
  });

  it('bad keys are 400 with the path; free mail is not a key', async () => {
    const r = await call(A.tokens.rep, 'POST', '/v1/claims', { customer: 'x', keys: [{ kind: 'company', value: 'Acme' }, { kind: 'email', value: 'boss@qq.com' }] });
    expect(r.status).toBe(400);
    expect(r.json.error?.path).toBe('keys[1].value');
    expect((await call(A.tokens.rep, 'POST', '/v1/claims', { customer: 'x', keys: [] })).json.error?.path).toBe('keys');
  });

  it('lists mine; team only for managers', async () => {
    const mine = await call(A.tokens.rep, 'GET', '/v1/claims');
    expect((mine.json.claims as unknown[]).length).toBeGreaterThan(0);
    expect(mine.json.serverTime).toBeTruthy();
    expect((await call(A.tokens.rep, 'GET', '/v1/claims?scope=team')).status).toBe(403);
    expect((await call(A.tokens.manager, 'GET', '/v1/claims?scope=team')).status).toBe(200);
  });

  if (backend === 'postgres') {
    it('100 concurrent claims of one company, spelled differently → exactly 1 success, 99 clear refusals', async () => {
      const spellings = Array.from({ length: 100 }, (_, i) =>
        [`北京蓝海信息技术有限公司`, `北京藍海信息技術有限責任公司`, `北京蓝海信息技术`, `ＢＥＩＪＩＮＧ蓝海信息技术`.replace('ＢＥＩＪＩＮＧ', '北京'), `北京 蓝海 信息技术 (中国) 有限公司`][i % 5]!,
      );
      const who = ['rep', 'rep2', 'manager', 'admin'] as const;
      const results = await Promise.all(
        spellings.map((s, i) => call(A.tokens[who[i % who.length]!], 'POST', '/v1/claims', { customer: s, keys: [{ kind: 'company', value: s }] })),
      );
      const ok = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status === 409);
      expect(ok).toHaveLength(1);
      expect(refused).toHaveLength(99);
      const until = (ok[0]!.json.claim as { expiresAt: string }).expiresAt;
      for (const r of refused) expect(r.json.error).toMatchObject({ code: 'already_claimed', until: new Date(until).toISOString() });
    });

    it('100 concurrent claims whose spellings differ by legal form and phone extension → exactly 1 success', async () => {
      // The team reads local numbers as Indian ones (policy), so "080 …" is +91 80 ….
      expect((await call(A.tokens.manager, 'PUT', '/v1/claims/policy', { keys: { defaultRegion: 'IN' } })).status).toBe(201);
      const companies = ['Infosys Solutions Pvt. Ltd.', 'Infosys Solutions Private Limited', 'INFOSYS SOLUTIONS', 'Infosys Solutions Pvt Ltd', 'Ｉｎｆｏｓｙｓ Solutions Limited'];
      const phones = ['080 4116 7000 ext. 12', '(080) 4116 7000-8001', '+91 80 4116 7000 分机 5', '080-41167000 x9', '+91 (80) 4116-7000'];
      const who = ['rep', 'rep2', 'manager', 'admin'] as const;
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          call(A.tokens[who[i % who.length]!], 'POST', '/v1/claims', {
            customer: companies[i % 5]!,
            keys: [{ kind: 'company', value: companies[i % 5]! }, { kind: 'phone', value: phones[Math.floor(i / 5) % 5]! }],
          }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      const refused = results.filter((r) => r.status === 409);
      expect(refused).toHaveLength(99);
      for (const r of refused) expect(r.json.error).toMatchObject({ code: 'already_claimed' });
      const keys = (results.find((r) => r.status === 201)!.json.claim as { keys: string[] }).keys;
      expect(keys).toEqual(expect.arrayContaining(['company:infosyssolutions', 'phone:+918041167000']));
    });
  }
});
