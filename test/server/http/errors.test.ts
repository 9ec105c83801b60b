// A 400 names every problem field by field (path, issue code, parameters) and
// says it in English by the field's label — what the extension turns into the
// UI language next to the field. Refusals carry their code and details.
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../harness/backends';
import { serverFixture } from '../harness/server-fixture';

describe.each(BACKENDS)('error answers on %s', (backend) => {
  const f = serverFixture(backend, ['A'], { requestsPerMinute: 1e6 });

  it('validation: every field by label, with issues to place', async () => {
    const A = f.teams[0]!;
    const bad = await f.call(A.tokens.manager, 'PUT', '/v1/claims/policy', { flatDays: 0, warnDays: -1 });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: 'invalid',
      path: 'flatDays',
      message: 'Days of protection: must be at least 1; Warn this many days before: must be at least 0',
      issues: [
        { path: 'flatDays', code: 'atLeast', params: { min: 1 } },
        { path: 'warnDays', code: 'atLeast', params: { min: 0 } },
      ],
    });
    const root = await f.call(A.tokens.manager, 'PUT', '/v1/claims/policy', { flatdays: 14 });
    expect(root.json.error?.message).toBe('Claim policy: has a setting Baton does not know: flatdays');
    expect(root.json.error?.message).not.toContain('(root)');

    const user = await f.call(A.tokens.admin, 'POST', '/v1/users', { name: 'Pat', role: 'rep', channel: 'reseller' });
    expect(user.json.error).toMatchObject({ path: 'channel', message: 'Channel: must be direct, telesales or partner:NAME', issues: [{ path: 'channel', code: 'format' }] });
    const tpl = await f.call(A.tokens.manager, 'PUT', '/v1/team/template', { threshold: 80, items: [{ id: 'risks', required: true, weight: -1 }] });
    expect(tpl.json.error?.message).toMatch(/ — Weight: must be more than 0$/);
    const period = await f.call(A.tokens.manager, 'GET', '/v1/team/health?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z');
    expect(period.json.error).toMatchObject({ path: 'query.from', issues: [{ path: 'query.from', code: 'beforeTo' }] });
  });

  it('refusals: a code and the details a message needs', async () => {
    const A = f.teams[0]!;
    const r = await f.call(A.tokens.rep, 'GET', '/v1/team/health');
    expect(r.status).toBe(403);
    expect(r.json.error).toMatchObject({ code: 'forbidden', allowed: ['manager', 'admin'] });
  });
});
