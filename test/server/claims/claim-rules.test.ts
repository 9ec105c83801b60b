// Issue 12 through the HTTP API, on PGlite and PostgreSQL: the team's phone
// region and free-mail domains, anti-hoarding for every claim (daily cap, live
// cap, re-claim cooldown — each refusal names its rule and until when), key
// accounts (claims per department / product line), aliases (audited, shown in
// disputes), the history a customer brings from the pool, escalating
// reminders and the managers' daily digest.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { sweepDigest } from '@/server/claims/claim-digest';
import { sweepExpiring } from '@/server/claims/expiring-notices';
import { BACKENDS } from '../harness/backends';
import { ageClaim, serverFixture } from '../harness/server-fixture';

const DAY = 86_400_000;
type Team = { tokens: Record<'rep' | 'rep2' | 'csm' | 'manager' | 'admin', string>; userIds: Record<string, number>; teamId: number };
type Who = 'rep' | 'rep2' | 'manager' | 'admin';

describe.each(BACKENDS)('claim rules on %s', (backend) => {
  const f = serverFixture(backend, ['Region', 'Caps', 'Lines', 'Aliases', 'Reminders', 'Other'], { requestsPerMinute: 1e6 });
  const team = (i: number) => f.teams[i] as Team;
  const policy = (t: Team, p: Record<string, unknown>) => f.call(t.tokens.manager, 'PUT', '/v1/claims/policy', p);
  const claim = (t: Team, who: Who, keys: { kind: string; value: string }[], extra: Record<string, unknown> = {}) =>
    f.call(t.tokens[who], 'POST', '/v1/claims', { customer: keys[0]!.value, keys, ...extra });
  const company = (value: string) => [{ kind: 'company', value }];
  const lookup = (t: Team, who: Who, kind: string, value: string, line?: string) =>
    f.call(t.tokens[who], 'GET', `/v1/claims/lookup?kind=${kind}&value=${encodeURIComponent(value)}${line ? `&line=${encodeURIComponent(line)}` : ''}`);
  const audits = async (teamId: number, action: string) =>
    ((await f.database.db.execute(sql`SELECT after, before FROM audit_log WHERE team_id = ${teamId} AND action = ${action} ORDER BY id`)) as unknown as { rows: { after: unknown; before: unknown }[] }).rows;

  it('phones: the team region set by a manager reads local numbers; a local number without its area code is refused with its reason', async () => {
    const T = team(0);
    // No region yet: a locally written number is not a key, and says why.
    const none = await claim(T, 'rep', [{ kind: 'phone', value: '(02) 2345-6789' }]);
    expect(none.status).toBe(400);
    expect(none.json.error).toMatchObject({ path: 'keys[0].value', reason: 'phone_no_region' });
    expect((await policy(T, { keys: { defaultRegion: 'XX' } })).json.error).toMatchObject({ path: 'keys.defaultRegion' });
    expect((await policy(T, { keys: { defaultRegion: 'tw' } })).status).toBe(201);
    expect(((await f.call(T.tokens.rep, 'GET', '/v1/claims/policy')).json.policy as { keys: unknown }).keys).toMatchObject({ defaultRegion: 'TW' });
    expect((await claim(T, 'rep', [{ kind: 'phone', value: '(02) 2345-6789 分機 12' }])).status).toBe(201);
    expect((await lookup(T, 'rep2', 'phone', '+886 2 2345 6789')).json).toMatchObject({ status: 'taken', key: 'phone:+886223456789' });
    expect((await claim(T, 'rep2', [{ kind: 'phone', value: '+886-2-2345-6789' }])).json.error).toMatchObject({ code: 'already_claimed' });
    const local = await claim(T, 'rep2', [{ kind: 'company', value: '台北某公司' }, { kind: 'phone', value: '2345-6789' }]);
    expect(local.status).toBe(400);
    expect(local.json.error).toMatchObject({ path: 'keys[1].value', reason: 'phone_incomplete' });
    // Another team's region is its own: the same local digits are not read as Taiwanese there.
    expect((await lookup(team(5), 'rep', 'phone', '(02) 2345-6789')).json.error).toMatchObject({ reason: 'phone_no_region' });
  });

  it('email domains: paid and regional free mail is not a key; the team adds its own free-mail domains', async () => {
    const T = team(0);
    for (const e of ['boss@vip.qq.com', 'a@vip.163.com', 'b@sina.com.cn', 'c@yahoo.co.jp', 'd@t-online.de'])
      expect((await claim(T, 'rep', [{ kind: 'company', value: `Shop ${e}` }, { kind: 'email', value: e }])).json.error, e).toMatchObject({ reason: 'free_mail' });
    expect((await claim(T, 'rep', [{ kind: 'email', value: 'x@campus-mail.edu.tw' }])).status).toBe(201);
    expect((await policy(T, { keys: { defaultRegion: 'TW', freeMailDomains: ['Staff-Mail.com.tw'] } })).status).toBe(201);
    expect((await claim(T, 'rep2', [{ kind: 'email', value: 'y@staff-mail.com.tw' }])).json.error).toMatchObject({ reason: 'free_mail' });
    expect((await claim(team(5), 'rep', [{ kind: 'email', value: 'y@staff-mail.com.tw' }])).status).toBe(201);
  });

  it('anti-hoarding: the daily cap counts every new claim of the last 24 hours, released or not, and says until when', async () => {
    const T = team(1);
    expect((await policy(T, { antiHoarding: { newClaimsPerDay: 2 } })).status).toBe(201);
    const first = await claim(T, 'rep', company('Daily One'));
    expect((await claim(T, 'rep', company('Daily Two'))).status).toBe(201);
    expect((await f.call(T.tokens.rep, 'POST', `/v1/claims/${(first.json.claim as { id: number }).id}/release`)).status).toBe(200);
    const third = await claim(T, 'rep', company('Daily Three'));
    expect(third.status).toBe(409);
    const until = Date.parse((first.json.claim as { claimedAt: string }).claimedAt) + DAY;
    expect(third.json.error).toMatchObject({ code: 'daily_cap', limit: 2, count: 2, until: new Date(until).toISOString() });
    expect((await claim(T, 'rep2', company('Daily Three'))).status).toBe(201); // another rep's own count
    await ageClaim(f.database, (first.json.claim as { id: number }).id, 1.01);
    expect((await claim(T, 'rep', company('Daily Four'))).status).toBe(201);
  });

  it('anti-hoarding: the live cap says which claim ends first; the re-claim cooldown covers released and expired claims', async () => {
    const T = team(1);
    expect((await policy(T, { antiHoarding: { maxLiveClaims: 1, reclaimCooldownDays: 3 } })).status).toBe(201);
    const live = await claim(T, 'manager', company('Live One'));
    const capped = await claim(T, 'manager', company('Live Two'));
    expect(capped.json.error).toMatchObject({ code: 'claim_limit', limit: 1, count: 1, until: (live.json.claim as { expiresAt: string }).expiresAt });
    const id = (live.json.claim as { id: number }).id;
    expect((await f.call(T.tokens.manager, 'POST', `/v1/claims/${id}/release`)).status).toBe(200);
    const back = await claim(T, 'manager', company('Live One'));
    expect(back.status).toBe(409);
    expect(back.json.error).toMatchObject({ code: 'reclaim_cooldown', days: 3 });
    expect(Date.parse((back.json.error as unknown as { until: string }).until) - Date.now()).toBeGreaterThan(2.9 * DAY);
    expect((await claim(T, 'admin', company('Live One'))).status).toBe(201); // anyone else may
  });

  it('key accounts: a line claim blocks the same line only; a whole-customer claim blocks every line and the other way round', async () => {
    const T = team(2);
    const X = company('华为技术有限公司');
    expect((await claim(T, 'rep', X, { line: 'Cloud BU' })).status).toBe(201);
    expect((await claim(T, 'rep2', X, { line: '终端' })).status).toBe(201);
    const same = await claim(T, 'rep2', [{ kind: 'company', value: '華為技術' }], { line: 'cloud-bu' });
    expect(same.json.error).toMatchObject({ code: 'already_claimed', line: 'cloud bu' });
    expect((await claim(T, 'manager', X)).json.error).toMatchObject({ code: 'already_claimed' });
    expect((await lookup(T, 'manager', 'company', '华为技术', 'Cloud BU')).json).toMatchObject({ status: 'taken', line: 'cloud bu' });
    expect((await lookup(T, 'manager', 'company', '华为技术', 'Enterprise')).json).toMatchObject({ status: 'free' });
    expect((await lookup(T, 'manager', 'company', '华为技术')).json).toMatchObject({ status: 'taken' });
    // Both lines released: the whole customer may be claimed, and then no line may.
    for (const c of ((await f.call(T.tokens.manager, 'GET', '/v1/claims?scope=team')).json.claims as { id: number; userId: number }[]))
      await f.call(T.tokens.manager, 'POST', `/v1/claims/${c.id}/release`);
    expect((await claim(T, 'manager', X)).status).toBe(201);
    expect((await claim(T, 'rep', X, { line: 'Enterprise' })).json.error).toMatchObject({ code: 'already_claimed' });
  });

  if (backend === 'postgres')
    it('key accounts under a race: 60 concurrent claims of two lines → one winner per line; with whole-customer claims in the mix → exactly one', async () => {
      const T = team(2);
      const who: Who[] = ['rep', 'rep2', 'manager', 'admin'];
      const race = (name: string, lineOf: (i: number) => string | undefined) =>
        Promise.all(Array.from({ length: 60 }, (_, i) => claim(T, who[i % 4]!, company(i % 2 ? `${name} Ltd` : `${name} 有限公司`), lineOf(i) ? { line: lineOf(i) } : {})));
      const lines = await race('Race Lines', (i) => (i % 3 ? 'Storage' : 'Network'));
      expect(lines.filter((r) => r.status === 201)).toHaveLength(2);
      expect(lines.filter((r) => r.status === 409)).toHaveLength(58);
      const mixed = await race('Race Mixed', (i) => (i % 2 ? 'Storage' : undefined));
      expect(mixed.filter((r) => r.status === 201)).toHaveLength(1);
    });

  it('aliases: the holder links another name; look-up and claim honour it; changes are audited and shown in a dispute', async () => {
    const T = team(3);
    const made = await claim(T, 'rep', company('华为技术有限公司'));
    const claimId = (made.json.claim as { id: number }).id;
    const link = { key: { kind: 'company', value: '华为技术有限公司' }, alias: { kind: 'company', value: 'Huawei Technologies Co., Ltd.' } };
    expect((await f.call(T.tokens.rep2, 'POST', '/v1/claims/aliases', link)).status).toBe(403); // not theirs
    const added = await f.call(T.tokens.rep, 'POST', '/v1/claims/aliases', link);
    expect(added.status).toBe(201);
    expect((await f.call(T.tokens.rep, 'POST', '/v1/claims/aliases', link)).json.error).toMatchObject({ code: 'alias_exists' });
    expect((await lookup(T, 'rep2', 'company', 'HUAWEI TECHNOLOGIES')).json).toMatchObject({ status: 'taken' });
    expect((await claim(T, 'rep2', company('Huawei Technologies Ltd'))).json.error).toMatchObject({ code: 'already_claimed' });
    // Someone else's customer cannot be pulled in by a rep.
    await claim(T, 'rep2', company('荣耀终端有限公司'));
    const grab = await f.call(T.tokens.rep, 'POST', '/v1/claims/aliases', { key: { kind: 'company', value: '华为技术' }, alias: { kind: 'company', value: '荣耀终端' } });
    expect(grab.json.error).toMatchObject({ code: 'alias_taken' });
    // A dispute shows the alias and who made it; removal is kept too.
    expect((await f.call(T.tokens.rep2, 'POST', `/v1/claims/${claimId}/conflicts`, { evidence: 'I called Huawei Technologies first' })).status).toBe(201);
    const aliasId = (added.json.alias as { id: number }).id;
    expect((await f.call(T.tokens.rep2, 'DELETE', `/v1/claims/aliases/${aliasId}`)).status).toBe(403);
    expect((await f.call(T.tokens.manager, 'DELETE', `/v1/claims/aliases/${aliasId}`)).status).toBe(200);
    expect((await lookup(T, 'rep2', 'company', 'Huawei Technologies')).json).toMatchObject({ status: 'free' });
    const conflicts = (await f.call(T.tokens.manager, 'GET', '/v1/claims/conflicts')).json.conflicts as { claimId: number; aliases: unknown[] }[];
    expect(conflicts.find((c) => c.claimId === claimId)!.aliases).toEqual([
      expect.objectContaining({ names: expect.arrayContaining(['Huawei Technologies Co., Ltd.']), createdBy: expect.objectContaining({ name: 'Aliases rep' }), removedAt: expect.any(String) }),
    ]);
    expect(await audits(T.teamId, 'claim.alias_add')).toHaveLength(1);
    expect(await audits(T.teamId, 'claim.alias_remove')).toHaveLength(1);
    // A manager may link any two names.
    expect((await f.call(T.tokens.manager, 'POST', '/v1/claims/aliases', { key: { kind: 'company', value: '荣耀终端' }, alias: { kind: 'company', value: 'Honor Device Co., Ltd.' } })).status).toBe(201);
    expect(((await f.call(T.tokens.rep, 'GET', '/v1/claims/aliases?kind=company&value=Honor%20Device')).json.aliases as unknown[]).length).toBe(1);
  });

  it('history comes with the customer from the pool: earlier holder, how it ended, stage evidence, conflicts; never to the wrong people', async () => {
    const T = team(3);
    expect((await policy(T, { mode: 'ladder' })).status).toBe(201);
    const made = await claim(T, 'rep', company('历史客户有限公司'));
    const id = (made.json.claim as { id: number }).id;
    expect((await f.call(T.tokens.rep, 'POST', `/v1/claims/${id}/stages`, { stage: 'callAndVisit', evidence: 'Visited the Shenzhen office on 3 Nov' })).status).toBe(200);
    expect((await f.call(T.tokens.rep2, 'POST', `/v1/claims/${id}/conflicts`, { evidence: 'Met them at the fair' })).status).toBe(201);
    await ageClaim(f.database, id, 40);
    const taken = await f.call(T.tokens.rep2, 'POST', '/v1/claims/pool', { customer: '历史客户', keys: company('历史客户') });
    expect(taken.status).toBe(201);
    const newId = (taken.json.claim as { id: number }).id;
    const h = await f.call(T.tokens.rep2, 'GET', `/v1/claims/${newId}/history`);
    expect(h.status).toBe(200);
    expect(h.json.earlier).toEqual([
      expect.objectContaining({
        claimId: id,
        holder: expect.objectContaining({ name: 'Aliases rep' }),
        ended: expect.objectContaining({ how: 'expired' }),
        stages: [expect.objectContaining({ stage: 'callAndVisit', evidence: 'Visited the Shenzhen office on 3 Nov' })],
        conflicts: [expect.objectContaining({ evidence: 'Met them at the fair' })],
      }),
    ]);
    expect((await f.call(T.tokens.rep, 'GET', `/v1/claims/${newId}/history`)).status).toBe(404); // not the holder any more
    expect((await f.call(T.tokens.manager, 'GET', `/v1/claims/${newId}/history`)).status).toBe(200);
    expect((await f.call(team(5).tokens.manager, 'GET', `/v1/claims/${newId}/history`)).status).toBe(404);
  });

  it('reminders escalate: the rep at each threshold, the manager named too at the last; the daily digest goes out once a day', async () => {
    const T = team(4);
    expect((await f.call(T.tokens.manager, 'POST', '/v1/webhooks', { kind: 'slack', url: 'http://127.0.0.1:9/hook' })).status).toBe(201);
    expect((await policy(T, { notifyDays: [3, 1], reminders: { escalateToManager: true, managerDigest: true } })).status).toBe(201);
    const made = await claim(T, 'rep', company('Reminder Co'));
    const id = (made.json.claim as { id: number }).id;
    const outbox = async () =>
      ((await f.database.db.execute(sql`SELECT idempotency_key AS k, body::text AS body FROM webhook_outbox WHERE team_id = ${T.teamId} ORDER BY id`)) as unknown as { rows: { k: string; body: string }[] }).rows;
    await f.database.db.execute(sql`UPDATE claims SET expires_at = now() + interval '60 hours' WHERE id = ${id}`);
    await sweepExpiring(f.database.db);
    const first = (await outbox()).filter((n) => n.k.startsWith(`claim.expiring:${id}:`));
    expect(first).toHaveLength(1);
    expect(first[0]!.body).toContain('Reminders rep');
    expect(first[0]!.body).not.toContain('Reminders manager');
    await f.database.db.execute(sql`UPDATE claims SET expires_at = now() + interval '20 hours' WHERE id = ${id}`);
    await sweepExpiring(f.database.db);
    const last = (await outbox()).filter((n) => n.k.startsWith(`claim.expiring:${id}:1`));
    expect(last).toHaveLength(1);
    expect(last[0]!.body).toContain('Reminders manager');
    expect(await sweepDigest(f.database.db)).toBeGreaterThanOrEqual(1);
    expect(await sweepDigest(f.database.db)).toBe(0);
    const digest = (await outbox()).filter((n) => n.k.startsWith(`claims.digest:${T.teamId}:`));
    expect(digest).toHaveLength(1);
    expect(digest[0]!.body).toContain('Reminder Co');
  });
});
