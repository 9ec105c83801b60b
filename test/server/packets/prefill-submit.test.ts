// Issue 19 item 3 on the server: the submit gate scores with the same shared
// rule as the sidebar, so values the CRM page filled in count only once the
// rep confirmed them; the marks, confirmations and dismissals are ordinary
// pushed edits the server accepts and keeps.
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../harness/backends';
import { COMPLETE_OPS, hlc } from '../harness/seed';
import { serverFixture } from '../harness/server-fixture';

describe.each(BACKENDS)('prefilled values and the submit gate on %s', (backend) => {
  const f = serverFixture(backend, ['A'], { requestsPerMinute: 1e6 });

  it('a packet complete only with an unconfirmed CRM stakeholder is refused; confirmed, it submits', async () => {
    const rep = f.teams[0]!.tokens.rep;
    const key = 'hubspot:30512345:prefill-1';
    const enc = encodeURIComponent(key);
    const fromCrm = { crm: 'pending', crmSource: 'hubspot:contacts', crmReadAt: '2026-11-30T20:00:00.000Z' };
    const ops = [
      ...COMPLETE_OPS.filter((op) => !('list' in op && op.list === 'stakeholders')),
      { kind: 'add', list: 'stakeholders', item: { id: 'crm-c-1', name: 'Amara Nwosu', email: 'amara@northwindcold.example', role: 'decision_maker', ...fromCrm } },
      { kind: 'set', path: 'prefill.fields.industry.crm', value: 'confirmed' },
      { kind: 'set', path: 'prefill.filledAt', value: fromCrm.crmReadAt },
      { kind: 'add', list: 'prefill.dismissed', item: { id: 'crm-a-9', at: fromCrm.crmReadAt } },
    ];
    const push = (mutations: unknown[]) => f.call(rep, 'POST', '/v1/sync/push', { clientId: 'prefill-client', mutations });
    const pushed = await push(ops.map((op, i) => ({ id: `p-${i}`, packetKey: key, op, hlc: hlc() })));
    expect(pushed.status).toBe(200);
    expect((pushed.json.results as { status: string }[]).every((r) => r.status === 'applied')).toBe(true);

    const refused = await f.call(rep, 'POST', `/v1/packets/${enc}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: 'incomplete', missing: ['stakeholderWithContact'] });

    const confirm = { kind: 'update', list: 'stakeholders', id: 'crm-c-1', patch: { crm: 'confirmed' } };
    expect((await push([{ id: 'confirm', packetKey: key, op: confirm, hlc: hlc() }])).status).toBe(200);
    expect((await f.call(rep, 'POST', `/v1/packets/${enc}/submit`)).status).toBe(200);

    const packet = (await f.call(rep, 'GET', `/v1/packets/${enc}`)).json.packet as { stakeholders: { crm: string; crmSource: string }[]; prefill: { dismissed: { id: string }[] } };
    expect(packet.stakeholders[0]).toMatchObject({ crm: 'confirmed', crmSource: 'hubspot:contacts' });
    expect(packet.prefill.dismissed.map((d) => d.id)).toEqual(['crm-a-9']);
  });
});
