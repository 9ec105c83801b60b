// The server's JSON log: one line a request with its id (the caller's
// X-Request-Id when it is a plain token, answered back; else a new one) and
// the route pattern — and nothing personal: requests carrying a token, a
// customer's name, phone number and email, a person's name and packet
// contents leave none of it in the log.
import { describe, expect, it } from 'vitest';
import { createApp } from '@/server/app';
import { createLogger } from '@/server/log/logger';
import { BACKENDS } from '../harness/backends';
import { serverFixture } from '../harness/server-fixture';
import { hlc } from '../harness/seed';

const SECRETS = {
  customer: '深圳隐私测试科技有限公司',
  phone: '+86 138 0013 8000',
  phoneDigits: '13800138000',
  email: 'wang.fang@privacy-probe.cn',
  person: '隐私测试王芳',
  content: '合同秘密条款 Clause-7781',
  dealKey: 'hubspot:1:privacy-probe-77',
};

describe.each(BACKENDS)('request log (%s)', (backend) => {
  const f = serverFixture(backend);

  it('one JSON line a request, with its id and route pattern, and no token or personal data', async () => {
    const lines: string[] = [];
    const app = createApp(f.database.db, { logger: createLogger('info', { write: (s: string) => void lines.push(s) }) });
    const { rep, admin } = f.teams[0]!.tokens;
    const send = (token: string, method: string, path: string, body?: unknown, requestId?: string) =>
      app.request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(requestId ? { 'x-request-id': requestId } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });

    const claimed = await send(rep, 'POST', '/v1/claims', { customer: SECRETS.customer, keys: [{ kind: 'company', value: SECRETS.customer }, { kind: 'phone', value: SECRETS.phone }, { kind: 'email', value: SECRETS.email }] }, 'proxy-req.42');
    expect(claimed.status).toBe(201);
    expect(claimed.headers.get('x-request-id')).toBe('proxy-req.42');
    const looked = await send(rep, 'GET', `/v1/claims/lookup?kind=phone&value=${encodeURIComponent(SECRETS.phone)}`);
    expect(looked.status).toBe(200);
    const pushed = await send(rep, 'POST', '/v1/sync/push', { clientId: 'log-probe', mutations: [{ id: 'lp-1', packetKey: SECRETS.dealKey, op: { kind: 'add', list: 'followUps', item: { id: 'lp-1', summary: SECRETS.content } }, hlc: hlc() }] });
    expect(pushed.status).toBe(200);
    expect((await send(rep, 'GET', `/v1/packets/${encodeURIComponent(SECRETS.dealKey)}`)).status).toBe(200);
    expect((await send(admin, 'POST', '/v1/users', { name: SECRETS.person, role: 'csm' })).status).toBe(201);
    // Refused input: its message quotes nothing into the log either.
    expect((await send(rep, 'POST', '/v1/claims', { customer: SECRETS.customer, keys: [{ kind: 'email', value: `${SECRETS.email} ${SECRETS.person}` }] })).status).toBe(400);
    expect((await send(`${rep}x`, 'GET', '/v1/me')).status).toBe(401);
    // An id that is not a plain token (a header injection attempt, or too long) is replaced.
    const odd = await send(rep, 'GET', '/v1/me', undefined, `x${'a'.repeat(200)}`);
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const entries = lines.map((l) => JSON.parse(l) as { reqId: string; method: string; route: string; status: number; ms: number; msg: string; level: number });
    expect(entries.map((e) => `${e.method} ${e.route} ${e.status}`)).toEqual([
      'POST /v1/claims 201',
      'GET /v1/claims/lookup 200',
      'POST /v1/sync/push 200',
      'GET /v1/packets/:key 200',
      'POST /v1/users 201',
      'POST /v1/claims 400',
      'GET /v1/me 401',
      'GET /v1/me 200',
    ]);
    expect(entries[0]!.reqId).toBe('proxy-req.42');
    expect(new Set(entries.map((e) => e.reqId)).size).toBe(entries.length);
    expect(entries.every((e) => e.msg === 'request' && typeof e.ms === 'number')).toBe(true);
    const log = lines.join('');
    for (const [what, text] of Object.entries({ ...SECRETS, repToken: rep, adminToken: admin })) expect(log, what).not.toContain(text);
    expect(log).not.toContain('privacy-probe');
    expect(log).not.toContain('Bearer');
  });
});
