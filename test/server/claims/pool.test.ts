// The public pool: an expired claim's customer may be claimed again under the
// team's territory rules (channels, departments, the last holder's cooldown,
// rotation between departments' pools, a cap on live claims).
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../harness/backends';
import { ageClaim, serverFixture } from '../harness/server-fixture';

const DAY = 86_400_000;

describe.each(BACKENDS)('the claim pool on %s', (backend) => {
  const f = serverFixture(backend, ['A'], { requestsPerMinute: 1e6 });
  const A = () => f.teams[0]!;
  let n = 0;

  const policy = (p: Record<string, unknown>) => f.call(A().tokens.manager, 'PUT', '/v1/claims/policy', p);
  const setUser = (who: 'rep' | 'rep2', patch: Record<string, unknown>) => f.call(A().tokens.admin, 'PATCH', `/v1/users/${A().userIds[who]}`, patch);
  /** A customer claimed by `who` that ran out `daysAgo` days ago. */
  async function expired(who: 'rep' | 'rep2', daysAgo: number): Promise<{ name: string; id: number }> {
    const name = `Pool Customer ${backend} ${++n} 有限公司`;
    const r = await f.call(A().tokens[who], 'POST', '/v1/claims', { customer: name, keys: [{ kind: 'company', value: name }] });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const c = r.json.claim as { id: number; claimedAt: string; expiresAt: string };
    await ageClaim(f.database, c.id, (Date.parse(c.expiresAt) - Date.parse(c.claimedAt)) / DAY + daysAgo);
    return { name, id: c.id };
  }
  const take = (who: 'rep' | 'rep2' | 'manager', name: string, route = '/v1/claims/pool') =>
    f.call(A().tokens[who], 'POST', route, { customer: name, keys: [{ kind: 'company', value: name.replace('有限公司', '') }] });

  it('an expired claim is in the pool; its last holder waits out the cooldown, someone else takes it', async () => {
    expect((await policy({})).status).toBe(201);
    const c = await expired('rep', 1);
    const look = await f.call(A().tokens.rep2, 'GET', `/v1/claims/lookup?kind=company&value=${encodeURIComponent(c.name)}`);
    expect(look.json).toMatchObject({ status: 'pool', mayClaim: true });
    const pool = (await f.call(A().tokens.rep2, 'GET', '/v1/claims/pool?limit=500')).json.pool as { claimId: number; customer: string; mayClaim: boolean }[];
    expect(pool.find((p) => p.claimId === c.id)).toMatchObject({ customer: c.name, mayClaim: true });
    expect(pool.find((p) => p.claimId === c.id)).not.toHaveProperty('holder');

    const back = await take('rep', c.name);
    expect(back.status).toBe(403);
    expect(back.json.error).toMatchObject({ code: 'pool_cooldown' });
    const until = Date.parse((back.json.error as unknown as { until: string }).until);
    expect(Math.round((until - Date.now()) / DAY)).toBe(6); // 7 days after it ran out, 1 day ago

    const won = await take('rep2', c.name);
    expect(won.status, JSON.stringify(won.json)).toBe(201);
    const after = (await f.call(A().tokens.rep2, 'GET', '/v1/claims/pool?limit=500')).json.pool as { claimId: number }[];
    expect(after.some((p) => p.claimId === c.id)).toBe(false);
    expect((await f.call(A().tokens.rep, 'GET', `/v1/claims/lookup?kind=company&value=${encodeURIComponent(c.name)}`)).json).toMatchObject({ status: 'taken' });
  });

  it('a customer that is free or held is not taken "from the pool"', async () => {
    expect((await take('rep', `Never Claimed ${++n}`)).json.error?.code).toBe('not_in_pool');
    const held = `Held Customer ${++n}`;
    expect((await f.call(A().tokens.rep, 'POST', '/v1/claims', { customer: held, keys: [{ kind: 'company', value: held }] })).status).toBe(201);
    expect((await take('rep2', held)).json.error?.code).toBe('already_claimed');
  });

  it('territory: channels and departments allowed to claim from the pool, through either route', async () => {
    await setUser('rep', { department: 'East' });
    await setUser('rep2', { department: 'West' });
    expect((await policy({ pool: { departments: ['East'], reclaimCooldownDays: 0 } })).status).toBe(201);
    const c = await expired('rep2', 1);
    for (const route of ['/v1/claims/pool', '/v1/claims']) {
      const r = await take('rep2', c.name, route);
      expect(r.status).toBe(403);
      expect(r.json.error).toMatchObject({ code: 'pool_department', allowed: ['East'] });
    }
    expect((await take('rep', c.name)).status).toBe(201);

    expect((await policy({ pool: { channels: ['direct', 'telesales'] } })).status).toBe(201);
    await setUser('rep2', { channel: 'partner:Acme' });
    const d = await expired('rep', 10);
    expect((await take('rep2', d.name)).json.error).toMatchObject({ code: 'pool_channel', channel: 'partner' });
    await setUser('rep2', { channel: 'direct' });
    expect((await take('rep2', d.name)).status).toBe(201);
  });

  it('rotation: after N periods in one department’s pool the customer moves to the next department’s', async () => {
    expect((await policy({ rotateAfterPeriods: 1, rotationDepartments: ['East', 'West'], pool: { reclaimCooldownDays: 0 } })).status).toBe(201);
    const fresh = await expired('rep', 1); // fell into East's pool a day ago
    expect((await take('rep2', fresh.name)).json.error).toMatchObject({ code: 'pool_department', department: 'East' });
    const old = await expired('rep', 15); // one 14-day period later it is West's
    const listed = ((await f.call(A().tokens.rep2, 'GET', '/v1/claims/pool?limit=500')).json.pool as { claimId: number; department: string; mayClaim: boolean }[]).find((p) => p.claimId === old.id);
    expect(listed).toMatchObject({ department: 'West', mayClaim: true });
    expect((await take('rep', old.name)).json.error).toMatchObject({ code: 'pool_department', department: 'West' });
    expect((await take('rep2', old.name)).status).toBe(201);
  });

  it('a cap on live claims per person', async () => {
    expect((await policy({ pool: { maxLiveClaims: 1 } })).status).toBe(201);
    const mine = (await f.call(A().tokens.manager, 'GET', '/v1/claims')).json.claims as unknown[];
    expect(mine.length).toBe(0);
    expect((await f.call(A().tokens.manager, 'POST', '/v1/claims', { customer: 'Cap 1', keys: [{ kind: 'company', value: `Cap One ${++n}` }] })).status).toBe(201);
    const second = await f.call(A().tokens.manager, 'POST', '/v1/claims', { customer: 'Cap 2', keys: [{ kind: 'company', value: `Cap Two ${++n}` }] });
    expect(second.status).toBe(409);
    expect(second.json.error).toMatchObject({ code: 'claim_limit', limit: 1 });
    expect((await policy({})).status).toBe(201);
  });

  it('a bad policy is refused with the path and changes nothing', async () => {
    const before = (await f.call(A().tokens.rep, 'GET', '/v1/claims/policy')).json.policy as { version: number };
    const r = await policy({ rotateAfterPeriods: 2, rotationDepartments: ['Only One'] });
    expect(r.status).toBe(400);
    expect(r.json.error?.path).toBe('rotationDepartments');
    expect((await policy({ pool: { channels: ['carrier pigeon'] } })).json.error?.path).toBe('pool.channels[0]');
    expect(((await f.call(A().tokens.rep, 'GET', '/v1/claims/policy')).json.policy as { version: number }).version).toBe(before.version);
  });
});
