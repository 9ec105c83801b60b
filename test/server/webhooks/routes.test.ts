// The webhook routes: secrets are write-only (never in an answer, nor in the
// audit log) and the URL comes back masked; bad settings are a 400 naming the
// field; chat identities are set by admins or the person; "send a test"
// answers with the tool's own verdict; a removed webhook's waiting notices are
// marked failed.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/server/db/connect';
import { enqueueNotice } from '@/server/webhooks/outbox';
import { freshDatabase } from '../harness/backends';
import { client, seedTeam, type Seeded } from '../harness/seed';
import { IMITATIONS, type Imitation } from './imitations';

const SECRET = 'SEC0f9e8d7c6b5a4f3e2d1c0b9a8';

describe('webhook routes (PGlite)', () => {
  let database: Database;
  let A: Seeded;
  let B: Seeded;
  let call: ReturnType<typeof client>;
  const robots: Imitation[] = [];

  beforeAll(async () => {
    database = await freshDatabase('pglite');
    A = await seedTeam(database, 'A');
    B = await seedTeam(database, 'B');
    call = client(database, { requestsPerMinute: 1e6 });
  });
  afterAll(async () => {
    await Promise.all(robots.map((r) => r.close()));
    await database?.close();
  });

  it('the secret is never returned nor written to the audit log; the URL token is masked', async () => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=4d1c0b9a8f7e6d5c4b3a29180716253443526170';
    const made = await call(A.tokens.manager, 'POST', '/v1/webhooks', { kind: 'dingtalk', url, secret: SECRET, keyword: '报备', name: '销售群' });
    expect(made.status).toBe(201);
    expect(made.json.webhook).toMatchObject({ kind: 'dingtalk', name: '销售群', hasSecret: true, keyword: '报备', url: 'https://oapi.dingtalk.com/robot/send?access_token=4d1c…' });
    const id = (made.json.webhook as { id: number }).id;
    const patched = await call(A.tokens.admin, 'PATCH', `/v1/webhooks/${id}`, { secret: `${SECRET}x` });
    const listed = await call(A.tokens.admin, 'GET', '/v1/webhooks');
    const audit = (await database.db.execute(sql`SELECT string_agg(coalesce(before::text, '') || coalesce(after::text, ''), ' ') AS t FROM audit_log`)) as unknown as { rows: { t: string }[] };
    for (const text of [JSON.stringify(made.json), JSON.stringify(patched.json), JSON.stringify(listed.json), audit.rows[0]!.t]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('4d1c0b9a8f7e6d5c4b3a29180716253443526170');
    }
    expect((await call(A.tokens.admin, 'PATCH', `/v1/webhooks/${id}`, { secret: null })).json.webhook).toMatchObject({ hasSecret: false });
  });

  it('bad settings: 400 with the field path, in the caller’s terms; nothing saved', async () => {
    const before = (await call(A.tokens.manager, 'GET', '/v1/webhooks')).json.webhooks as unknown[];
    const wecomSecret = await call(A.tokens.manager, 'POST', '/v1/webhooks', { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', secret: SECRET });
    expect(wecomSecret.status).toBe(400);
    expect(wecomSecret.json.error).toMatchObject({ code: 'invalid', path: 'secret', issues: [{ path: 'secret', code: 'notForKind' }] });
    expect(wecomSecret.json.error?.message).toBe('Signing secret: this chat tool has no such setting');
    const badUrl = await call(A.tokens.manager, 'POST', '/v1/webhooks', { kind: 'slack', url: 'javascript:alert(1)' });
    expect(badUrl.json.error).toMatchObject({ path: 'url' });
    expect(badUrl.json.error?.message).toMatch(/^Webhook address: /);
    const slack = await call(A.tokens.manager, 'POST', '/v1/webhooks', { kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/abcdefabcdefabcdef' });
    const kw = await call(A.tokens.manager, 'PATCH', `/v1/webhooks/${(slack.json.webhook as { id: number }).id}`, { keyword: 'Baton' });
    expect(kw.status).toBe(400);
    expect(kw.json.error).toMatchObject({ path: 'keyword', issues: [{ code: 'notForKind' }] });
    expect(((await call(A.tokens.manager, 'GET', '/v1/webhooks')).json.webhooks as unknown[]).length).toBe(before.length + 1);
    const mobile = await call(A.tokens.admin, 'PUT', `/v1/users/${A.userIds.rep}/chat`, { mobile: '138 0013 8000' });
    expect(mobile.status).toBe(400);
    expect(mobile.json.error).toMatchObject({ path: 'mobile', issues: [{ path: 'mobile', code: 'e164' }] });
    expect(mobile.json.error?.message).toBe('Mobile (international form): must be a number in international form, like +8613800138000');
  });

  it('chat identity: admins for anyone in their team, a person for themselves only', async () => {
    expect((await call(A.tokens.rep, 'PUT', `/v1/users/${A.userIds.rep}/chat`, { slack: 'U012AB3CD' })).json.user).toMatchObject({ chat: { slack: 'U012AB3CD' } });
    expect((await call(A.tokens.rep, 'PUT', `/v1/users/${A.userIds.csm}/chat`, { slack: 'U012AB3CE' })).status).toBe(403);
    expect((await call(A.tokens.admin, 'PUT', `/v1/users/${B.userIds.rep}/chat`, { slack: 'U012AB3CF' })).status).toBe(404);
  });

  it('send a test: the tool’s own answer, success or refusal', async () => {
    const ok = await IMITATIONS.feishu({ secret: 'feishu-secret-1', keywords: ['Baton'] });
    const gone = await IMITATIONS.slack({ removed: true });
    robots.push(ok, gone);
    const good = await call(A.tokens.manager, 'POST', '/v1/webhooks', { kind: 'feishu', url: ok.url, secret: 'feishu-secret-1', keyword: 'Baton' });
    const removed = await call(A.tokens.manager, 'POST', '/v1/webhooks', { kind: 'slack', url: gone.url });
    expect((await call(A.tokens.manager, 'POST', `/v1/webhooks/${(good.json.webhook as { id: number }).id}/test`)).json.result).toEqual({ outcome: 'delivered', message: null });
    expect(ok.shown[0]!.text).toContain('Baton: test message');
    expect((await call(A.tokens.manager, 'POST', `/v1/webhooks/${(removed.json.webhook as { id: number }).id}/test`)).json.result).toEqual({ outcome: 'failed', message: '403 invalid_token' });
    expect((await call(B.tokens.manager, 'POST', `/v1/webhooks/${(good.json.webhook as { id: number }).id}/test`)).status).toBe(404);
    expect((await call(A.tokens.rep, 'POST', `/v1/webhooks/${(good.json.webhook as { id: number }).id}/test`)).status).toBe(403);
  });

  it('removing a webhook marks its waiting notices failed and drops it from the list', async () => {
    const made = await call(B.tokens.manager, 'POST', '/v1/webhooks', { kind: 'wecom', url: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=x' });
    const id = (made.json.webhook as { id: number }).id;
    await database.db.transaction((tx) => enqueueNotice(tx, B.teamId, 'removal-test', { event: 'conflict.opened', title: 'Claim conflict: X', lines: [] }));
    expect((await call(A.tokens.manager, 'DELETE', `/v1/webhooks/${id}`)).status).toBe(404);
    expect((await call(B.tokens.manager, 'DELETE', `/v1/webhooks/${id}`)).status).toBe(200);
    expect((await call(B.tokens.manager, 'GET', '/v1/webhooks')).json.webhooks).toEqual([]);
    const row = ((await database.db.execute(sql`SELECT failed_at, last_error FROM webhook_outbox WHERE idempotency_key = ${`removal-test:${id}`}`)) as unknown as { rows: { failed_at: string | null; last_error: string }[] }).rows[0]!;
    expect(row).toMatchObject({ failed_at: expect.anything(), last_error: 'webhook removed' });
  });
});
