// The team's checklist template: the default until changed, validated, previewed
// against open packets, and used by the server's own submit check.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '@/lib/packet/checklist-template';
import { BACKENDS } from '../harness/backends';
import { COMPLETE_OPS, hlc } from '../harness/seed';
import { serverFixture } from '../harness/server-fixture';

describe.each(BACKENDS)('team checklist template on %s', (backend) => {
  const f = serverFixture(backend, ['A', 'B'], { requestsPerMinute: 1e6 });

  it('default, refused when malformed, previewed, then enforced on submit; other teams keep theirs', async () => {
    const A = f.teams[0]!;
    expect((await f.call(A.tokens.rep, 'GET', '/v1/team/template')).json.template).toEqual(DEFAULT_TEMPLATE);
    const key = 'zoho:org60012345:template-1';
    const enc = encodeURIComponent(key);
    expect((await f.call(A.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'template-client', mutations: COMPLETE_OPS.map((op, i) => ({ id: `t-${i}`, packetKey: key, op, hlc: hlc() })) })).status).toBe(200);

    // Goals become required and weigh 30: the complete-by-default packet falls short.
    const stricter = { threshold: 80, items: DEFAULT_TEMPLATE.items.map((i) => (i.id === 'goals' ? { ...i, required: true, weight: 30 } : i)) };
    expect((await f.call(A.tokens.rep, 'PUT', '/v1/team/template', stricter)).status).toBe(403);
    const dup = await f.call(A.tokens.manager, 'PUT', '/v1/team/template', { threshold: 80, items: [...stricter.items, stricter.items[0]] });
    expect(dup.status).toBe(400);
    expect(dup.json.error?.path).toBe('items');
    expect((await f.call(A.tokens.manager, 'PUT', '/v1/team/template', { threshold: 120, items: stricter.items })).json.error?.path).toBe('threshold');

    const preview = await f.call(A.tokens.manager, 'POST', '/v1/team/template/preview', stricter);
    expect(preview.json).toEqual({ openPackets: 1, belowThresholdNow: 0, belowThresholdAfter: 1, cannotSubmitAfter: 1 });
    const saved = await f.call(A.tokens.manager, 'PUT', '/v1/team/template', stricter);
    expect(saved.status).toBe(201);
    expect((saved.json.template as { version: number }).version).toBe(DEFAULT_TEMPLATE.version + 1);

    const refused = await f.call(A.tokens.rep, 'POST', `/v1/packets/${enc}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: 'incomplete', missing: ['goals'] });
    // The packet itself is untouched by the template change: filling the goal lets it through.
    expect((await f.call(A.tokens.rep, 'POST', '/v1/sync/push', { clientId: 'template-client', mutations: [{ id: 'g', packetKey: key, op: { kind: 'add', list: 'goals', item: { id: 'g1', goal: 'Cut re-keying', target: '-50%' } }, hlc: hlc() }] })).status).toBe(200);
    expect((await f.call(A.tokens.rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);

    expect((await f.call(f.teams[1]!.tokens.rep, 'GET', '/v1/team/template')).json.template).toEqual(DEFAULT_TEMPLATE);
  });
});
