// Drafting by the team's own model (issue 19 item 4) against a real HTTP
// endpoint speaking the OpenAI chat-completions format, on both drivers: off
// by default (409, nothing sent); the admin's settings (key never shown, kept
// when left out, not in the audit log); what is sent (the packet's follow-ups
// and notes, in the packet's language, to the configured address only); what
// comes back (fields, or the text when the model ignored the format); each
// failure a 502 with its own code and the packet untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, packets } from '@/server/db/schema';
import { BACKENDS } from '../harness/backends';
import { startChatEndpoint, type ChatEndpoint } from '../harness/chat-endpoint';
import { hlc } from '../harness/seed';
import { serverFixture } from '../harness/server-fixture';

const KEY = 'hubspot:4471:9001';

describe.each(BACKENDS)('drafting on %s', (backend) => {
  const f = serverFixture(backend, ['A', 'B'], { requestsPerMinute: 1e6 });
  let model: ChatEndpoint;
  beforeAll(async () => {
    model = await startChatEndpoint();
  });
  afterAll(() => model?.close());
  const A = () => f.teams[0]!;
  const draft = (token: string, kind = 'whyWon', locale = 'en') => f.call(token, 'POST', '/v1/drafts', { key: KEY, kind, locale });
  const stored = async () => (await f.database.db.select({ data: packets.data }).from(packets).where(and(eq(packets.teamId, A().teamId), eq(packets.key, KEY))))[0]!.data;

  it('is off until an admin sets it: 409 drafting_off, nothing sent', async () => {
    const ops = [
      { kind: 'add', list: 'followUps', item: { id: 'f1', date: '2026-10-12', who: '王磊', kind: 'visit', summary: '客户现场演示，财务总监关心月结对账要从三天缩短到半天' } },
      { kind: 'add', list: 'followUps', item: { id: 'f2', date: '2026-10-20', who: '王磊', kind: 'call', summary: '竞品报价低 10%，但无法对接用友' } },
      { kind: 'set', path: 'salesNotes', value: '决策人是 CFO 李娜，最看重与用友 U8 的对接' },
    ];
    const push = await f.call(A().tokens.rep, 'POST', '/v1/sync/push', { clientId: 'drafting', mutations: ops.map((op, i) => ({ id: `d${i}`, packetKey: KEY, op, hlc: hlc() })) });
    expect(push.status).toBe(200);
    const r = await draft(A().tokens.rep);
    expect(r.status).toBe(409);
    expect(r.json.error).toMatchObject({ code: 'drafting_off' });
    expect(model.requests).toHaveLength(0);
    expect((await f.call(A().tokens.rep, 'GET', '/v1/team/drafting')).json.policy).toEqual({ enabled: false, endpoint: '', model: '', hasKey: false });
  });

  it('only an admin sets it; bad settings are 400 with the field; the key is never shown nor audited', async () => {
    expect((await f.call(A().tokens.manager, 'PUT', '/v1/team/drafting', { enabled: true, endpoint: model.base, model: 'qwen' })).status).toBe(403);
    const bad = await f.call(A().tokens.admin, 'PUT', '/v1/team/drafting', { enabled: true, endpoint: 'ftp://x', model: '' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ issues: [{ path: 'endpoint', code: 'url' }, { path: 'model', code: 'required' }] });
    expect((await f.call(A().tokens.rep, 'GET', '/v1/team/drafting')).json.policy).toMatchObject({ enabled: false });

    const put = await f.call(A().tokens.admin, 'PUT', '/v1/team/drafting', { enabled: true, endpoint: model.base, model: 'qwen2.5:7b', apiKey: 'sk-team-secret' });
    expect(put.status).toBe(201);
    expect(put.json.policy).toEqual({ enabled: true, endpoint: model.base, model: 'qwen2.5:7b', hasKey: true });
    // a second save without the key keeps it
    await f.call(A().tokens.admin, 'PUT', '/v1/team/drafting', { enabled: true, endpoint: model.base, model: 'qwen2.5:7b' });
    expect((await f.call(A().tokens.manager, 'GET', '/v1/team/drafting')).json.policy).toEqual({ enabled: true, endpoint: model.base, model: 'qwen2.5:7b', hasKey: true });
    // reps see that it is on and the model, not where it runs
    expect((await f.call(A().tokens.rep, 'GET', '/v1/team/drafting')).json.policy).toEqual({ enabled: true, endpoint: '', model: 'qwen2.5:7b', hasKey: true });
    const logged = await f.database.db.select({ before: auditLog.before, after: auditLog.after }).from(auditLog).where(eq(auditLog.action, 'team.drafting'));
    expect(logged.length).toBe(2);
    expect(JSON.stringify(logged)).not.toContain('sk-team-secret');
    // team B is untouched
    expect((await f.call(f.teams[1]!.tokens.rep, 'GET', '/v1/team/drafting')).json.policy).toMatchObject({ enabled: false });
  });

  it('sends the follow-ups and notes, in the packet’s language, to the configured address with the key; answers fields', async () => {
    const before = await stored();
    model.reply({ text: '```json\n{"decisivePoints": "能对接用友 U8", "problemsToSolve": "月结对账从三天缩短到半天"}\n```', model: 'qwen2.5:7b' });
    const r = await draft(A().tokens.rep, 'whyWon', 'en');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ kind: 'whyWon', language: 'zh-CN', model: 'qwen2.5:7b', whyWon: { decisivePoints: '能对接用友 U8', problemsToSolve: '月结对账从三天缩短到半天' }, expectations: null });
    const sent = model.requests.at(-1)!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer sk-team-secret');
    const body = sent.body as { model: string; stream: boolean; messages: { role: string; content: string }[] };
    expect(body.model).toBe('qwen2.5:7b');
    expect(body.stream).toBe(false);
    const text = body.messages.map((m) => m.content).join('\n');
    expect(text).toContain('Simplified Chinese');
    expect(text).toContain('月结对账要从三天缩短到半天');
    expect(text).toContain('最看重与用友 U8 的对接');
    expect(await stored()).toEqual(before);
  });

  it('an answer outside the format comes back as text; expectations drop empty goals', async () => {
    model.reply({ text: 'Sorry, I can only chat.' });
    const r = await draft(A().tokens.rep, 'whyWon');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ whyWon: null, text: 'Sorry, I can only chat.' });
    model.reply({ text: '{"goals": [{"goal": "月结对账缩短到半天", "target": "2027 年 3 月前"}, {"goal": "  "}], "featureAsks": "用友 U8 对接"}' });
    const e = await draft(A().tokens.rep, 'expectations');
    expect(e.json.expectations).toEqual({ goals: [{ goal: '月结对账缩短到半天', target: '2027 年 3 月前' }], featureAsks: '用友 U8 对接' });
  });

  it('each failure is a 502 with its own code, and the packet is untouched', async () => {
    const before = await stored();
    model.reply({ status: 401 });
    let r = await draft(A().tokens.rep);
    expect([r.status, r.json.error]).toMatchObject([502, { code: 'model_refused', upstreamStatus: 401 }]);
    model.reply({ raw: '<html>login</html>' });
    r = await draft(A().tokens.rep);
    expect([r.status, r.json.error]).toMatchObject([502, { code: 'model_answer' }]);
    model.reply({ text: '' });
    r = await draft(A().tokens.rep);
    expect([r.status, r.json.error]).toMatchObject([502, { code: 'model_answer' }]);
    await f.call(A().tokens.admin, 'PUT', '/v1/team/drafting', { enabled: true, endpoint: 'http://127.0.0.1:9/v1', model: 'qwen2.5:7b' });
    r = await draft(A().tokens.rep);
    expect([r.status, r.json.error]).toMatchObject([502, { code: 'model_unreachable' }]);
    expect(await stored()).toEqual(before);
    await f.call(A().tokens.admin, 'PUT', '/v1/team/drafting', { enabled: true, endpoint: model.base, model: 'qwen2.5:7b' });
  });

  it('who may draft: the packet’s rep, managers, admins; a CSM 403; another rep or team 404; bad bodies 400 with the field', async () => {
    model.reply({ text: '{"decisivePoints": "x", "problemsToSolve": ""}' });
    expect((await draft(A().tokens.manager)).status).toBe(200);
    expect((await draft(A().tokens.csm)).status).toBe(403);
    expect((await draft(A().tokens.rep2)).status).toBe(404);
    expect((await draft(f.teams[1]!.tokens.admin)).status).toBe(404);
    const bad = await f.call(A().tokens.rep, 'POST', '/v1/drafts', { key: KEY, kind: 'poem', locale: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ issues: [{ path: 'kind' }] });
  });
});
